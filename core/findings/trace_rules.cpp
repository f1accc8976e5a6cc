// SPDX-License-Identifier: MIT
// The rules for execution traces, in the order they are asked.
#include "core/findings/rules.h"
#include "core/findings/trace_sched_rules.h"
#include "core/findings/trace_wait_rules.h"

namespace gs::findings {

void findTraceProblems(const FindingInput& in, std::vector<Finding>& out)
{
    findLongWaits(in, out);
    findTraceLockContention(in, out);
    findBlockingSyscalls(in, out);
    findLongRegions(in, out);
    findSchedulerLatency(in, out);
    findGcPressure(in, out);
    findGoroutineGrowth(in, out);
    findGoroutineStorm(in, out);
}

} // namespace gs::findings
