// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"
#include "widgets/timeline/row_buckets.h"
#include "widgets/timeline/state_palette.h"
#include "widgets/timeline/task_lanes.h"

#include <cstdint>
#include <span>
#include <vector>

namespace gs::ui {

// Per-store lookup tables the timeline needs on every paint, built once when a trace is shown:
// the wait-reason family of every interned string, per-goroutine-row slices of regions, logs,
// tasks, CPU samples and GC assists, the deepest region nesting per row and the task lanes; it forwards to the
// trace's own per-span summaries (step maxima for folding, processor busy sums), which the store
// builds while loading, off the GUI thread. Build is O(strings + goroutines + markers), never
// O(spans) (the task lanes: O(tasks log tasks)); immutable afterwards, safe to share while the store lives.
class TimelineIndex
{
public:
    // Deeper region nesting is drawn on the deepest track; a handful of tracks keeps rows readable.
    static constexpr uint32_t kMaxRegionTracks = 4;

    TimelineIndex() = default;
    explicit TimelineIndex(const EventStore& store);

    SpanKind kindOf(const SpanTable& spans, uint32_t span) const
    {
        const SpanTraits& traits = spans.traitsOf(span);
        return spanKind(traits.state, familyOf(traits.reason));
    }
    SpanKind familyOf(StringId reason) const
    {
        return reason < m_family.size() ? SpanKind(m_family[reason]) : SpanKind::WaitOther;
    }

    const RowBuckets& regions() const { return m_regions; }
    const RowBuckets& logs() const { return m_logs; }
    const RowBuckets& tasks() const { return m_tasks; }
    const TaskLanes& taskLanes() const { return m_taskLanes; }
    const RowBuckets& samples() const { return m_samples; }
    const RowBuckets& assists() const { return m_assists; }
    // Region tracks under the state bar of a row (0 when it has no regions).
    uint32_t regionTracks(GoroutineRow row) const { return row < m_regionTracks.size() ? m_regionTracks[row] : 0; }
    // Per 64-span block of a goroutine row, its largest step (SpanTable::stepMaxima), for folding.
    std::span<const TimeNs> stepMaxima(GoroutineRow row) const
    {
        return m_trace && row < m_trace->goroutines.size() ? m_trace->spans.stepMaxima(row) : std::span<const TimeNs>();
    }

private:
    std::vector<uint8_t> m_family; // SpanKind per StringId
    RowBuckets m_regions;
    RowBuckets m_logs;
    RowBuckets m_tasks;
    TaskLanes m_taskLanes;
    RowBuckets m_samples;
    RowBuckets m_assists;
    std::vector<uint8_t> m_regionTracks;
    const TraceData* m_trace = nullptr;
};

} // namespace gs::ui
