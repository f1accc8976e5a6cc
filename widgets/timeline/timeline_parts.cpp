// SPDX-License-Identifier: MIT
#include "widgets/timeline/timeline_parts.h"

namespace gs::ui {

TimelineParts prepareTimeline(const StorePtr& store, std::stop_token stop)
{
    TimelineParts parts;
    if (!store || !store->trace)
        return parts;
    const TraceData& trace = *store->trace;
    parts.index = std::make_shared<const TimelineIndex>(*store);
    if (stop.stop_requested())
        return parts;
    parts.layout = std::make_shared<const TimelineLayout>(trace, *parts.index, TimelineLayout::Options{});
    if (stop.stop_requested())
        return parts;
    parts.activity = std::make_shared<const GroupActivity>(computeGroupActivity(
        trace, *parts.index, parts.layout->groups(), trace.startNs, trace.endNs, kPreparedActivityBuckets, stop));
    return parts;
}

} // namespace gs::ui
