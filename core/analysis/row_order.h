// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace gs {

// The goroutine rows `keeps(row)` accepts, ordered by `keyOf(row)` (an int64, ascending unless
// `descending`), ties by goroutine ID ascending either way, so the order is deterministic.
// (key, ID rank, row) are sorted as one contiguous array of 16-byte items: sorting millions of
// rows through a key table spends its time on cache misses. Walking the rows in ID order makes an
// ID's rank a 32-bit stand-in for the ID itself. O(n log n).
template<typename KeyOf, typename Keeps>
std::vector<GoroutineRow> rowsByKey(const TraceData& trace, KeyOf keyOf, bool descending, Keeps keeps)
{
    struct Item
    {
        int64_t key;
        uint32_t idRank;
        GoroutineRow row;
    };
    std::vector<Item> items;
    items.reserve(trace.rowsById.size());
    for (uint32_t rank = 0; rank < trace.rowsById.size(); ++rank) {
        const GoroutineRow row = trace.rowsById[rank];
        if (keeps(row))
            items.push_back({int64_t(keyOf(row)), rank, row});
    }
    std::sort(items.begin(), items.end(), [descending](const Item& a, const Item& b) {
        if (a.key != b.key)
            return descending ? b.key < a.key : a.key < b.key;
        return a.idRank < b.idRank;
    });
    std::vector<GoroutineRow> rows(items.size());
    for (size_t i = 0; i < items.size(); ++i)
        rows[i] = items[i].row;
    return rows;
}

} // namespace gs
