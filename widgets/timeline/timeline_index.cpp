// SPDX-License-Identifier: MIT
#include "widgets/timeline/timeline_index.h"

#include "core/analysis/user_annotations.h"

#include <algorithm>

namespace gs::ui {

TimelineIndex::TimelineIndex(const EventStore& store)
{
    m_family.resize(store.symbols.strings.size());
    for (size_t i = 0; i < m_family.size(); ++i)
        m_family[i] = uint8_t(waitFamily(store.symbols.strings.get(StringId(i))));
    if (!store.trace)
        return;
    const TraceData& t = *store.trace;
    m_trace = &t;
    const size_t rows = t.goroutines.size();
    auto rowOf = [&](int64_t id) { return t.rowOf(id); };

    m_regions.build(rows, t.regions.size(), [&](size_t i) { return rowOf(t.regions[i].goroutine); },
                    [&](size_t i) { return t.regions[i].start; });
    m_logs.build(rows, t.logs.size(), [&](size_t i) { return rowOf(t.logs[i].goroutine); },
                 [&](size_t i) { return t.logs[i].time; });
    m_tasks.build(rows, t.tasks.size(), [&](size_t i) { return rowOf(t.tasks[i].goroutine); },
                  [&](size_t i) { return taskStartNs(t, t.tasks[i]); });
    m_taskLanes = TaskLanes(t);
    m_samples.build(rows, t.cpuSamples.size(), [&](size_t i) { return rowOf(t.cpuSamples[i].goroutine); },
                    [&](size_t i) { return t.cpuSamples[i].time; });
    m_assists.build(rows, t.assistRanges.size(), [&](size_t i) { return rowOf(t.assistRanges[i].goroutine); },
                    [&](size_t i) { return t.assistRanges[i].start; });

    // Only rows with regions have tracks (a short table when the trace has none).
    m_regionTracks.assign(t.regions.empty() ? 0 : rows, 0);
    for (const UserRegion& r : t.regions) {
        const GoroutineRow row = rowOf(r.goroutine);
        if (row != kNoRow)
            m_regionTracks[row] =
                uint8_t(std::max<uint32_t>(m_regionTracks[row], std::min(r.depth + 1, kMaxRegionTracks)));
    }
}

} // namespace gs::ui
