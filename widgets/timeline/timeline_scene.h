// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"
#include "widgets/timeline/span_folder.h"
#include "widgets/timeline/time_window.h"
#include "widgets/timeline/timeline_index.h"
#include "widgets/timeline/timeline_layout.h"

#include <QRect>

#include <cstdint>
#include <optional>

namespace gs::ui {

class ContributorHighlight;
class GroupActivity;

// A span picked by the user: its goroutine row and absolute index in the SpanTable.
struct SpanRef
{
    GoroutineRow row = kNoRow;
    uint32_t span = 0;

    bool operator==(const SpanRef&) const = default;
};

// Everything a timeline paint or hit test reads, borrowed for the duration of the call. The same
// scene drives the screen, image export, the benchmark and the tests, so what is hit is what was
// drawn. Geometry: the header (colour legend, ruler, GC and STW bands) is pinned at the top of the area, the rows
// scroll under it by scrollY; a label gutter of labelWidth px is left of the time axis, whose
// pixel x = 0 is window.startNs.
struct TimelineScene
{
    static constexpr int kLegendHeight = 16;
    static constexpr int kRulerHeight = 20;
    static constexpr int kBandHeight = 9;
    static constexpr int kHeaderHeight = kLegendHeight + kRulerHeight + 2 * kBandHeight + 3;
    static constexpr double kMinBlockPx = 3.0;

    const TraceData* trace = nullptr;
    const Symbols* symbols = nullptr;
    const TimelineIndex* index = nullptr;
    const TimelineLayout* layout = nullptr;
    // The groups' activity strips (null or empty: headers without strips). It may be for another
    // window than `window` (a newer one is being computed): it is drawn by its own times.
    const GroupActivity* activity = nullptr;
    TimeWindow window;
    int labelWidth = 200;
    int scrollY = 0;
    std::optional<SpanRef> selectedSpan;
    std::optional<std::pair<TimeNs, TimeNs>> selectedRange;
    GoroutineRow selectedGoroutine = kNoRow; // its whole row is highlighted
    // A flame-graph frame's contributors: their stretches are outlined, their row labels marked.
    const ContributorHighlight* contributors = nullptr;

    // Left edge of the time axis inside `area`.
    int timeLeft(const QRect& area) const { return area.left() + labelWidth; }
    // The rows part of `area` (below the header).
    QRect rowsRect(const QRect& area) const { return area.adjusted(0, kHeaderHeight, 0, 0); }
    // Top y of layout row i inside `area`.
    int rowTop(const QRect& area, size_t i) const { return area.top() + kHeaderHeight + layout->top(i) - scrollY; }
    // Horizontal pixel extent [x0, x1) of a time range, clipped to the time axis and at least 1 px.
    std::pair<int, int> xRange(const QRect& area, TimeNs a, TimeNs b) const;
};

// What lies under a point of the timeline.
struct TimelineHit
{
    enum class Kind
    {
        None,
        Span,        // one goroutine span: block.begin is its index
        MergedSpans, // a folded run of goroutine spans [block.begin, block.end)
        ProcSpan,    // processor spans [block.begin, block.end) of processor `index`
        ThreadSpan,  // thread spans [block.begin, block.end) of thread `index` (TraceData::threads)
        GroupHeader, // group `index`
        RowLabel,    // the gutter of a goroutine row
        Region,      // user region `item` on goroutine row `index`
        Task,        // user task `item`: its marker (where it began) on goroutine row `index`, or its bar
                     // on a task lane (`index`: the row of the goroutine that began it, or kNoRow)
        Log,         // the marker of user log `item` on goroutine row `index`
    };
    Kind kind = Kind::None;
    size_t layoutRow = 0;
    uint32_t index = 0; // goroutine row, processor, thread or group, by kind
    uint32_t item = 0;  // index into TraceData::regions, tasks or logs, by kind
    FoldedBlock block;
    std::optional<TimeNs> timeNs; // the time under the point, right of the label gutter
};

} // namespace gs::ui
