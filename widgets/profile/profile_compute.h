// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/call_edges.h"
#include "core/analysis/call_graph.h"
#include "core/analysis/flame_tree.h"
#include "core/analysis/granularity.h"
#include "core/analysis/profile_merge.h"
#include "core/analysis/stack_selection.h"
#include "core/analysis/top_table.h"
#include "core/base/error.h"
#include "core/model/event_store.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gs::ui {

enum class ViewMode
{
    TopDown,
    BottomUp,
    Sandwich,
    Graph, // pprof's call graph (and the top-down tree, for the flame graph behind it)
};

// Everything the profile views are computed from. A plain value: copied into the worker.
struct ProfileQuery
{
    size_t sampleType = 0;
    StackFilter filter;
    ViewMode mode = ViewMode::TopDown;
    std::string pivot; // sandwich: the function (by name) whose callers and callees are shown
    NodeGranularity granularity; // pprof's -functions/-files/-lines/-addresses/-noinlines
    // How a base profile is used: compared (pprof's -diff_base) or subtracted (-base), giving a
    // profile of the difference shown like any other.
    BaseMode baseMode = BaseMode::Compare;
    // pprof's -mean (the top table's values divided by the count of sample type 0), -unit
    // ("auto" or "ms", "MB"...) and -divide_by.
    bool mean = false;
    std::string unit = "auto";
    double divideBy = 1;
};

// The finished, immutable result of one query, shared by the flame graphs and the top table.
// All function ids refer to `symbols` (the store's own, or a merged table for a diff).
struct ProfileResult
{
    std::shared_ptr<const Symbols> symbols;
    std::shared_ptr<const FlameTree> tree;    // top-down / bottom-up tree; sandwich: callees of the pivot
    std::shared_ptr<const FlameTree> callers; // sandwich only: callers of the pivot (bottom-up)
    // Graph mode only: pprof's call graph (default pruning); for a comparison, -diff_base's graph
    // of the profile merged with its base. Its function ids are those of `graphSymbols`.
    std::shared_ptr<const CallGraph> graph;
    std::shared_ptr<const Symbols> graphSymbols;
    std::vector<TopRow> top;                  // pprof -top order; deltas for a diff
    std::vector<CallEdge> edges;              // pprof's call edges, for peek; deltas for a diff
    ValueType sampleType;
    int64_t total = 0;               // weight after filters
    int64_t baseTotal = 0;           // diff only: the base's weight after the same filters
    int64_t unfilteredTotal = 0;     // what pprof's percentages are of: all samples of the type
    int64_t unfilteredBaseTotal = 0; // diff only: the same for the base
    bool isDiff = false;
    std::optional<FunctionId> pivot;
    bool mean = false;              // the top rows and unfilteredTotal are means (pprof's -mean)
    std::string outputUnit = "auto"; // the values' display unit
    double ratio = 1;                // values are shown multiplied by it (1 / divideBy)

    // A value as the views show it: scaled by `ratio`, in `outputUnit`.
    int64_t shown(int64_t v) const { return ratio != 1 ? int64_t(double(v) * ratio) : v; }
};

// Runs a query against a store (and optionally a diff base) on the calling thread. The base uses
// the sample type of the same name when it has one, else the same index, and the same granularity;
// a subtracted base is merged in negated, as pprof's -base does. Fails for an invalid filter, a
// profile-less store, a base that does not merge or a granularity the stores cannot be regrouped
// at, with a one-line message.
Result<std::shared_ptr<const ProfileResult>> computeProfile(const StorePtr& store, const StorePtr& base,
                                                            const ProfileQuery& query);

} // namespace gs::ui
