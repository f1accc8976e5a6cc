// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <cstdint>
#include <span>
#include <vector>

namespace gs::ui {

// Items of a global table (logs, samples, regions, ...) grouped by goroutine row and sorted by
// time inside each row: a counting sort, O(n + rows) to build, then a row's items are one slice
// and the items of a time range one binary search away. Immutable after build().
class RowBuckets
{
public:
    // rowOf(i) is the item's goroutine row (kNoRow to drop it), timeOf(i) its sort time.
    template<typename RowOf, typename TimeOf>
    void build(size_t rows, size_t items, RowOf rowOf, TimeOf timeOf);

    std::span<const uint32_t> items(GoroutineRow row) const
    {
        if (row + 1 >= m_offsets.size())
            return {};
        return std::span<const uint32_t>(m_items).subspan(m_offsets[row], m_offsets[row + 1] - m_offsets[row]);
    }
    std::span<const TimeNs> times(GoroutineRow row) const
    {
        if (row + 1 >= m_offsets.size())
            return {};
        return std::span<const TimeNs>(m_times).subspan(m_offsets[row], m_offsets[row + 1] - m_offsets[row]);
    }

private:
    std::vector<uint32_t> m_offsets; // rows + 1
    std::vector<uint32_t> m_items;   // item indexes, by row then time
    std::vector<TimeNs> m_times;     // parallel to m_items
};

void sortBucketsByTime(std::vector<uint32_t>& offsets, std::vector<uint32_t>& items, std::vector<TimeNs>& times);

template<typename RowOf, typename TimeOf>
void RowBuckets::build(size_t rows, size_t items, RowOf rowOf, TimeOf timeOf)
{
    // No items, no table: a server trace has millions of rows and often no regions or logs.
    m_offsets.clear();
    m_items.clear();
    m_times.clear();
    if (items == 0)
        return;
    m_offsets.assign(rows + 1, 0);
    for (size_t i = 0; i < items; ++i) {
        const GoroutineRow r = rowOf(i);
        if (r != kNoRow && r < rows)
            ++m_offsets[r + 1];
    }
    for (size_t r = 0; r < rows; ++r)
        m_offsets[r + 1] += m_offsets[r];
    m_items.assign(m_offsets[rows], 0);
    m_times.assign(m_offsets[rows], 0);
    std::vector<uint32_t> next(m_offsets.begin(), m_offsets.end() - 1);
    for (size_t i = 0; i < items; ++i) {
        const GoroutineRow r = rowOf(i);
        if (r == kNoRow || r >= rows)
            continue;
        m_items[next[r]] = uint32_t(i);
        m_times[next[r]] = timeOf(i);
        ++next[r];
    }
    sortBucketsByTime(m_offsets, m_items, m_times);
}

} // namespace gs::ui
