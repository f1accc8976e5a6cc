// SPDX-License-Identifier: MIT
#include "widgets/timeline/timeline_layout.h"

#include "core/analysis/row_order.h"

#include <algorithm>
#include <map>

namespace gs::ui {

TimeNs totalBlockedNs(const GoroutineStats& stats)
{
    TimeNs sum = stats.syscallBlockNs;
    for (const auto& [reason, ns] : stats.blockNsByReason)
        sum += ns;
    return sum;
}

namespace {

// Sort key as a number where smaller comes first; ties are broken by goroutine ID.
int64_t sortKey(const TraceData& trace, GoroutineRow row, GoroutineSort sort)
{
    switch (sort) {
    case GoroutineSort::Id:
        return trace.goroutines.idOf(row);
    case GoroutineSort::StartTime:
        return trace.goroutines.createdNsOf(row);
    case GoroutineSort::TotalBlocked:
        return -totalBlockedNs(trace.goroutineStats(row));
    case GoroutineSort::TotalRunning:
        return -trace.goroutineStats(row).execNs;
    }
    return trace.goroutines.idOf(row);
}

} // namespace

TimelineLayout::TimelineLayout(const TraceData& trace, const TimelineIndex& index, const Options& options)
{
    m_tops.push_back(0);
    if (options.showProcessors) {
        for (size_t p = 0; p < trace.processors.size(); ++p)
            append(RowKind::Processor, uint32_t(p), kProcRowHeight);
    }
    if (options.showThreads) {
        for (size_t m = 0; m < trace.threads.size(); ++m) {
            // The first call makes every thread's span list: here, off the GUI thread for a large
            // trace, rather than in the paint that first shows the rows.
            trace.threadSpans(m);
            append(RowKind::Thread, uint32_t(m), kProcRowHeight);
        }
    }
    if (options.showTasks) {
        for (size_t lane = 0; lane < index.taskLanes().laneCount(); ++lane)
            append(RowKind::TaskLane, uint32_t(lane), kTaskLaneHeight);
    }
    const auto& gr = trace.goroutines;
    const std::vector<uint8_t>* keep = options.keep.get();
    const SpanTable& spans = trace.spans;
    const auto exists = [&](GoroutineRow r) {
        if (!options.existingIn || r == options.shownAnyway)
            return true;
        const uint32_t first = spans.offsets[r];
        const uint32_t last = spans.offsets[r + 1];
        return first < last && spans.startOf(first) <= options.existingIn->second
            && spans.endOf(last - 1) >= options.existingIn->first;
    };
    auto kept = [&](GoroutineRow r) { return (!keep || (r < keep->size() && (*keep)[r])) && exists(r); };
    std::vector<GoroutineRow> order;
    if (options.sort == GoroutineSort::Id) {
        order.reserve(gr.size());
        for (GoroutineRow r : trace.rowsById) {
            if (kept(r))
                order.push_back(r);
        }
    } else {
        order = rowsByKey(trace, [&](GoroutineRow r) { return sortKey(trace, r, options.sort); }, false, kept);
    }

    if (options.grouped) {
        // Groups appear in the order of their first member, so the group order follows the sort.
        std::map<FunctionId, size_t> groupOf;
        for (GoroutineRow r : order) {
            const FunctionId f = gr.startFunctionOf(r);
            auto [it, inserted] = groupOf.emplace(f, m_groups.size());
            if (inserted)
                m_groups.push_back({f, {}, false});
            m_groups[it->second].members.push_back(r);
        }
        for (GoroutineGroup& g : m_groups)
            g.collapsed = options.collapsed.count(g.function) > 0
                || (g.members.size() > options.foldGroupsLargerThan && options.expanded.count(g.function) == 0);
    } else {
        m_groups.push_back({UINT32_MAX, std::move(order), false});
    }

    m_positionOf.assign(gr.size(), UINT32_MAX);
    for (size_t g = 0; g < m_groups.size(); ++g) {
        // A lone goroutine's row names its start function already: a header would only take
        // room. One the user folded keeps its header, to be unfolded again.
        const bool lone = m_groups[g].members.size() == 1 && !m_groups[g].collapsed;
        if (options.grouped && !lone)
            append(RowKind::GroupHeader, uint32_t(g), kHeaderRowHeight);
        if (m_groups[g].collapsed)
            continue;
        for (GoroutineRow r : m_groups[g].members) {
            m_positionOf[r] = uint32_t(m_rows.size());
            append(RowKind::Goroutine, r, kStateBarHeight + int(index.regionTracks(r)) * kRegionTrackHeight + kRowGap);
        }
    }
}

void TimelineLayout::append(RowKind kind, uint32_t index, int height)
{
    m_rows.push_back({kind, index});
    m_tops.push_back(m_tops.back() + height);
}

size_t TimelineLayout::rowAt(int y) const
{
    if (y < 0)
        return 0;
    // First top greater than y, minus one.
    const auto it = std::upper_bound(m_tops.begin(), m_tops.end(), y);
    return std::min(size_t(it - m_tops.begin()) - 1, m_rows.size());
}

size_t TimelineLayout::positionOf(GoroutineRow row) const
{
    if (row >= m_positionOf.size() || m_positionOf[row] == UINT32_MAX)
        return m_rows.size();
    return m_positionOf[row];
}

} // namespace gs::ui
