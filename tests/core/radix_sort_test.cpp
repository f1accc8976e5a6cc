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

// radixSortInPlace's result against std::sort's.
void expectSortedInPlace(std::vector<uint64_t> values)
{
    std::vector<uint64_t> expected = values;
    std::sort(expected.begin(), expected.end());
    radixSortInPlace(values);
    EXPECT_EQ(values, expected);
}

TEST(RadixSortInPlace, SmallAndEmpty)
{
    expectSortedInPlace({});
    expectSortedInPlace({5});
    expectSortedInPlace({9, 3, 7, 3, 0});
}

TEST(RadixSortInPlace, BucketsOfEveryByte)
{
    std::mt19937_64 random(17);
    std::vector<uint64_t> values(100'000);
    for (uint64_t& v : values)
        v = random();
    expectSortedInPlace(values); // all 8 bytes differ
    for (uint64_t& v : values)
        v >>= 28; // the top bytes shared
    expectSortedInPlace(values);
    for (uint64_t& v : values)
        v = (v & 0xff) << 40 | 0x1234; // one byte differs, bytes below it shared
    expectSortedInPlace(values);
}

TEST(RadixSortInPlace, EqualValuesAndZeros)
{
    expectSortedInPlace(std::vector<uint64_t>(1000, 0));
    expectSortedInPlace(std::vector<uint64_t>(1000, UINT64_MAX));
    std::vector<uint64_t> values;
    for (uint64_t i = 0; i < 5000; ++i)
        values.push_back((i * 7919) % 13 << 56 | (i % 3));
    expectSortedInPlace(values);
}

} // namespace
} // namespace gs
