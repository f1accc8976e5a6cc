// SPDX-License-Identifier: MIT
// The rules for goroutine dumps, in the order they are asked.
#include "core/findings/rules.h"

#include "core/findings/dump_rules.h"

namespace gs::findings {

void findDumpProblems(const FindingInput& in, std::vector<Finding>& out)
{
    findCrash(in, out);
    findDeadlock(in, out);
    if (!in.stop.stop_requested())
        findGoroutineLeaks(in, out);
}

} // namespace gs::findings
