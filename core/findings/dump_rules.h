// SPDX-License-Identifier: MIT
#pragma once

#include "core/findings/findings.h"

#include <string_view>
#include <vector>

// The rules findDumpProblems runs, one file each. Each needs in.store.dump.
namespace gs::findings {

// The line the runtime prints when no goroutine can ever run again.
constexpr std::string_view kRuntimeDeadlockHeadline = "fatal error: all goroutines are asleep - deadlock!";

// "goroutine-leak": groups of goroutines on one stack in one wait that grew since the base dump,
// or that are many and have waited long.
void findGoroutineLeaks(const FindingInput& in, std::vector<Finding>& out);

// "deadlock": the runtime's "all goroutines are asleep" error, or a dump in which every goroutine
// of the program waits on another.
void findDeadlock(const FindingInput& in, std::vector<Finding>& out);

// "crash": a panic or fatal error, with the goroutine that hit it.
void findCrash(const FindingInput& in, std::vector<Finding>& out);

} // namespace gs::findings
