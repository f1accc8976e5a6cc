// SPDX-License-Identifier: MIT
#include "widgets/timeline/contributor_highlight.h"

#include "widgets/timeline/time_window.h"

#include <algorithm>

namespace gs::ui {

ContributorHighlight::ContributorHighlight(ListPtr list, size_t goroutineCount)
    : m_list(std::move(list))
{
    if (!m_list)
        return;
    m_slot.assign(goroutineCount, -1);
    for (size_t i = 0; i < m_list->size(); ++i) {
        const GoroutineRow row = (*m_list)[i].row;
        if (row < goroutineCount)
            m_slot[row] = int32_t(i);
    }
}

const FrameContribution* ContributorHighlight::of(GoroutineRow row) const
{
    if (row >= m_slot.size() || m_slot[row] < 0)
        return nullptr;
    return &(*m_list)[size_t(m_slot[row])];
}

std::vector<GoroutineRow> ContributorHighlight::rows() const
{
    std::vector<GoroutineRow> out;
    for (GoroutineRow row = 0; row < m_slot.size(); ++row) {
        if (m_slot[row] >= 0)
            out.push_back(row);
    }
    return out;
}

std::optional<std::pair<TimeNs, TimeNs>> contributionWindow(const FrameContribution& c)
{
    if (c.stretches.empty())
        return std::nullopt;
    const TimeNs a = c.stretches.front().first;
    const TimeNs b = c.stretches.back().second;
    const TimeNs margin = (b - a) / 10;
    const TimeNs widen = std::max<TimeNs>(0, kReadableNs - (b - a) - 2 * margin) / 2;
    return std::make_pair(a - margin - widen, b + margin + widen);
}

void forEachVisibleStretch(const FrameContribution& c, const TimeWindow& window,
                           const std::function<int(TimeNs start, TimeNs end)>& visit)
{
    using Stretch = std::pair<TimeNs, TimeNs>;
    const auto& s = c.stretches;
    auto endsBefore = [](TimeNs t) { return [t](const Stretch& x) { return x.second < t; }; };
    auto it = std::partition_point(s.begin(), s.end(), endsBefore(window.startNs));
    while (it != s.end() && it->first < window.endNs) {
        const int lastPx = visit(it->first, it->second);
        it = std::partition_point(it + 1, s.end(), endsBefore(window.xToTime(lastPx + 1)));
    }
}

} // namespace gs::ui
