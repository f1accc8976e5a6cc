// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/goroutine_relations.h"
#include "core/model/event_store.h"
#include "widgets/goroutines/goroutine_order.h"
#include "widgets/plots/plot_series.h"
#include "widgets/timeline/timeline_parts.h"

#include <memory>
#include <stop_token>
#include <vector>

namespace gs::ui {

// Everything the trace page's views need for their first paint, built once per trace off the GUI
// thread (by the file loader, right after the store): with millions of goroutines each part takes
// from a few hundred milliseconds to seconds, which the GUI thread must never spend. The views
// take their parts as they are and compute only what a later user action asks for.
struct TraceViews
{
    TimelineParts timeline;
    std::shared_ptr<const CreationIndex> creation;
    std::vector<StringId> waitReasons; // the goroutine table's reason columns, the filter's reasons
    GoroutineOrderPtr tableOrder;      // the goroutine table's first order: execution time, descending
    std::shared_ptr<const TracePlotSeries> plots;
};
using TraceViewsPtr = std::shared_ptr<const TraceViews>;

// Builds the views' parts of a store that has a trace (null otherwise), independent parts on three
// threads. Throws Cancelled when `stop` is requested first.
TraceViewsPtr prepareTraceViews(const StorePtr& store, std::stop_token stop = {});

} // namespace gs::ui
