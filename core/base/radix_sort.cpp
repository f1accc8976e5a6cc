// SPDX-License-Identifier: MIT
#include "core/base/radix_sort.h"

#include <algorithm>
#include <array>
#include <bit>
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

namespace {

// Buckets smaller than this are left to std::sort: counting 256 digits costs more than sorting
// them.
constexpr size_t kSmallBucket = 64;

// Sorts [first, last) by the bytes at `shift` and below, the bytes above being equal.
void sortBucket(uint64_t* first, uint64_t* last, unsigned shift)
{
    for (;;) {
        const size_t n = size_t(last - first);
        if (n < kSmallBucket) {
            std::sort(first, last);
            return;
        }
        auto digit = [shift](uint64_t v) { return (v >> shift) & 0xff; };
        std::array<size_t, 256> count{};
        for (const uint64_t* v = first; v != last; ++v)
            ++count[digit(*v)];
        if (count[digit(*first)] == n) {
            // One digit for all: the next byte decides.
            if (shift == 0)
                return;
            shift -= 8;
            continue;
        }
        // Each value goes to the next free place of its digit's bucket; the value found there
        // moves on in turn, until the place's own digit comes back (a cycle of swaps).
        std::array<size_t, 256> next{}, end{};
        size_t start = 0;
        for (size_t d = 0; d < 256; ++d) {
            next[d] = start;
            start += count[d];
            end[d] = start;
        }
        for (size_t d = 0; d < 256; ++d) {
            while (next[d] < end[d]) {
                uint64_t v = first[next[d]];
                for (size_t home = digit(v); home != d; home = digit(v))
                    std::swap(v, first[next[home]++]);
                first[next[d]++] = v;
            }
        }
        if (shift == 0)
            return;
        size_t begin = 0;
        for (size_t d = 0; d < 256; ++d) {
            if (count[d] > 1)
                sortBucket(first + begin, first + begin + count[d], shift - 8);
            begin += count[d];
        }
        return;
    }
}

} // namespace

void radixSortInPlace(std::span<uint64_t> values)
{
    if (values.size() < 2)
        return;
    uint64_t highest = 0;
    for (const uint64_t v : values)
        highest |= v;
    // From the highest byte any value uses: the bytes above are zero in all of them.
    const unsigned bits = unsigned(std::bit_width(highest));
    const unsigned shift = bits == 0 ? 0 : (bits - 1) / 8 * 8;
    sortBucket(values.data(), values.data() + values.size(), shift);
}

} // namespace gs
