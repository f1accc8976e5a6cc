// SPDX-License-Identifier: MIT
// core/analysis/user_annotations.h on hand-made annotations: which goroutines belong to a task,
// how regions and tasks group by type, and the nearest-rank percentiles; and the goroutine filter's
// task, region and log conditions on a real annotated trace.
#include "core/analysis/goroutine_filter.h"
#include "core/analysis/user_annotations.h"
#include "core/base/load_context.h"
#include "core/load/load_file.h"

#include <gtest/gtest.h>

#include <set>

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

TEST(SummarizeTaskTypes, CountsEveryTaskAndTimesOnlyTheCompleteOnes)
{
    TraceData t;
    t.startNs = 0;
    t.endNs = 1000;
    t.tasks = {
        {1, 0, 1, 100, 300, 1, 1},                         // worker: 200 ns
        {2, 0, 1, 100, -1, 1, kNoGoroutineId},             // worker: still running
        {3, 0, 2, -1, 500, kNoGoroutineId, 1},             // other: began before the trace
        {4, 0, 1, 200, 900, 2, 2},                         // worker: 700 ns
    };
    StringPool strings;
    EXPECT_EQ(strings.intern(""), 0u);
    ASSERT_EQ(strings.intern("worker"), 1u);
    ASSERT_EQ(strings.intern("other"), 2u);
    const auto tasks = summarizeTasks(t);
    const auto types = summarizeTaskTypes(tasks, strings);
    ASSERT_EQ(types.size(), 2u);
    EXPECT_EQ(strings.get(types[0].type), "other"); // by name
    EXPECT_EQ(types[0].instances.size(), 1u);
    EXPECT_EQ(types[0].complete, 0u);
    EXPECT_EQ(types[0].maxNs, 0);
    EXPECT_EQ(strings.get(types[1].type), "worker");
    ASSERT_EQ(types[1].instances.size(), 3u);
    EXPECT_EQ(types[1].instances[0]->task->id, 1u); // by ID
    EXPECT_EQ(types[1].complete, 2u);
    EXPECT_EQ(types[1].p50Ns, 200);
    EXPECT_EQ(types[1].maxNs, 700);
    EXPECT_EQ(taskStartNs(t, t.tasks[2]), 0);
    EXPECT_EQ(taskEndNs(t, t.tasks[1]), 1000);
    EXPECT_FALSE(taskComplete(t.tasks[1]));
    EXPECT_TRUE(taskComplete(t.tasks[0]));
}

class AnnotationFilterTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        LoadContext ctx;
        auto loaded = loadFile(std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/go126_sched.trace", ctx);
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        store = *loaded;
        ASSERT_TRUE(store->trace);
        ASSERT_FALSE(store->trace->regions.empty());
        ASSERT_FALSE(store->trace->logs.empty());
    }

    std::set<int64_t> kept(const GoroutineFilter& filter) const
    {
        auto result = filterGoroutines(*store, filter);
        EXPECT_TRUE(result.ok()) << result.error().message;
        std::set<int64_t> ids;
        for (GoroutineRow r = 0; result.ok() && r < result->keep.size(); ++r) {
            if (result->keep[r])
                ids.insert(store->trace->goroutines.idOf(r));
        }
        return ids;
    }
    std::string_view text(StringId id) const { return store->symbols.strings.get(id); }

    StorePtr store;
};

TEST_F(AnnotationFilterTest, RegionTypeKeepsTheGoroutinesThatMarkedOne)
{
    const TraceData& t = *store->trace;
    const std::string type(text(t.regions.front().name));
    std::set<int64_t> expected;
    for (const UserRegion& r : t.regions) {
        if (text(r.name) == type)
            expected.insert(r.goroutine);
    }
    GoroutineFilter f;
    f.regionRegex = "^" + type + "$";
    EXPECT_EQ(kept(f), expected);
    EXPECT_LT(expected.size(), t.goroutines.size());
    f.regionRegex = "^no such region$";
    EXPECT_TRUE(kept(f).empty());
}

TEST_F(AnnotationFilterTest, LogTextKeepsTheGoroutinesThatLoggedIt)
{
    const TraceData& t = *store->trace;
    const UserLog& first = t.logs.front();
    const std::string message(text(first.message));
    ASSERT_FALSE(message.empty());
    std::set<int64_t> expected;
    for (const UserLog& l : t.logs) {
        if (text(l.message).find(message) != std::string_view::npos
            || text(l.category).find(message) != std::string_view::npos)
            expected.insert(l.goroutine);
    }
    GoroutineFilter f;
    f.logRegex = "\\Q" + message + "\\E";
    EXPECT_EQ(kept(f), expected);
    EXPECT_TRUE(expected.count(first.goroutine));
}

TEST_F(AnnotationFilterTest, TaskTypeKeepsTheGoroutinesThatTookPartAndCombinesWithTheRest)
{
    const TraceData& t = *store->trace;
    for (const TaskSummary& s : summarizeTasks(t)) {
        const std::string type(text(s.task->name));
        std::set<int64_t> expected;
        for (const TaskSummary& other : summarizeTasks(t)) {
            if (text(other.task->name) == type)
                expected.insert(other.goroutines.begin(), other.goroutines.end());
        }
        GoroutineFilter f;
        f.taskRegex = "^" + type + "$";
        EXPECT_EQ(kept(f), expected) << "task type " << type;
        // Conditions add up: a task and a region type both.
        f.regionRegex = "^no such region$";
        EXPECT_TRUE(kept(f).empty());
    }
}

TEST_F(AnnotationFilterTest, AnInvalidRegexNamesItsCondition)
{
    for (auto field : {&GoroutineFilter::taskRegex, &GoroutineFilter::regionRegex, &GoroutineFilter::logRegex}) {
        GoroutineFilter f;
        f.*field = "(";
        auto result = filterGoroutines(*store, f);
        ASSERT_FALSE(result.ok());
        const std::string& message = result.error().message;
        EXPECT_TRUE(message.find("task") != std::string::npos || message.find("region") != std::string::npos
                    || message.find("log") != std::string::npos)
            << message;
    }
}

} // namespace
} // namespace gs
