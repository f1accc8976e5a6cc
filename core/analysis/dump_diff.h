// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/model/event_store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gs {

// A goroutine present in both dumps (same ID, same functions) that has been waiting longer.
struct PersistentGoroutine
{
    uint64_t id = 0;
    int32_t waitBefore = 0; // minutes
    int32_t waitAfter = 0;
    int32_t growth() const { return waitAfter - waitBefore; }
};

// Goroutines with the same sequence of functions and the same status, counted in both dumps.
// Stacks are compared by function name, since the two dumps have separate symbol tables and
// lines move when the process is rebuilt.
struct DumpDiffGroup
{
    std::vector<std::string> functions; // innermost first
    std::string state;                  // empty for count profiles
    int64_t before = 0;
    int64_t after = 0;
    StackId beforeStack = 0; // a representative stack in each store (0 when absent there)
    StackId afterStack = 0;
    std::vector<PersistentGoroutine> persistent; // by growth, largest first

    int64_t growth() const { return after - before; }
    bool isNew() const { return before == 0 && after > 0; }
};

struct DumpDiff
{
    // Sorted by growth (largest first), then by `after`; groups that shrank come last.
    std::vector<DumpDiffGroup> groups;
    int64_t totalBefore = 0;
    int64_t totalAfter = 0;
};

// Compares two dumps of the same process taken at different times: the leak finder. Both stores
// must hold a dump (store.dump); fails with a message naming which does not.
Result<DumpDiff> diffDumps(const EventStore& before, const EventStore& after);

} // namespace gs
