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

    // A group of goroutines on one stack in one wait is a leak candidate from this many on: a
    // worker pool sized to the machine or to a few connections stays below it.
    int64_t leakMinGoroutines = 20;
    // From this many, a group is reported even without a wait time (low: one dump cannot tell a
    // leak from a busy pool), and with long waits it is a clear leak (high).
    int64_t leakManyGoroutines = 100;
    // The median wait (the runtime prints whole minutes) from which a candidate group is reported
    // (low): the runtime prints a wait only once a goroutine has been blocked a minute or more.
    int32_t leakWaitMinutes = 1;
    // The median wait that makes a candidate group medium, and high with leakManyGoroutines:
    // request and job goroutines finish in seconds, so ten minutes on the same line is not work.
    int32_t leakLongWaitMinutes = 10;
    // Growth between two dumps that makes a group a leak: at least this many more goroutines...
    int64_t leakMinGrowth = 10;
    // ...and at least this share more than the group had in the base dump (high); a big pool that
    // grows by a few percent is load (low). 0.5: half as many again.
    double leakMinGrowthShare = 0.5;

    // --- Execution traces: waits, blocking chains, lock contention, syscalls, regions ------------

    // A wait on a channel, select or sync primitive shorter than this is ordinary hand-off between
    // goroutines, not worth a finding: 10ms is well above scheduling noise and below what a user
    // of a service notices.
    TimeNs longWaitMinNs = 10'000'000;
    // A single wait of 100ms is latency a person notices (a request's budget is often less).
    TimeNs longWaitHighNs = 100'000'000;
    // One goroutine waiting long for another is the ordinary fan-in (main in WaitGroup.Wait; Low,
    // Medium on a lock); three or more held up by the same goroutine is one goroutine stalling the
    // others (High).
    size_t longWaitHighWaiters = 3;
    // Long waits are grouped by the goroutine at the end of their chain; past the five worst
    // roots the list repeats itself.
    size_t longWaitMaxFindings = 5;
    // Blocking chains longer than this are a convoy (every worker of a pool queued on one lock);
    // 64 hops reaches the holder of any realistic queue.
    size_t waitChainMaxHops = 64;
    // Lock contention is reported from 1% of the goroutines' time charged to one function (and at
    // least longWaitMinNs), a Medium finding from 5% on a lock or with longWaitHighWaiters waiters,
    // High from 25% when also a single wait was long (longWaitHighNs):
    // a quarter of the program's time lost to one holder is the problem of the capture, while
    // many short hand-offs are the cost of a busy channel.
    double lockContentionMinShare = 0.01;
    double lockContentionMediumShare = 0.05;
    double lockContentionHighShare = 0.25;
    size_t lockContentionMaxFindings = 5;
    // A goroutine in one system call for 10ms is blocked on the kernel (a read of a pipe or a
    // slow disk), not making a quick call; 100ms, as for waits, is latency a person notices, and
    // High once system calls take 5% of the goroutines' time.
    TimeNs syscallMinNs = 10'000'000;
    TimeNs syscallHighNs = 100'000'000;
    double syscallHighShare = 0.05;
    size_t syscallMaxFindings = 5;
    // A user region or task is long when it lasts 10 times the p90 of the others of its name (at
    // least five of them, for the p90 to mean something) and at least 10ms; 100 times and a
    // tenth of the trace makes it Medium. Regions are what the program chose to measure, so a
    // long one is a lead, rarely the problem by itself.
    double regionOutlierRatio = 10;
    double regionExtremeRatio = 100;
    double regionExtremeTraceShare = 0.1;
    size_t regionMinSiblings = 5;
    TimeNs regionMinNs = 10'000'000;
    size_t regionMaxFindings = 5;

    // --- Execution traces: scheduler latency, GOMAXPROCS, GC, goroutine count --------------------

    // Scheduler latency: a goroutine's p99 wait for a processor, and saturation, where every
    // processor is busy while goroutines queue. 1 ms: well past the microseconds a free
    // processor takes to pick a goroutine up, so a p99 above it means goroutines wait their turn.
    TimeNs runnableP99Ns = 1'000'000;
    // 10 ms: Go's preemption slice; goroutines that wait that long wait for others to use theirs up.
    TimeNs runnableP99SevereNs = 10'000'000;
    // Saturation over a tenth of the trace is worth a look; over half of it, with the p99 wait past
    // runnableP99SevereNs, the program wanted more processors than GOMAXPROCS most of the time and
    // its goroutines paid for it.
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
    // Share of a CPU profile spent allocating (runtime.mallocgc) and collecting (the GC's workers,
    // assists and sweeping). The pacer gives the GC about a quarter of the CPU while it marks and
    // a healthy program allocates in a few percent of its time; past 30% the program mostly
    // manages memory, past 15% it is worth cutting allocations, under 5% it is noise.
    double allocCpuHigh = 0.30;
    double allocCpuMedium = 0.15;
    double allocCpuLow = 0.05;
    // A heap profile measures memory, not a cost in time, so an allocation site is at most a
    // low-severity finding: one site holding at least half of the allocated (or in-use) bytes
    // is the first place to look, below that the sites are only listed as context.
    double heapSiteDominant = 0.50;

    // Lock delay (mutex and block profiles) under one lock: a second of goroutines waiting is
    // latency users feel whatever the capture's length; a tenth of a second is a measurable cost;
    // under 10ms is the background every program with a lock shows.
    TimeNs lockDelayHigh = 1'000'000'000;
    TimeNs lockDelayMedium = 100'000'000;
    TimeNs lockDelayLow = 10'000'000;
    // A lock whose delay is under this share of the profile's total delay is not reported: the
    // lock heads above it say where the waiting is.
    double lockMinShare = 0.05;

    // Share of a CPU profile under reflection and encoding (reflect, encoding/json, gob, xml,
    // protobuf, fmt): past 30% the program mostly converts data; 10% is a cost a code generator
    // or a cached encoder removes; under 3% it is the usual logging and formatting.
    double reflectCpuHigh = 0.30;
    double reflectCpuMedium = 0.10;
    double reflectCpuLow = 0.03;

    // Share of a CPU profile inside system calls: past 30% the program is bound by the kernel
    // (usually many small reads or writes that buffering would merge); 10% is worth a look; under
    // 3% is what any program doing I/O shows.
    double syscallCpuHigh = 0.30;
    double syscallCpuMedium = 0.10;
    double syscallCpuLow = 0.03;

    // Growth of one function's share of the profile between the base and the profile (points of
    // the total): a quarter of the total moved to one function is a regression by itself; 10
    // points is worth a look; under 3 points is the noise between two samplings of the same
    // program.
    double growthHigh = 0.25;
    double growthMedium = 0.10;
    double growthLow = 0.03;
    // Functions whose growth is within this of the largest are taken as one call chain growing
    // together (a caller and the callee that changed), and the deepest is named: callers add a
    // few samples of their own, so their growth differs from the callee's by a point or two.
    double growthSameChain = 0.02;
};

} // namespace gs
