// SPDX-License-Identifier: MIT
// The rules for execution traces, in the order they are asked.
#include "core/findings/rules.h"
#include "core/findings/trace_sched_rules.h"

namespace gs::findings {

void findTraceProblems(const FindingInput& in, std::vector<Finding>& out)
{
    findSchedulerLatency(in, out);
    findGcPressure(in, out);
    findGoroutineGrowth(in, out);
    findGoroutineStorm(in, out);
}

} // namespace gs::findings
