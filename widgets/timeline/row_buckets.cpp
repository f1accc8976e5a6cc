// SPDX-License-Identifier: MIT
#include "widgets/timeline/row_buckets.h"

#include <algorithm>
#include <numeric>

namespace gs::ui {

void sortBucketsByTime(std::vector<uint32_t>& offsets, std::vector<uint32_t>& items, std::vector<TimeNs>& times)
{
    std::vector<uint32_t> order;
    for (size_t r = 0; r + 1 < offsets.size(); ++r) {
        const uint32_t b = offsets[r], e = offsets[r + 1];
        if (std::is_sorted(times.begin() + b, times.begin() + e))
            continue; // the usual case: tables are already in time order
        order.resize(e - b);
        std::iota(order.begin(), order.end(), b);
        std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return times[x] < times[y]; });
        std::vector<uint32_t> sortedItems(order.size());
        std::vector<TimeNs> sortedTimes(order.size());
        for (size_t k = 0; k < order.size(); ++k) {
            sortedItems[k] = items[order[k]];
            sortedTimes[k] = times[order[k]];
        }
        std::copy(sortedItems.begin(), sortedItems.end(), items.begin() + b);
        std::copy(sortedTimes.begin(), sortedTimes.end(), times.begin() + b);
    }
}

} // namespace gs::ui
