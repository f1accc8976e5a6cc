// SPDX-License-Identifier: MIT
// core/analysis/trace_diff.h on two hand-made traces of "the same program" whose sums,
// percentiles and differences are worked out below.
#include "core/analysis/trace_diff.h"
#include "tests/support/synthetic_trace.h"

#include <gtest/gtest.h>

namespace gs {
namespace {

using fixtures::SyntheticSpan;
using S = SpanState;

void addRegion(fixtures::SyntheticTraceBuilder& b, int64_t goroutine, std::string_view type, TimeNs start, TimeNs end)
{
    b.trace().regions.push_back({goroutine, 0, b.store().symbols.strings.intern(type), start, end, 0});
}

// main.worker: two goroutines, 450 ns in all (running 200, runnable 50, chan receive 200);
// main.gone: one, running 10, syscall 20; one without a start function, running 5.
// Regions "query" of 10, 20 and 30 ns, and "old" of 5.
std::shared_ptr<EventStore> makeBefore()
{
    fixtures::SyntheticTraceBuilder b(0, 1000);
    const SyntheticSpan worker1[] = {
        {0, 100, S::Running, ""},
        {100, 300, S::Waiting, "chan receive"},
        {300, 350, S::Runnable, ""},
        {350, 400, S::Running, ""},
    };
    const SyntheticSpan worker2[] = {{0, 50, S::Running, ""}};
    const SyntheticSpan gone[] = {{0, 10, S::Running, ""}, {10, 30, S::Syscall, ""}};
    const SyntheticSpan unnamed[] = {{0, 5, S::Running, ""}};
    b.addGoroutine(1, "main.worker", worker1, {400, ""});
    b.addGoroutine(2, "main.worker", worker2, {50, ""});
    b.addGoroutine(3, "main.gone", gone, {30, ""});
    b.addGoroutine(4, "", unnamed, {5, ""});
    addRegion(b, 1, "query", 0, 10);
    addRegion(b, 1, "query", 100, 120);
    addRegion(b, 1, "query", 200, 230);
    addRegion(b, 1, "old", 300, 305);
    return b.finish();
}

// main.new first, so that main.worker's function ID differs from the first trace's.
// main.new: running 200. main.worker: one goroutine, 700 ns (running 200, chan receive 400,
// select 100). The unnamed goroutine as before. Regions "query" of 40, 20, 30 and 100 ns, and
// "new" of 80.
std::shared_ptr<EventStore> makeAfter()
{
    fixtures::SyntheticTraceBuilder b(0, 1000);
    const SyntheticSpan fresh[] = {{0, 200, S::Running, ""}};
    const SyntheticSpan worker[] = {
        {0, 100, S::Running, ""},
        {100, 500, S::Waiting, "chan receive"},
        {500, 600, S::Waiting, "select"},
        {600, 700, S::Running, ""},
    };
    const SyntheticSpan unnamed[] = {{0, 5, S::Running, ""}};
    b.addGoroutine(10, "main.new", fresh, {200, ""});
    b.addGoroutine(11, "main.worker", worker, {700, ""});
    b.addGoroutine(4, "", unnamed, {5, ""});
    addRegion(b, 11, "query", 0, 40);
    addRegion(b, 11, "query", 100, 120);
    addRegion(b, 11, "query", 200, 230);
    addRegion(b, 11, "query", 300, 400);
    addRegion(b, 11, "new", 400, 480);
    return b.finish();
}

TraceDiff diffBeforeAndAfter()
{
    return diffTraces(*makeBefore(), *makeAfter());
}

TEST(TraceDiff, StartFunctionsAreMatchedByNameSummedAndSortedByTheChangeOfTotalTime)
{
    const TraceDiff diff = diffBeforeAndAfter();
    ASSERT_EQ(diff.startFunctions.size(), 4u);

    const StartFunctionDiff& worker = diff.startFunctions[0]; // total +250
    EXPECT_EQ(worker.name, "main.worker");
    ASSERT_TRUE(worker.before && worker.after);
    EXPECT_EQ(worker.before->goroutines, 2);
    EXPECT_EQ(worker.before->execNs, 200);
    EXPECT_EQ(worker.before->schedWaitNs, 50);
    EXPECT_EQ(worker.before->totalNs, 450);
    EXPECT_EQ(worker.before->blockNsByReason, (std::map<std::string, TimeNs> {{"chan receive", 200}}));
    EXPECT_EQ(worker.after->goroutines, 1);
    EXPECT_EQ(worker.after->totalNs, 700);
    const GoroutineGroupTimes& d = worker.difference;
    EXPECT_EQ(d.goroutines, -1);
    EXPECT_EQ(d.execNs, 0);
    EXPECT_EQ(d.schedWaitNs, -50);
    EXPECT_EQ(d.syscallNs, 0);
    EXPECT_EQ(d.totalNs, 250);
    EXPECT_EQ(d.blockNsByReason, (std::map<std::string, TimeNs> {{"chan receive", 200}, {"select", 100}}));
    EXPECT_FALSE(worker.isNew() || worker.isGone() || worker.unchanged());

    const StartFunctionDiff& fresh = diff.startFunctions[1]; // +200
    EXPECT_EQ(fresh.name, "main.new");
    EXPECT_TRUE(fresh.isNew());
    EXPECT_EQ(fresh.difference.execNs, 200);
    EXPECT_EQ(fresh.difference.goroutines, 1);

    const StartFunctionDiff& gone = diff.startFunctions[2]; // -30
    EXPECT_EQ(gone.name, "main.gone");
    EXPECT_TRUE(gone.isGone());
    EXPECT_EQ(gone.difference.totalNs, -30);
    EXPECT_EQ(gone.difference.syscallNs, -20);

    const StartFunctionDiff& unnamed = diff.startFunctions[3];
    EXPECT_EQ(unnamed.name, "");
    EXPECT_TRUE(unnamed.unchanged());
    EXPECT_EQ(unnamed.difference, GoroutineGroupTimes {});
}

TEST(TraceDiff, RegionTypesCompareLatenciesSortedByTheChangeOfP90)
{
    const TraceDiff diff = diffBeforeAndAfter();
    ASSERT_EQ(diff.regionTypes.size(), 3u);

    const RegionTypeDiff& fresh = diff.regionTypes[0]; // p90 +80
    EXPECT_EQ(fresh.name, "new");
    EXPECT_TRUE(fresh.isNew());
    EXPECT_EQ(fresh.difference, (RegionLatency {1, 80, 80, 80, 80, 80}));

    // Before 10, 20, 30: p50 20, p90 30. After 20, 30, 40, 100: p50 30 (rank 2), p90 100 (rank 4).
    const RegionTypeDiff& query = diff.regionTypes[1]; // p90 +70
    EXPECT_EQ(query.name, "query");
    ASSERT_TRUE(query.before && query.after);
    EXPECT_EQ(*query.before, (RegionLatency {3, 60, 20, 30, 30, 30}));
    EXPECT_EQ(*query.after, (RegionLatency {4, 190, 30, 100, 100, 100}));
    EXPECT_EQ(query.difference, (RegionLatency {1, 130, 10, 70, 70, 70}));

    const RegionTypeDiff& old = diff.regionTypes[2]; // p90 -5
    EXPECT_EQ(old.name, "old");
    EXPECT_TRUE(old.isGone());
    EXPECT_EQ(old.difference, (RegionLatency {-1, -5, -5, -5, -5, -5}));
}

TEST(TraceDiff, ATraceAgainstItselfHasNoDifference)
{
    const auto trace = makeAfter();
    const TraceDiff diff = diffTraces(*trace, *trace);
    ASSERT_EQ(diff.startFunctions.size(), 3u);
    for (const StartFunctionDiff& f : diff.startFunctions) {
        EXPECT_TRUE(f.unchanged()) << f.name;
        // The wait reasons of both sides are kept, with zero difference.
        EXPECT_EQ(f.difference.totalNs, 0) << f.name;
        for (const auto& [reason, ns] : f.difference.blockNsByReason)
            EXPECT_EQ(ns, 0) << f.name << ": " << reason;
    }
    ASSERT_EQ(diff.regionTypes.size(), 2u);
    for (const RegionTypeDiff& r : diff.regionTypes) {
        EXPECT_TRUE(r.unchanged()) << r.name;
        EXPECT_EQ(r.difference, RegionLatency {}) << r.name;
    }
    // With no change, by name.
    EXPECT_EQ(diff.startFunctions[0].name, "");
    EXPECT_EQ(diff.startFunctions[1].name, "main.new");
    EXPECT_EQ(diff.regionTypes[0].name, "new");
}

} // namespace
} // namespace gs
