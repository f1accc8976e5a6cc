// SPDX-License-Identifier: MIT
// Invariants of the trace store built from every real fixture: spans ordered and disjoint per
// goroutine, level-of-detail checkpoints agreeing with a direct sum, lookups by ID and time.
#include "core/base/load_context.h"
#include "core/formats/gotrace/trace_store_builder.h"
#include "core/io/file_bytes.h"
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

// The decoder may release the input bytes of the generations it is done with (loadFile frees their
// pages). Bytes read after their release would change the store: here released bytes are
// overwritten with garbage, and the store must equal the one built without releasing.
TEST_P(TraceStoreTest, ReleasedInputIsNeverReadAgain)
{
    auto input = readInput(GetParam());
    ASSERT_TRUE(input.ok());
    LoadContext plainContext;
    auto plain = gotrace::decodeGoTrace(input->span(), plainContext);
    ASSERT_TRUE(plain.ok()) << plain.error().message;

    std::vector<uint8_t> bytes = input->data;
    uint64_t released = 0;
    LoadContext releasing;
    releasing.setRelease([&](uint64_t upTo) {
        std::fill(bytes.begin() + std::ptrdiff_t(released), bytes.begin() + std::ptrdiff_t(upTo), uint8_t(0xa5));
        released = upTo;
    });
    auto scribbled = gotrace::decodeGoTrace(bytes, releasing);
    ASSERT_TRUE(scribbled.ok()) << scribbled.error().message;
    EXPECT_EQ(releasing.warnings(), plainContext.warnings());

    const TraceData& a = *(*plain)->trace;
    const TraceData& b = *(*scribbled)->trace;
    ASSERT_EQ(a.eventCount, b.eventCount);
    ASSERT_EQ(a.goroutines.size(), b.goroutines.size());
    ASSERT_EQ(a.spans.size(), b.spans.size());
    for (GoroutineRow r = 0; r < a.goroutines.size(); ++r) {
        EXPECT_EQ(a.goroutines.idOf(r), b.goroutines.idOf(r));
        EXPECT_EQ(a.spans.rowRange(r), b.spans.rowRange(r));
    }
    for (uint32_t i = 0; i < a.spans.size(); ++i) {
        ASSERT_EQ(a.spans.startOf(i), b.spans.startOf(i)) << "span " << i;
        ASSERT_EQ(a.spans.endOf(i), b.spans.endOf(i)) << "span " << i;
        ASSERT_EQ(a.spans.wakerOf(i), b.spans.wakerOf(i)) << "span " << i;
        ASSERT_EQ((*plain)->symbols.strings.get(a.spans.reasonOf(i)), (*scribbled)->symbols.strings.get(b.spans.reasonOf(i)));
    }
    ASSERT_EQ(a.regions.size(), b.regions.size());
    for (size_t k = 0; k < a.regions.size(); ++k) {
        EXPECT_EQ((*plain)->symbols.strings.get(a.regions[k].name), (*scribbled)->symbols.strings.get(b.regions[k].name));
        EXPECT_EQ(a.regions[k].end, b.regions[k].end);
    }
    // Generations were released (all but the last two, at least, for a trace that has them).
    if (a.generations > 2) {
        EXPECT_GT(released, 0u);
    }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, TraceStoreTest, ::testing::ValuesIn(test::fixtureFiles("trace", {".trace", ".trace.gz"})),
                         [](const auto& param) { return test::testNameOf(param.param); });

} // namespace
} // namespace gs
