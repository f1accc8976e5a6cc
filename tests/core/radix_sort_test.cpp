// SPDX-License-Identifier: MIT
#include "core/base/radix_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <utility>

namespace gs {
namespace {

// stableRadixSort's result against std::stable_sort's on the same (key, value) pairs.
void expectSortedLikeStableSort(std::vector<uint64_t> keys)
{
    std::vector<uint32_t> values(keys.size());
    std::iota(values.begin(), values.end(), 0u);
    std::vector<std::pair<uint64_t, uint32_t>> expected;
    for (size_t i = 0; i < keys.size(); ++i)
        expected.emplace_back(keys[i], values[i]);
    std::stable_sort(expected.begin(), expected.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    stableRadixSort(keys, values);
    ASSERT_EQ(keys.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(keys[i], expected[i].first) << "at " << i;
        EXPECT_EQ(values[i], expected[i].second) << "at " << i;
    }
}

TEST(RadixSort, EmptyAndSingle)
{
    expectSortedLikeStableSort({});
    expectSortedLikeStableSort({42});
}

TEST(RadixSort, EqualKeysKeepTheirOrder)
{
    expectSortedLikeStableSort(std::vector<uint64_t>(100, 7));
    expectSortedLikeStableSort({3, 1, 3, 1, 2, 3, 1, 2});
}

TEST(RadixSort, KeysDifferingInEveryByte)
{
    std::mt19937_64 random(15);
    std::vector<uint64_t> keys(5000);
    for (uint64_t& k : keys)
        k = random();
    // Few distinct values too, so that ties are common.
    for (size_t i = 0; i < keys.size(); i += 3)
        keys[i] = keys[i / 7];
    expectSortedLikeStableSort(keys);
}

TEST(RadixSort, KeysDifferingOnlyInHighAndLowBytes)
{
    // The bytes in between are shared and skipped; the passes that remain must still combine.
    std::mt19937_64 random(16);
    std::vector<uint64_t> keys(3000);
    for (uint64_t& k : keys)
        k = (random() & 0xff00000000000000ull) | 0x0000123456789a00ull | (random() & 0xff);
    expectSortedLikeStableSort(keys);
}

TEST(RadixSort, AlreadySortedAndReversed)
{
    std::vector<uint64_t> keys(1000);
    std::iota(keys.begin(), keys.end(), uint64_t(1) << 40);
    expectSortedLikeStableSort(keys);
    std::reverse(keys.begin(), keys.end());
    expectSortedLikeStableSort(keys);
}

} // namespace
} // namespace gs
