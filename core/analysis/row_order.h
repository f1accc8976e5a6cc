// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/radix_sort.h"
#include "core/model/trace_data.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace gs {

// The goroutine rows `keeps(row)` accepts, ordered by `keyOf(row)` (an int64, ascending unless
// `descending`), ties by goroutine ID ascending either way, so the order is deterministic.
//
// The rows are taken in ID order, so a row's rank among them breaks ties. Where the keys' spread
// and the rank fit in 64 bits together, as times and durations of a trace do, each row is one
// word, (key - smallest key) above its rank, sorted in place (radixSortInPlace): 8 bytes a row
// while sorting (and 4 for the result), which matters with tens of millions of goroutines.
// Otherwise the keys are sorted stably with the rows alongside (stableRadixSort, 24 bytes a row).
// O(n) per byte in which the keys differ.
template<typename KeyOf, typename Keeps>
std::vector<GoroutineRow> rowsByKey(const TraceData& trace, KeyOf keyOf, bool descending, Keeps keeps)
{
    // The keys as unsigned numbers in the order wanted: the sign bit flipped puts negative keys
    // first, and descending order is ascending order of the complement.
    const uint64_t flip = descending ? ~(uint64_t(1) << 63) : uint64_t(1) << 63;
    std::vector<uint64_t> keys;
    keys.reserve(trace.rowsById.size());
    // A row's rank is its index in rowsById until a row is left out; from then on the rows
    // kept are listed by rank.
    std::vector<GoroutineRow> kept;
    bool keptAll = true;
    uint64_t lowest = UINT64_MAX, highest = 0;
    for (size_t k = 0; k < trace.rowsById.size(); ++k) {
        const GoroutineRow row = trace.rowsById[k];
        if (!keeps(row)) {
            if (keptAll)
                kept.assign(trace.rowsById.begin(), trace.rowsById.begin() + ptrdiff_t(k));
            keptAll = false;
            continue;
        }
        if (!keptAll)
            kept.push_back(row);
        const uint64_t key = uint64_t(int64_t(keyOf(row))) ^ flip;
        lowest = std::min(lowest, key);
        highest = std::max(highest, key);
        keys.push_back(key);
    }
    auto rowOfRank = [&](size_t rank) { return keptAll ? trace.rowsById[rank] : kept[rank]; };
    std::vector<GoroutineRow> rows(keys.size());
    if (keys.empty())
        return rows;
    const unsigned rankBits = unsigned(std::bit_width(uint64_t(keys.size() - 1)));
    const unsigned keyBits = unsigned(std::bit_width(highest - lowest));
    if (keyBits + rankBits > 64) {
        for (size_t rank = 0; rank < rows.size(); ++rank)
            rows[rank] = rowOfRank(rank);
        stableRadixSort(keys, rows);
        return rows;
    }
    for (size_t rank = 0; rank < keys.size(); ++rank)
        keys[rank] = (keys[rank] - lowest) << rankBits | rank;
    radixSortInPlace(keys);
    const uint64_t rankMask = (uint64_t(1) << rankBits) - 1; // rankBits < 64: ranks are 32 bits
    for (size_t i = 0; i < keys.size(); ++i)
        rows[i] = rowOfRank(size_t(keys[i] & rankMask));
    return rows;
}

} // namespace gs
