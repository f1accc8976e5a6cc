// SPDX-License-Identifier: MIT
#pragma once

#include "core/findings/findings.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

// The execution-trace rules about the scheduler, the GC and the number of goroutines, each in a
// file of its own, and what they share: tallies by function.
namespace gs::findings {

// Goroutines waiting runnable for a processor, and stretches where every processor was busy while
// goroutines queued (GOMAXPROCS saturation). trace_scheduler_latency.cpp
void findSchedulerLatency(const FindingInput& in, std::vector<Finding>& out);
// Time in GC, mark assists and the minimum mutator utilisation. trace_gc_pressure.cpp
void findGcPressure(const FindingInput& in, std::vector<Finding>& out);
// The live goroutine count rising through the trace, with what the goroutines left alive run.
// trace_goroutine_growth.cpp
void findGoroutineGrowth(const FindingInput& in, std::vector<Finding>& out);
// Very many goroutines created in a short stretch. trace_goroutine_storm.cpp
void findGoroutineStorm(const FindingInput& in, std::vector<Finding>& out);

// A quantity summed per function (runnable time, assist time, goroutines created).
using FunctionTally = std::unordered_map<FunctionId, double>;

// The functions of a tally, largest first (ties: by name), at most `limit` of them, leaving out
// those below `minShareOfLargest` of the largest; functions without a name are skipped.
std::vector<std::pair<std::string, double>> largestFunctions(const Symbols& symbols, const FunctionTally& tally,
                                                             size_t limit, double minShareOfLargest);
// The names of largestFunctions.
std::vector<std::string> functionNames(const std::vector<std::pair<std::string, double>>& ranked);

// Whether a goroutine of this start function is one of the runtime's own (the background sweeper,
// scavenger, GC workers): their waits and work are the runtime's, not the program's.
bool isRuntimeFunction(const Symbols& symbols, FunctionId function);

// The function whose `go` statement created goroutine row `row` (the leaf of its creation stack);
// UINT32_MAX when the trace does not say.
FunctionId creatorFunction(const EventStore& store, GoroutineRow row);

} // namespace gs::findings
