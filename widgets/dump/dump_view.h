// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/dump_filter.h"
#include "core/analysis/dump_groups.h"
#include "core/base/error.h"
#include "core/model/event_store.h"

#include <memory>
#include <vector>

namespace gs::ui {

// What the goroutines panel shows: a filter and a grouping. A plain value, copied into the worker.
struct DumpQuery
{
    DumpFilter filter;
    DumpGrouping grouping = DumpGrouping::IdenticalStack;
};

// The finished, immutable result of one query over a dump store.
struct DumpView
{
    StorePtr store;                 // the dump the entries index into
    std::vector<DumpEntry> entries; // the entries that pass the filter, in file order
    std::vector<DumpGroup> groups;  // of `entries`, largest first
    int64_t goroutines = 0;         // sum of the entries' counts
    int64_t totalGoroutines = 0;    // the whole dump's
    // The filtered subset as a profile store for the flame graph and top table (its own copy of
    // the symbols, no dump); the dump store itself when the filter is empty.
    StorePtr profileStore;
};

// Filters and groups a dump store on the calling thread. With `withProfile` false the profile
// store is left null (a grouping change does not change the subset). Fails only for an invalid
// function regex, with a one-line message.
Result<std::shared_ptr<const DumpView>> computeDumpView(const StorePtr& store, const DumpQuery& query, bool withProfile);

// The row of the group holding the goroutine at `index` of the dump's goroutines, or -1 when the
// filter left it out.
int groupRowOf(const DumpView& view, uint32_t index);

} // namespace gs::ui
