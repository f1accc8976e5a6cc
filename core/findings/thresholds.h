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
