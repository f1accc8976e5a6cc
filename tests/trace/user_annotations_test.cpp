// SPDX-License-Identifier: MIT
// core/analysis/user_annotations.h on hand-made annotations: which goroutines belong to a task,
// how regions group by type, and the nearest-rank percentiles.
#include "core/analysis/user_annotations.h"

#include <gtest/gtest.h>

namespace gs {
namespace {

TEST(NearestRankPercentile, IsTheValueAtRankCeilingOfPercentTimesCount)
{
    const std::vector<TimeNs> ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    EXPECT_EQ(nearestRankPercentile(ten, 50), 5);
    EXPECT_EQ(nearestRankPercentile(ten, 90), 9);
    EXPECT_EQ(nearestRankPercentile(ten, 99), 10);
    EXPECT_EQ(nearestRankPercentile(ten, 100), 10);
    EXPECT_EQ(nearestRankPercentile(ten, 1), 1);
    const std::vector<TimeNs> one = {42};
    EXPECT_EQ(nearestRankPercentile(one, 50), 42);
    EXPECT_EQ(nearestRankPercentile(one, 99), 42);
    // 200 values: p99 is the 198th, not the largest.
    std::vector<TimeNs> many;
    for (TimeNs v = 1; v <= 200; ++v)
        many.push_back(v);
    EXPECT_EQ(nearestRankPercentile(many, 99), 198);
    EXPECT_EQ(nearestRankPercentile(many, 50), 100);
}

TEST(SummarizeTasks, GoroutinesAreThoseThatBeganEndedRegionedOrLoggedInIt)
{
    TraceData t;
    t.tasks = {
        {7, 0, 1, 100, 900, 1, 5},          // began by 1, ended by 5
        {3, 7, 2, -1, -1, kNoGoroutineId, kNoGoroutineId}, // seen only through its region and log
        {0, 0, 0, -1, -1, kNoGoroutineId, kNoGoroutineId}, // the background task
    };
    t.regions = {{2, 7, 3, 200, 300, 0}, {9, 3, 3, 210, 220, 0}, {4, 0, 3, 230, 240, 0}};
    t.logs = {{250, 8, 7, 0, 0}, {260, 8, 7, 0, 0}, {270, 6, 3, 0, 0}, {280, 4, 0, 0, 0}};
    const auto tasks = summarizeTasks(t);
    ASSERT_EQ(tasks.size(), 2u); // no background task
    EXPECT_EQ(tasks[0].task->id, 3u);
    EXPECT_EQ(tasks[0].goroutines, (std::vector<int64_t> {6, 9}));
    EXPECT_EQ(tasks[0].logs, 1u);
    EXPECT_EQ(tasks[1].task->id, 7u);
    EXPECT_EQ(tasks[1].goroutines, (std::vector<int64_t> {1, 2, 5, 8}));
    EXPECT_EQ(tasks[1].logs, 2u);
}

TEST(SummarizeRegions, OneEntryPerTypeByNameWithInstancesByStart)
{
    StringPool strings;
    const StringId b = strings.intern("b"), a = strings.intern("a");
    TraceData t;
    // Type "b": durations 10, 30, 20; type "a": one of 5.
    t.regions = {{1, 0, b, 100, 110, 0}, {2, 4, b, 50, 80, 0}, {1, 0, a, 0, 5, 0}, {3, 0, b, 50, 70, 1}};
    const auto types = summarizeRegions(t, strings);
    ASSERT_EQ(types.size(), 2u);
    EXPECT_EQ(types[0].type, a);
    EXPECT_EQ(types[0].instances.size(), 1u);
    EXPECT_EQ(types[0].totalNs, 5);
    EXPECT_EQ(types[0].p99Ns, 5);
    EXPECT_EQ(types[1].type, b);
    ASSERT_EQ(types[1].instances.size(), 3u);
    EXPECT_EQ(types[1].instances[0]->goroutine, 2); // start 50, goroutine 2 before 3
    EXPECT_EQ(types[1].instances[1]->goroutine, 3);
    EXPECT_EQ(types[1].instances[2]->start, 100);
    EXPECT_EQ(types[1].totalNs, 60);
    EXPECT_EQ(types[1].p50Ns, 20);
    EXPECT_EQ(types[1].p90Ns, 30);
    EXPECT_EQ(types[1].maxNs, 30);
}

} // namespace
} // namespace gs
