// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/radix_sort.h"
#include "core/model/trace_data.h"

#include <cstdint>
#include <vector>

namespace gs {

// The goroutine rows `keeps(row)` accepts, ordered by `keyOf(row)` (an int64, ascending unless
// `descending`), ties by goroutine ID ascending either way, so the order is deterministic.
// The rows are taken in ID order and sorted stably by their keys alone (stableRadixSort), so
// ties keep that order. O(n) per byte in which the keys differ.
template<typename KeyOf, typename Keeps>
std::vector<GoroutineRow> rowsByKey(const TraceData& trace, KeyOf keyOf, bool descending, Keeps keeps)
{
    // The keys as unsigned numbers in the order wanted: the sign bit flipped puts negative keys
    // first, and descending order is ascending order of the complement.
    const uint64_t flip = descending ? ~(uint64_t(1) << 63) : uint64_t(1) << 63;
    std::vector<uint64_t> keys;
    std::vector<GoroutineRow> rows;
    keys.reserve(trace.rowsById.size());
    rows.reserve(trace.rowsById.size());
    for (const GoroutineRow row : trace.rowsById) {
        if (keeps(row)) {
            keys.push_back(uint64_t(int64_t(keyOf(row))) ^ flip);
            rows.push_back(row);
        }
    }
    stableRadixSort(keys, rows);
    return rows;
}

} // namespace gs
