// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/goroutine_table.h"

#include <cstdint>

namespace gs {

// Every threshold the finding rules use, in one place, with the reason for its value. README's
// "Findings" section lists them; a rule never hard-codes a number of its own. Shares are 0..1.
struct FindingThresholds
{
    // --- Goroutine dumps -------------------------------------------------------------------------

    // --- Execution traces: waits, blocking chains, lock contention, syscalls, regions ------------

    // --- Execution traces: scheduler latency, GOMAXPROCS, GC, goroutine count --------------------

    // Scheduler latency: a goroutine's p99 wait for a processor, and saturation, where every
    // processor is busy while goroutines queue. 1 ms: well past the microseconds a free
    // processor takes to pick a goroutine up, so a p99 above it means goroutines wait their turn.
    TimeNs runnableP99Ns = 1'000'000;
    // 10 ms: Go's preemption slice; goroutines that wait that long wait for others to use theirs up.
    TimeNs runnableP99SevereNs = 10'000'000;
    // Saturation over a tenth of the trace is worth a look; over half of it, the program wanted
    // more processors than GOMAXPROCS most of the time.
    double saturatedShare = 0.1;
    double saturatedShareSevere = 0.5;
    // Saturated moments less than this apart are one stretch: a processor hands over to the next
    // goroutine within microseconds, and such a gap does not empty the queue.
    TimeNs saturationGapNs = 1'000'000;

    // GC pressure: the share of the trace with a GC cycle running. A program whose heap grows
    // at a steady pace is in GC a few percent of the time; a quarter is a cost worth a look, and
    // GC running over half the trace means allocation drives the program.
    double gcShare = 0.25;
    double gcShareSevere = 0.5;
    // The minimum mutator utilisation over 10 ms windows (go tool trace's MMU): below a half,
    // some 10 ms had the program on less than half the processors, the GC on the rest.
    TimeNs mmuWindowNs = 10'000'000;
    double mmuLow = 0.5;
    // Mark assists taking a quarter of the running time of the program's goroutines: the GC's
    // pacer keeps assists to a few percent while it keeps up with allocation.
    double assistShare = 0.25;

    // Goroutine growth: the live count ending this much above where it started, and at least
    // twice as high, is a rise worth a look; five times that is a leak in the making. A server's
    // count moves by its concurrency, tens to hundreds, and comes back.
    int64_t goroutineGrowth = 100;
    int64_t goroutineGrowthSevere = 500;
    // The end count within this share of the peak: the rise held to the end rather than being a
    // burst that drained.
    double growthHeldShare = 0.8;

    // Goroutine storm: more than this many goroutines created within stormWindowNs, at several
    // times the rate of creation in the rest of the trace, so a burst rather than a server's
    // steady flow, whose busiest window stays close to its usual rate.
    // 100 ms: short enough that the burst stands out, long enough to hold a burst whole.
    TimeNs stormWindowNs = 100'000'000;
    int64_t stormGoroutines = 1000;
    int64_t stormGoroutinesSevere = 10000;
    double stormRateFactor = 4;

    // --- Profiles ----------------------------------------------------------------------------------
};

} // namespace gs
