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

    // --- Execution traces: scheduler latency, GOMAXPROCS, GC, goroutine count --------------------

    // --- Profiles ----------------------------------------------------------------------------------
};

} // namespace gs
