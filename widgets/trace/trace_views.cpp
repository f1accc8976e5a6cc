// SPDX-License-Identifier: MIT
#include "widgets/trace/trace_views.h"

#include "core/base/error.h"
#include "widgets/goroutines/wait_reasons.h"

#include <future>

namespace gs::ui {

TraceViewsPtr prepareTraceViews(const StorePtr& store, std::stop_token stop)
{
    if (!store || !store->trace)
        return nullptr;
    const TraceData& trace = *store->trace;
    auto views = std::make_shared<TraceViews>();
    // Three independent parts: the goroutine table's and the creation tree's on threads of their
    // own, the timeline's and the plots' here.
    auto tables = std::async(std::launch::async, [&] {
        views->waitReasons = waitReasons(trace);
        if (stop.stop_requested())
            return;
        views->tableOrder = std::make_shared<const GoroutineOrder>(
            sortGoroutines(*store, nullptr, views->waitReasons, ExecutionColumn, Qt::DescendingOrder));
    });
    auto creation = std::async(std::launch::async, [&] {
        views->creation = std::make_shared<const CreationIndex>(buildCreationIndex(trace));
    });
    views->plots = std::make_shared<const TracePlotSeries>(makeTracePlotSeries(trace));
    views->timeline = prepareTimeline(store, stop);
    tables.get();
    creation.get();
    if (stop.stop_requested())
        throw Cancelled();
    return views;
}

} // namespace gs::ui
