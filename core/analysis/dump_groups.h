// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/stack_selection.h"
#include "core/model/event_store.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace gs {

// One countable item of a dump, whatever its form: a goroutine of a traceback (count 1) or a
// record of a debug=1 count profile (its count; no state or wait time). Every dump analysis
// works on entries, so the views treat both forms alike.
struct DumpEntry
{
    uint32_t index = 0; // into dump.goroutines or dump.records
    StackId stack = 0;
    StringId state = 0;
    int32_t waitMinutes = 0;
    int64_t count = 1;
};

// All entries of a dump, in file order.
std::vector<DumpEntry> dumpEntries(const GoroutineDumpData& dump);

enum class DumpGrouping
{
    IdenticalStack, // same functions at the same lines (arguments may differ)
    SimilarStack,   // same sequence of functions, lines may differ
    State,          // same status / wait reason
    WaitTime,       // same wait-time bucket (waitBuckets)
};

struct DumpGroup
{
    StackId stack = 0;        // the first member's stack (for stack groupings, representative)
    StringId state = 0;       // State grouping: the state; otherwise the first member's
    int waitBucket = 0;       // WaitTime grouping: index into waitBuckets()
    int64_t count = 0;        // goroutines in the group
    int32_t minWaitMinutes = 0;
    int32_t maxWaitMinutes = 0;
    std::vector<uint32_t> entries; // positions in the entries given to groupDump
};

// Groups entries (all of a dump, or a filtered subset), largest group first; ties keep the
// order of first appearance.
std::vector<DumpGroup> groupDump(const Symbols& symbols, std::span<const DumpEntry> entries, DumpGrouping by);

// Wait-time buckets: [minMinutes, next bucket's minMinutes), with a label for display.
struct WaitBucket
{
    int32_t minMinutes;
    const char* label;
};
std::span<const WaitBucket> waitBuckets();
int waitBucketOf(int32_t minutes);

// The key that finds an entry's group again in another dump of the same process (which has its
// own symbol table): the status and the function names, lines left out since they move when the
// process is rebuilt.
std::string crossDumpKey(const Symbols& symbols, const DumpEntry& entry);

// The function names of a stack, innermost first.
std::vector<std::string> stackFunctionNames(const Symbols& symbols, StackId stack);

// The entries' stacks weighted by goroutine count, for a flame graph or top table of a subset.
WeightedStacks dumpWeightedStacks(std::span<const DumpEntry> entries);

} // namespace gs
