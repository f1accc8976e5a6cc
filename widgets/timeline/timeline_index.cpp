// SPDX-License-Identifier: MIT
#include "widgets/timeline/timeline_index.h"

#include "widgets/timeline/span_folder.h"

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
    const size_t rows = t.goroutines.size();
    auto rowOf = [&](int64_t id) { return t.rowOf(id); };

    m_regions.build(rows, t.regions.size(), [&](size_t i) { return rowOf(t.regions[i].goroutine); },
                    [&](size_t i) { return t.regions[i].start; });
    m_logs.build(rows, t.logs.size(), [&](size_t i) { return rowOf(t.logs[i].goroutine); },
                 [&](size_t i) { return t.logs[i].time; });
    m_tasks.build(rows, t.tasks.size(), [&](size_t i) { return rowOf(t.tasks[i].goroutine); },
                  [&](size_t i) { return std::max(t.tasks[i].start, t.startNs); });
    m_samples.build(rows, t.cpuSamples.size(), [&](size_t i) { return rowOf(t.cpuSamples[i].goroutine); },
                    [&](size_t i) { return t.cpuSamples[i].time; });
    m_assists.build(rows, t.assistRanges.size(), [&](size_t i) { return rowOf(t.assistRanges[i].goroutine); },
                    [&](size_t i) { return t.assistRanges[i].start; });

    m_regionTracks.assign(rows, 0);
    for (const UserRegion& r : t.regions) {
        const GoroutineRow row = rowOf(r.goroutine);
        if (row != kNoRow)
            m_regionTracks[row] =
                uint8_t(std::max<uint32_t>(m_regionTracks[row], std::min(r.depth + 1, kMaxRegionTracks)));
    }

    m_stepOffsets.assign(rows + 1, 0);
    for (GoroutineRow r = 0; r < rows; ++r) {
        const auto [b, e] = t.spans.rowRange(r);
        m_stepOffsets[r + 1] = m_stepOffsets[r] + (e - b + kStepBlock - 1) / kStepBlock;
    }
    m_stepMax.reserve(m_stepOffsets[rows]);
    for (GoroutineRow r = 0; r < rows; ++r) {
        const std::vector<TimeNs> maxima = rowStepMaxima(t.spans, r);
        m_stepMax.insert(m_stepMax.end(), maxima.begin(), maxima.end());
    }

    m_procBusy.resize(t.processors.size());
    for (size_t p = 0; p < t.processors.size(); ++p) {
        const auto& spans = t.processors[p].spans;
        auto& sums = m_procBusy[p];
        sums.resize(spans.size() + 1, 0);
        for (size_t i = 0; i < spans.size(); ++i)
            sums[i + 1] = sums[i] + (spans[i].end - spans[i].start);
    }
}

} // namespace gs::ui
