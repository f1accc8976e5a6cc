// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

namespace gs {

// Sorts `keys` ascending and permutes `values` alongside (the two vectors are parallel), keeping
// the given order among equal keys. A least-significant-digit radix sort, one pass per byte in
// which the keys differ: tens of millions of goroutine rows sort in a fraction of std::sort's
// time, whose comparisons miss the cache and mispredict. Needs a second copy of both vectors
// while it works.
void stableRadixSort(std::vector<uint64_t>& keys, std::vector<uint32_t>& values);

} // namespace gs
