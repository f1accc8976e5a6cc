// SPDX-License-Identifier: MIT
#include "core/base/radix_sort.h"

#include <array>
#include <cassert>
#include <cstddef>

namespace gs {

void stableRadixSort(std::vector<uint64_t>& keys, std::vector<uint32_t>& values)
{
    assert(keys.size() == values.size());
    constexpr size_t kDigits = sizeof(uint64_t);
    const size_t n = keys.size();
    // Every byte's histogram in one pass; a byte all keys share needs no pass of its own.
    std::vector<std::array<size_t, 256>> counts(kDigits, std::array<size_t, 256>{});
    for (const uint64_t key : keys) {
        for (size_t d = 0; d < kDigits; ++d)
            ++counts[d][(key >> (8 * d)) & 0xff];
    }
    std::vector<uint64_t> keysOut;
    std::vector<uint32_t> valuesOut;
    for (size_t d = 0; d < kDigits; ++d) {
        std::array<size_t, 256>& count = counts[d];
        if (n == 0 || count[(keys[0] >> (8 * d)) & 0xff] == n)
            continue;
        if (keysOut.empty()) {
            keysOut.resize(n);
            valuesOut.resize(n);
        }
        // Counts become where each digit's run starts.
        size_t start = 0;
        for (size_t& c : count) {
            const size_t here = c;
            c = start;
            start += here;
        }
        for (size_t i = 0; i < n; ++i) {
            const size_t to = count[(keys[i] >> (8 * d)) & 0xff]++;
            keysOut[to] = keys[i];
            valuesOut[to] = values[i];
        }
        keys.swap(keysOut);
        values.swap(valuesOut);
    }
}

} // namespace gs
