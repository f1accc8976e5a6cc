// SPDX-License-Identifier: MIT
#include "core/base/windowed_id_map.h"

#include "tests/core/id_map_random_steps.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <vector>

using gs::WindowedIdMap;

namespace {

constexpr uint64_t kWindow = WindowedIdMap<int>::kWindow;

// Every entry of the map, by ID, through forEach.
std::map<uint64_t, int> contents(const WindowedIdMap<int>& map)
{
    std::map<uint64_t, int> out;
    map.forEach([&](uint64_t id, int value) { EXPECT_TRUE(out.emplace(id, value).second) << "ID " << id << " twice"; });
    return out;
}

} // namespace

TEST(WindowedIdMap, KeepsAGoroutineThatOutlivesTheWindow)
{
    WindowedIdMap<int> map;
    ASSERT_TRUE(map.insert(7, 70));
    // A server's IDs count on far past the long-lived goroutine 7.
    for (uint64_t id = 100; id < 100 + 3 * kWindow; ++id) {
        ASSERT_TRUE(map.insert(id, int(id)));
        ASSERT_TRUE(map.erase(id));
    }
    ASSERT_NE(map.find(7), nullptr);
    EXPECT_EQ(*map.find(7), 70);
    EXPECT_EQ(map.size(), 1u);
    EXPECT_EQ(map.insert(7, 1), nullptr) << "an ID the window passed is still known";
    EXPECT_TRUE(map.erase(7));
    EXPECT_EQ(map.find(7), nullptr);
    EXPECT_TRUE(map.empty());
}

TEST(WindowedIdMap, RejectsDuplicatesInsideTheWindow)
{
    WindowedIdMap<int> map;
    ASSERT_TRUE(map.insert(5, 1));
    EXPECT_EQ(map.insert(5, 2), nullptr);
    EXPECT_EQ(*map.find(5), 1);
    // Same slot one window later: another ID, which slides the window past 5.
    ASSERT_TRUE(map.insert(5 + kWindow, 3));
    EXPECT_EQ(*map.find(5), 1);
    EXPECT_EQ(*map.find(5 + kWindow), 3);
    EXPECT_EQ(map.size(), 2u);
}

TEST(WindowedIdMap, AFarJumpThenOlderIdsStillWork)
{
    WindowedIdMap<int> map;
    ASSERT_TRUE(map.insert(1, 1));
    ASSERT_TRUE(map.insert(UINT64_MAX, 2)); // slides the window to the end of the ID space
    ASSERT_TRUE(map.insert(2, 3));          // below the window now
    EXPECT_EQ(*map.find(1), 1);
    EXPECT_EQ(*map.find(2), 3);
    EXPECT_EQ(*map.find(UINT64_MAX), 2);
    EXPECT_EQ(map.find(3), nullptr);
    EXPECT_EQ(map.find(UINT64_MAX - 1), nullptr);
    EXPECT_EQ(contents(map), (std::map<uint64_t, int>{{1, 1}, {2, 3}, {UINT64_MAX, 2}}));
}

// Against std::map, on IDs that mostly count up with some stragglers, as goroutine IDs do.
TEST(WindowedIdMap, AgreesWithAStdMap)
{
    WindowedIdMap<int> map;
    gs::test::expectAgreesWithAStdMap(map, [](std::mt19937_64& random, uint64_t& nextId) {
        return random() % 50 == 0 ? random() % nextId + 1 : nextId++;
    });
}
