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
};

} // namespace gs
