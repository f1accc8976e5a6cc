// SPDX-License-Identifier: MIT
#pragma once

#include "core/findings/findings.h"

#include <vector>

// The trace rules about time goroutines spent not running: waiting on each other, in system calls,
// or in the regions the program marked. Each appends its findings to `out`.
namespace gs::findings {

// "long-wait": the longest waits on channels, select and sync primitives, grouped by the goroutine
// at the end of their blocking chain, root cause first.
void findLongWaits(const FindingInput& in, std::vector<Finding>& out);
// "lock-contention": sync waits charged to the function of the goroutine that kept them waiting.
void findTraceLockContention(const FindingInput& in, std::vector<Finding>& out);
// "blocking-syscall": long system calls, by the function that made them.
void findBlockingSyscalls(const FindingInput& in, std::vector<Finding>& out);
// "long-region": user regions and tasks far longer than the others of their name.
void findLongRegions(const FindingInput& in, std::vector<Finding>& out);

} // namespace gs::findings
