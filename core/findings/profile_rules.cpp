// SPDX-License-Identifier: MIT
// The rules for profiles, in the order they are asked.
#include "core/findings/profile_rule_set.h"
#include "core/findings/rules.h"

namespace gs::findings {

void findProfileProblems(const FindingInput& in, std::vector<Finding>& out)
{
    for (auto rule : {findAllocationPressure, findProfileLockContention, findReflectionSerialisation, findSyscalls,
                      findDiffGrowth}) {
        if (in.stop.stop_requested())
            return;
        rule(in, out);
    }
}

} // namespace gs::findings
