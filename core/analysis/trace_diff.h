// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gs {

// Two execution traces of the same program (before and after a change) side by side: per start
// function, the times of `go tool trace`'s goroutine analysis; per region type, the latencies of
// its "User-defined regions" page. Start functions and region types are matched by name, since
// the two traces have separate symbol tables.

// The goroutine-analysis times (TraceData::goroutineStats) of the goroutines of one start
// function, summed over them.
struct GoroutineGroupTimes
{
    int64_t goroutines = 0;
    TimeNs execNs = 0;
    TimeNs schedWaitNs = 0;
    TimeNs syscallNs = 0;
    TimeNs syscallBlockNs = 0;
    std::map<std::string, TimeNs> blockNsByReason; // by wait reason ("chan receive")
    TimeNs totalNs = 0;

    bool operator==(const GoroutineGroupTimes&) const = default;
};

// The durations of the regions of one type, as summarizeRegions takes them.
struct RegionLatency
{
    int64_t count = 0;
    TimeNs totalNs = 0;
    TimeNs p50Ns = 0;
    TimeNs p90Ns = 0;
    TimeNs p99Ns = 0;
    TimeNs maxNs = 0;

    bool operator==(const RegionLatency&) const = default;
};

// One start function or region type in both traces. A side without goroutines of that function
// or regions of that type is nothing, and counts as zeros in `difference` (after - before; for
// start functions, with the wait reasons of both sides).
template<typename Times>
struct SideBySide
{
    std::string name; // for start functions, empty for goroutines whose start function the trace does not tell
    std::optional<Times> before;
    std::optional<Times> after;
    Times difference;

    bool isNew() const { return !before; }
    bool isGone() const { return !after; }
    bool unchanged() const { return before == after; }
};

using StartFunctionDiff = SideBySide<GoroutineGroupTimes>;
using RegionTypeDiff = SideBySide<RegionLatency>;

struct TraceDiff
{
    // Sorted by the size of the change: start functions by the absolute difference of their total
    // time (the goroutines' lifetimes in the trace), region types by the absolute difference of
    // their p90 latency, then of their total time; ties by name.
    std::vector<StartFunctionDiff> startFunctions;
    std::vector<RegionTypeDiff> regionTypes;
};

// Compares two execution traces; both stores must hold one (store.trace).
TraceDiff diffTraces(const EventStore& before, const EventStore& after);

} // namespace gs
