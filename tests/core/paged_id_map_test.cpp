// SPDX-License-Identifier: MIT
#include "core/base/paged_id_map.h"

#include "tests/core/id_map_random_steps.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <vector>

using gs::PagedIdMap;

namespace {

constexpr uint64_t kPageSize = PagedIdMap<int>::kPageSize;
// The first ID the directory does not reach before anything is inserted.
constexpr uint64_t kBeyondSlack = PagedIdMap<int>::kSlackPages * kPageSize;

} // namespace

TEST(PagedIdMap, KeepsALongLivedIdWhileLaterPagesComeAndGo)
{
    PagedIdMap<int> map;
    ASSERT_TRUE(map.insert(7, 70));
    // A server's IDs count on far past the long-lived goroutine 7, their pages freed behind them.
    for (uint64_t id = 100; id < 100 + 20 * kPageSize; ++id) {
        ASSERT_TRUE(map.insert(id, int(id)));
        ASSERT_TRUE(map.erase(id));
    }
    ASSERT_NE(map.find(7), nullptr);
    EXPECT_EQ(*map.find(7), 70);
    EXPECT_EQ(map.find(100), nullptr);
    EXPECT_EQ(map.size(), 1u);
    EXPECT_EQ(map.insert(7, 1), nullptr);
    EXPECT_TRUE(map.erase(7));
    EXPECT_FALSE(map.erase(7));
    EXPECT_EQ(map.find(7), nullptr);
    EXPECT_TRUE(map.empty());
}

TEST(PagedIdMap, IdsBeyondTheDirectoryStillWork)
{
    PagedIdMap<int> map;
    ASSERT_TRUE(map.insert(UINT64_MAX, 1));
    ASSERT_TRUE(map.insert(kBeyondSlack, 2));
    ASSERT_TRUE(map.insert(1, 3));
    EXPECT_EQ(map.insert(UINT64_MAX, 4), nullptr);
    EXPECT_EQ(*map.find(UINT64_MAX), 1);
    EXPECT_EQ(*map.find(kBeyondSlack), 2);
    EXPECT_EQ(*map.find(1), 3);
    EXPECT_EQ(map.find(UINT64_MAX - 1), nullptr);
    EXPECT_EQ(map.size(), 3u);
    EXPECT_TRUE(map.erase(UINT64_MAX));
    EXPECT_EQ(map.find(UINT64_MAX), nullptr);
}

// An ID stored beyond the directory stays found, and unique, once inserts let the directory
// grow over it.
TEST(PagedIdMap, AnIdTheDirectoryGrowsOverIsStillFound)
{
    PagedIdMap<int> map;
    const uint64_t far = kBeyondSlack + 10;
    ASSERT_TRUE(map.insert(far, 1));
    for (uint64_t id = 1; id <= 2 * kPageSize; ++id)
        ASSERT_TRUE(map.insert(id, 0));
    ASSERT_TRUE(map.insert(far + 1, 2)); // in the same page as `far`, now in the directory
    EXPECT_EQ(*map.find(far), 1);
    EXPECT_EQ(*map.find(far + 1), 2);
    EXPECT_EQ(map.insert(far, 3), nullptr);
    EXPECT_TRUE(map.erase(far));
    EXPECT_EQ(map.find(far), nullptr);
    EXPECT_EQ(*map.find(far + 1), 2);
}

// Against std::map, on IDs that mostly count up with some stragglers and some far jumps, as
// goroutine IDs of real and damaged traces do.
TEST(PagedIdMap, AgreesWithAStdMap)
{
    PagedIdMap<int> map;
    gs::test::expectAgreesWithAStdMap(map, [](std::mt19937_64& random, uint64_t& nextId) {
        const unsigned kind = unsigned(random() % 100);
        return kind == 0 ? uint64_t(random()) : kind < 3 ? random() % nextId + 1 : nextId++;
    });
}
