// SPDX-License-Identifier: MIT
#include "app/gui/session_place.h"

namespace gs::app {

namespace {

int64_t idOfRow(GoroutineRow row, const TraceData& trace)
{
    return row < trace.goroutines.size() ? trace.goroutines[row].id : kNoGoroutineId;
}

// The span of goroutine `goroutineId` starting exactly at `startNs` (absolute).
std::optional<ui::SpanRef> findSpan(int64_t goroutineId, TimeNs startNs, const TraceData& trace)
{
    const GoroutineRow row = trace.rowOf(goroutineId);
    if (row == kNoRow)
        return std::nullopt;
    const uint32_t i = trace.spans.firstStartingFrom(row, startNs);
    if (i >= trace.spans.rowRange(row).second || trace.spans.startOf(i) != startNs)
        return std::nullopt;
    return ui::SpanRef {row, i};
}

} // namespace

SessionPlace toSessionPlace(const ui::NavLocation& location, const TraceData& trace)
{
    SessionPlace place;
    place.goroutineId = idOfRow(location.goroutine, trace);
    if (location.span && location.span->span < trace.spans.size()) {
        place.spanGoroutineId = idOfRow(location.span->row, trace);
        place.spanStartNs = trace.spans.startOf(location.span->span) - trace.startNs;
    }
    if (location.endNs > location.startNs) {
        place.windowStartNs = location.startNs - trace.startNs;
        place.windowEndNs = location.endNs - trace.startNs;
    }
    place.function = location.function;
    place.tab = location.tab;
    return place;
}

ui::NavLocation toNavLocation(const SessionPlace& place, const TraceData& trace)
{
    ui::NavLocation location;
    location.goroutine = place.goroutineId == kNoGoroutineId ? kNoRow : trace.rowOf(place.goroutineId);
    if (place.spanGoroutineId)
        location.span = findSpan(*place.spanGoroutineId, trace.startNs + place.spanStartNs, trace);
    if (place.windowEndNs > place.windowStartNs) {
        location.startNs = trace.startNs + place.windowStartNs;
        location.endNs = trace.startNs + place.windowEndNs;
    }
    location.function = place.function;
    location.tab = place.tab;
    return location;
}

} // namespace gs::app
