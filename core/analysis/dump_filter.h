// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/dump_groups.h"
#include "core/base/error.h"

#include <optional>
#include <string>
#include <vector>

namespace gs {

// The coarse state behind a dump's status text: a goroutine whose status is a wait reason is
// Waiting; the runtime's own state names map to themselves.
enum class DumpState
{
    Running,
    Runnable,
    Waiting,
    Syscall,
    Other, // idle, dead, copystack, preempted, "???"
};
DumpState dumpStateOf(std::string_view status);
const char* dumpStateName(DumpState s);
std::optional<DumpState> parseDumpState(std::string_view name);

// The trace filters that make sense on a dump; every set condition must hold.
struct DumpFilter
{
    std::optional<DumpState> state;
    std::string waitReason;    // the exact status text ("chan receive"); empty: any
    std::string functionRegex; // a function in the stack matches (searched, Go's syntax)
    int32_t minWaitMinutes = 0;

    bool empty() const { return !state && waitReason.empty() && functionRegex.empty() && minWaitMinutes == 0; }
};

// The entries that pass. Count-profile records have no state or wait time, so a state, reason or
// wait condition drops them. Fails only for an invalid regex.
Result<std::vector<DumpEntry>> filterDump(const Symbols& symbols, std::span<const DumpEntry> entries,
                                          const DumpFilter& filter);

} // namespace gs
