// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstddef>

namespace gs {

// The 1-based nearest rank of the percent-th percentile among n values (n > 0, 0 < percent <= 100):
// ceil(percent / 100 * n), at least 1. The value at that rank in ascending order is the smallest
// with at least percent% of the values at or below it. Integer arithmetic, so that every table and
// histogram agrees on the same rank (a floating-point 0.9 * n can land one rank off).
inline size_t nearestRank(size_t n, int percent)
{
    return std::max<size_t>(1, (size_t(percent) * n + 99) / 100);
}

} // namespace gs
