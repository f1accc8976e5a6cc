// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/timeline/timeline_scene.h"

#include <QString>

#include <array>

namespace gs::ui {

// Time per core state inside a time range, summed over goroutines (spans clipped to the range).
struct RangeSummary
{
    TimeNs startNs = 0;
    TimeNs endNs = 0;
    std::array<TimeNs, kSpanStateCount> byState{};
    size_t goroutines = 0; // goroutines with any span in the range
};

// Sums the visible goroutine rows of `layout` over [a, b): per row two binary searches, the two
// clipped edge spans and SpanTable::stateMix for the rest, so O(rows * (log n + 64)).
RangeSummary summarizeRange(const TraceData& trace, const TimelineLayout& layout, TimeNs a, TimeNs b);

// Multi-line plain text of a summary: "12.3 ms selected, 40 goroutines\nrunning 1.2 ms (3.4%)...".
QString describeRange(const RangeSummary& summary);

// Tooltip text (rich text) for what hitTest found: a span (goroutine, state, reason, duration,
// waker, top stack frames), a merged block ("N spans: 41% running, 30% chan receive, ..."), a
// processor span or utilisation, or a group header. Empty for nothing.
QString describeHit(const TimelineScene& scene, const TimelineHit& hit);

// State of a span with its wait reason, if any: "waiting (chan receive)". Plain text, the reason
// passed through captureText.
QString spanStateLabel(const TraceData& trace, const Symbols& symbols, uint32_t span);

// The top `maxFrames` function names of a stack (innermost first) as rich text, one
// "<br>&nbsp;&nbsp;name" per frame, then "… N more frames" when cut; empty for an empty stack.
QString stackFramesHtml(const Symbols& symbols, StackId stack, size_t maxFrames);

// Goroutine label: "G42 main.worker". Plain text, the function name passed through captureText.
QString goroutineTitle(const TraceData& trace, const Symbols& symbols, GoroutineRow row);

// Duration for people: "1.23 ms".
QString formatDuration(TimeNs ns);

} // namespace gs::ui
