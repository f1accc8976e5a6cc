// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"
#include "widgets/timeline/timeline_index.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace gs::ui {

enum class RowKind : uint8_t
{
    Processor,   // index: into TraceData::processors
    Thread,      // index: into TraceData::threads
    GroupHeader, // index: into TimelineLayout::groups()
    TaskLane,    // index: a lane of TimelineIndex::taskLanes()
    Goroutine,   // index: GoroutineRow
};

struct LayoutRow
{
    RowKind kind = RowKind::Goroutine;
    uint32_t index = 0;
};

enum class GoroutineSort
{
    Id,           // ascending goroutine ID
    StartTime,    // ascending creation time
    TotalBlocked, // descending time blocked (all wait reasons)
    TotalRunning, // descending execution time
};

// Goroutines sharing a start function.
struct GoroutineGroup
{
    FunctionId function = UINT32_MAX; // UINT32_MAX: start function unknown
    std::vector<GoroutineRow> members; // the goroutines kept by the filter, in sort order
    bool collapsed = false;
};

// The vertical layout of a timeline: which row is drawn at which y. Processor rows come first,
// then the thread rows (when asked for), then the task lanes (when the trace has user tasks), then, per start-function group, a header row and (unless the group is collapsed) its goroutine
// rows, or just the goroutines when grouping is off. A group of one goroutine has no header
// unless it is collapsed. Goroutines the filter mask drops have no row
// at all (and groups left empty no header), so what is filtered out is gone, not dimmed; so do the
// goroutines that do not exist in Options::existingIn. Heights
// are kept as prefix sums, so the row at a y coordinate, and with it the first visible row of a
// paint, is one binary search.
//
// Invariants: top(i) is strictly increasing, top(0) = 0, top(rowCount()) = totalHeight().
// Build is O(n log n) for sorting n goroutines; rowAt is O(log rows). Value type, GUI-thread free.
class TimelineLayout
{
public:
    static constexpr int kProcRowHeight = 12;
    // A group's header: its name and count in the gutter, its activity strip in the time area.
    static constexpr int kHeaderRowHeight = 32;
    static constexpr int kStateBarHeight = 14;
    static constexpr int kRegionTrackHeight = 11;
    static constexpr int kTaskLaneHeight = 13;
    static constexpr int kRowGap = 2;
    static constexpr size_t kFoldedGroupMembers = 1000;

    struct Options
    {
        GoroutineSort sort = GoroutineSort::Id;
        bool grouped = true;
        bool showProcessors = true;
        bool showThreads = false; // one row per OS thread (M), after the processors
        bool showTasks = true;
        // Groups (by start function) folded to their header: those in `collapsed`, and those of
        // more than foldGroupsLargerThan members unless in `expanded` (a group of a million
        // goroutines reads better as its header's activity strip than as a million rows).
        std::set<FunctionId> collapsed;
        std::set<FunctionId> expanded;
        size_t foldGroupsLargerThan = kFoldedGroupMembers;
        // Per GoroutineRow, 1 to show it (GoroutineFilterResult::keep); null shows every goroutine.
        // Shared, not copied: one byte per goroutine, and Options is copied on every layout change.
        std::shared_ptr<const std::vector<uint8_t>> keep;
        // When set, only the goroutines that exist at some time of [first, second] (their first
        // span starts by its end, their last span ends after its start) have rows: zoomed in,
        // goroutines not yet created or long gone would only be empty lines.
        std::optional<std::pair<TimeNs, TimeNs>> existingIn;
        // A goroutine given a row even where it does not exist (one being revealed).
        GoroutineRow shownAnyway = kNoRow;
    };

    TimelineLayout() = default;
    TimelineLayout(const TraceData& trace, const TimelineIndex& index, const Options& options);

    size_t rowCount() const { return m_rows.size(); }
    const LayoutRow& row(size_t i) const { return m_rows[i]; }
    int top(size_t i) const { return m_tops[i]; }
    int height(size_t i) const { return m_tops[i + 1] - m_tops[i]; }
    int totalHeight() const { return m_tops.empty() ? 0 : m_tops.back(); }
    // Row containing y (>= 0), or rowCount() below the last row.
    size_t rowAt(int y) const;
    // Layout position of a goroutine row, or rowCount() when hidden (collapsed group or filtered out).
    size_t positionOf(GoroutineRow row) const;

    const std::vector<GoroutineGroup>& groups() const { return m_groups; }

private:
    void append(RowKind kind, uint32_t index, int height);

    std::vector<LayoutRow> m_rows;
    std::vector<int> m_tops; // rowCount() + 1 prefix sums
    std::vector<GoroutineGroup> m_groups;
    std::vector<uint32_t> m_positionOf; // per goroutine row; UINT32_MAX when hidden
};

// The processor or thread a row shows, or null for other kinds of row.
inline const ResourceSpans* resourceOf(const TraceData& trace, const LayoutRow& row)
{
    if (row.kind == RowKind::Processor)
        return &trace.processors[row.index];
    if (row.kind == RowKind::Thread)
        return &trace.threadSpans(row.index);
    return nullptr;
}

// Sort key helpers shared by the layout and tests.
TimeNs totalBlockedNs(const GoroutineStats& stats);

} // namespace gs::ui
