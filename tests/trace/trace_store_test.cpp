// SPDX-License-Identifier: MIT
// Invariants of the trace store built from every real fixture: spans ordered and disjoint per
// goroutine, level-of-detail checkpoints agreeing with a direct sum, lookups by ID and time.
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace gs {
namespace {

StorePtr load(const std::string& path)
{
    LoadContext ctx;
    auto store = loadFile(path, ctx);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
    return store.ok() ? *store : nullptr;
}

class TraceStoreTest : public ::testing::TestWithParam<std::string>
{
};

TEST_P(TraceStoreTest, SpansAreOrderedDisjointAndInsideTheTrace)
{
    StorePtr store = load(GetParam());
    ASSERT_TRUE(store && store->trace);
    const TraceData& t = *store->trace;
    ASSERT_FALSE(t.goroutines.empty());
    ASSERT_EQ(t.spans.offsets.size(), t.goroutines.size() + 1);
    EXPECT_EQ(t.spans.offsets.back(), t.spans.size());
    for (GoroutineRow r = 0; r < t.goroutines.size(); ++r) {
        auto [b, e] = t.spans.rowRange(r);
        for (uint32_t i = b; i < e; ++i) {
            EXPECT_LE(t.spans.startOf(i), t.spans.endOf(i));
            EXPECT_GE(t.spans.startOf(i), t.startNs);
            EXPECT_LE(t.spans.endOf(i), t.endNs);
            if (i > b) {
                EXPECT_LE(t.spans.endOf(i - 1), t.spans.startOf(i)) << "goroutine " << t.goroutines[r].id << " span " << i;
            }
        }
    }
}

TEST_P(TraceStoreTest, CheckpointStateMixEqualsDirectSum)
{
    StorePtr store = load(GetParam());
    ASSERT_TRUE(store && store->trace);
    const TraceData& t = *store->trace;
    for (GoroutineRow r = 0; r < t.goroutines.size(); ++r) {
        auto [b, e] = t.spans.rowRange(r);
        // A few sub-ranges, including ones crossing checkpoint boundaries.
        for (uint32_t from : {b, b + (e - b) / 3, b + 63}) {
            for (uint32_t to : {e, b + (e - b) / 2, b + 130}) {
                if (from > to || to > e)
                    continue;
                TimeNs fast[kSpanStateCount];
                t.spans.stateMix(r, from, to, fast);
                TimeNs slow[kSpanStateCount] = {};
                for (uint32_t i = from; i < to; ++i)
                    slow[size_t(t.spans.stateOf(i))] += t.spans.endOf(i) - t.spans.startOf(i);
                for (size_t s = 0; s < kSpanStateCount; ++s)
                    EXPECT_EQ(fast[s], slow[s]) << "row " << r << " [" << from << "," << to << ") state " << s;
            }
        }
    }
}

TEST_P(TraceStoreTest, LookupByIdAndTime)
{
    StorePtr store = load(GetParam());
    ASSERT_TRUE(store && store->trace);
    const TraceData& t = *store->trace;
    for (GoroutineRow r = 0; r < t.goroutines.size(); ++r) {
        EXPECT_EQ(t.rowOf(t.goroutines[r].id), r);
        auto [b, e] = t.spans.rowRange(r);
        if (b == e)
            continue;
        const uint32_t mid = b + (e - b) / 2;
        const TimeNs probe = t.spans.startOf(mid) + (t.spans.endOf(mid) - t.spans.startOf(mid)) / 2;
        const uint32_t found = t.spans.firstEndingAfter(r, probe);
        ASSERT_LT(found, e);
        EXPECT_LE(t.spans.startOf(found), probe);
        EXPECT_GT(t.spans.endOf(found), probe);
    }
    EXPECT_EQ(t.rowOf(-12345), kNoRow);
}

TEST_P(TraceStoreTest, ProcessorsRunOneGoroutineAtATime)
{
    StorePtr store = load(GetParam());
    ASSERT_TRUE(store && store->trace);
    const TraceData& t = *store->trace;
    ASSERT_FALSE(t.processors.empty());
    for (size_t p = 0; p < t.processors.size(); ++p) {
        const Processor& proc = t.processors[p];
        TimeNs busy = 0;
        for (uint32_t k = 0; k < proc.spans.size(); ++k) {
            const ProcSpan run = t.procSpan(p, k);
            EXPECT_EQ(t.spans.stateOf(proc.spans[k]), SpanState::Running);
            EXPECT_EQ(t.spans.procOf(proc.spans[k]), proc.id);
            if (k > 0) {
                EXPECT_LE(t.procSpan(p, k - 1).end, run.start) << "P" << proc.id;
            }
            busy += run.end - run.start;
        }
        EXPECT_EQ(proc.busyNs(t.spans, 0, uint32_t(proc.spans.size())), busy) << "P" << proc.id;
    }
}

TEST_P(TraceStoreTest, StatsNeverExceedPresence)
{
    StorePtr store = load(GetParam());
    ASSERT_TRUE(store && store->trace);
    const TraceData& t = *store->trace;
    for (GoroutineRow row = 0; row < t.goroutines.size(); ++row) {
        const GoroutineStats stats = t.goroutineStats(row);
        TimeNs sum = stats.execNs + stats.schedWaitNs + stats.syscallNs + stats.syscallBlockNs;
        for (const auto& r : stats.blockNsByReason)
            sum += r.second;
        EXPECT_GE(stats.totalNs, 0);
        // Go's own accounting may double count the blocked tail of a syscall cut by the trace end.
        EXPECT_LE(sum, stats.totalNs + stats.syscallNs) << "goroutine " << t.goroutines.idOf(row);
    }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, TraceStoreTest, ::testing::ValuesIn(test::fixtureFiles("trace", {".trace", ".trace.gz"})),
                         [](const auto& param) { return test::testNameOf(param.param); });

} // namespace
} // namespace gs
