// SPDX-License-Identifier: MIT
// The rules of filterGoroutines on hand-made spans, where every boundary case can be placed
// exactly: span conditions meeting on one span, transitions, the current state at the end of the
// trace or range, range overlap, labels, the matched spans, errors and cancellation.
#include "core/analysis/goroutine_filter.h"
#include "core/base/load_context.h"
#include "tests/support/synthetic_trace.h"

#include <gtest/gtest.h>

#include <stop_token>
#include <vector>

namespace gs {
namespace {

using fixtures::SyntheticSpan;
using S = SpanState;

constexpr TimeNs kStart = 1000;
constexpr TimeNs kEnd = 2000;

// Row 0 (id 10, main.mutexThenChan): blocks 200 ns on a mutex, later 20 ns on a channel; alive at
// the end, waiting. Row 1 (id 11, main.chanWaiter): blocks 300 ns on a channel, exits at 1600.
// Row 2 (id 12, main.lateStarter): created at 1700 already waiting (no transition into it),
// then runs to the end.
std::shared_ptr<EventStore> makeStore()
{
    fixtures::SyntheticTraceBuilder b(kStart, kEnd);
    const SyntheticSpan mutexThenChan[] = {
        {1000, 1100, S::Running, ""},   {1100, 1300, S::Waiting, "sync"},         {1300, 1310, S::Runnable, ""},
        {1310, 1400, S::Running, ""},   {1400, 1420, S::Waiting, "chan receive"}, {1420, 1500, S::Runnable, ""},
        {1500, 1900, S::Running, ""},   {1900, 2000, S::Waiting, "select"},
    };
    const SyntheticSpan chanWaiter[] = {
        {1000, 1200, S::Runnable, ""},
        {1200, 1250, S::Running, ""},
        {1250, 1550, S::Waiting, "chan receive"},
        {1550, 1600, S::Running, ""},
    };
    const SyntheticSpan lateStarter[] = {
        {1700, 1800, S::Waiting, "chan receive"},
        {1800, 2000, S::Running, ""},
    };
    b.addGoroutine(10, "main.mutexThenChan", mutexThenChan);
    b.addGoroutine(11, "main.chanWaiter", chanWaiter, {-1, "GC (idle)"});
    b.addGoroutine(12, "main.lateStarter", lateStarter);
    return b.finish();
}

class GoroutineFilterTest : public ::testing::Test
{
protected:
    GoroutineFilterResult run(const GoroutineFilter& filter) const
    {
        auto result = filterGoroutines(*m_store, filter);
        EXPECT_TRUE(result.ok()) << result.error().message;
        return result.ok() ? *result : GoroutineFilterResult {};
    }
    std::vector<uint8_t> keep(const GoroutineFilter& filter) const { return run(filter).keep; }

    std::shared_ptr<EventStore> m_store = makeStore();
};

TEST_F(GoroutineFilterTest, EmptyFilterKeepsAllWithoutSpans)
{
    const GoroutineFilter none;
    EXPECT_TRUE(none.empty());
    EXPECT_FALSE(none.hasSpanConditions());
    const GoroutineFilterResult result = run(none);
    EXPECT_EQ(result.keep, (std::vector<uint8_t> {1, 1, 1}));
    EXPECT_EQ(result.kept, 3u);
    EXPECT_TRUE(result.matchedSpans.empty());
}

TEST_F(GoroutineFilterTest, SpanConditionsMeetOnOneSpan)
{
    // Row 0 waited 200 ns (on a mutex) and on a channel (20 ns), but never 100 ns on a channel.
    GoroutineFilter f;
    f.reasons = {"chan receive"};
    f.minDurationNs = 100;
    EXPECT_FALSE(f.empty());
    EXPECT_TRUE(f.hasSpanConditions());
    const GoroutineFilterResult result = run(f);
    EXPECT_EQ(result.keep, (std::vector<uint8_t> {0, 1, 1}));
    EXPECT_EQ(result.matchedSpans, (std::vector<uint32_t> {10, 12}));

    f.maxDurationNs = 100; // exactly 100 ns: the late starter's span, bounds included
    EXPECT_EQ(run(f).matchedSpans, (std::vector<uint32_t> {12}));
}

TEST_F(GoroutineFilterTest, TransitionLooksAtThePreviousSpanOfTheSameGoroutine)
{
    GoroutineFilter f;
    f.transition = StateTransition {S::Running, S::Waiting};
    // The late starter's first span is waiting, but nothing came before it; row 1's last span
    // (running) is not followed by row 2's first.
    EXPECT_EQ(run(f).matchedSpans, (std::vector<uint32_t> {1, 4, 7, 10}));
    f.transition = StateTransition {S::Waiting, S::Running};
    EXPECT_EQ(run(f).matchedSpans, (std::vector<uint32_t> {11, 13}));
    f.transition = StateTransition {S::Runnable, S::Waiting};
    EXPECT_EQ(run(f).kept, 0u);
}

TEST_F(GoroutineFilterTest, CurrentStateIsAtTheEndOfTheRangeOrTrace)
{
    GoroutineFilter f;
    f.currentStates = {S::Waiting};
    // At the trace end row 0 waits, row 1 has exited, row 2 runs.
    EXPECT_EQ(keep(f), (std::vector<uint8_t> {1, 0, 0}));
    f.currentStates = {S::Running, S::Runnable, S::Waiting, S::Syscall, S::SyscallBlocked};
    EXPECT_EQ(keep(f), (std::vector<uint8_t> {1, 0, 1}));

    // Inside the trace: 1410 is in row 0's channel wait and row 1's; row 2 does not exist yet.
    f.toNs = 1410;
    f.currentStates = {S::Waiting};
    EXPECT_EQ(keep(f), (std::vector<uint8_t> {1, 1, 0}));
    // On a boundary the span that starts there counts.
    f.toNs = 1420;
    EXPECT_EQ(keep(f), (std::vector<uint8_t> {0, 1, 0}));
    f.toNs = 1600; // row 1 exits at 1600, so this is the end of its last span
    f.currentStates = {S::Running};
    EXPECT_EQ(keep(f), (std::vector<uint8_t> {1, 1, 0}));
}

TEST_F(GoroutineFilterTest, TimeRangeKeepsOverlappingSpans)
{
    GoroutineFilter f;
    f.fromNs = 1550;
    f.toNs = 1700;
    EXPECT_FALSE(f.empty());
    EXPECT_FALSE(f.hasSpanConditions());
    // Row 1's wait ends at 1550 (not inside), its last span is; row 2 starts at 1700 (not inside).
    GoroutineFilterResult result = run(f);
    EXPECT_EQ(result.keep, (std::vector<uint8_t> {1, 1, 0}));
    EXPECT_EQ(result.matchedSpans, (std::vector<uint32_t> {6, 11}));

    // A span condition is met only by spans in the range, with their whole duration.
    f.reasons = {"chan receive"};
    f.minDurationNs = 300;
    f.fromNs = 1549;
    EXPECT_EQ(run(f).matchedSpans, (std::vector<uint32_t> {10}));
    f.fromNs = 1550;
    EXPECT_EQ(run(f).kept, 0u);

    // Open on one side.
    GoroutineFilter after;
    after.fromNs = 1650;
    EXPECT_EQ(keep(after), (std::vector<uint8_t> {1, 0, 1}));
    GoroutineFilter before;
    before.toNs = 1001;
    EXPECT_EQ(run(before).matchedSpans, (std::vector<uint32_t> {0, 8}));
}

TEST_F(GoroutineFilterTest, StartFunctionAndLabel)
{
    GoroutineFilter f;
    f.startFunctionRegex = "[Cc]han";
    EXPECT_EQ(keep(f), (std::vector<uint8_t> {1, 1, 0})); // searched, not anchored
    f.startFunctionRegex = "^main\\.lateStarter$";
    EXPECT_EQ(keep(f), (std::vector<uint8_t> {0, 0, 1}));

    GoroutineFilter label;
    label.labelRegex = "GC";
    EXPECT_EQ(keep(label), (std::vector<uint8_t> {0, 1, 0}));
    // A goroutine without a label has none to match, even for a regex that matches "".
    label.labelRegex = "^$";
    EXPECT_EQ(run(label).kept, 0u);
}

TEST_F(GoroutineFilterTest, SpanDurationsOfMatchedOrAllSpans)
{
    GoroutineFilter f;
    f.reasons = {"chan receive"};
    const GoroutineFilterResult matched = run(f);
    EXPECT_EQ(spanDurations(*m_store->trace, matched, S::Waiting), (std::vector<TimeNs> {20, 300, 100}));
    EXPECT_TRUE(spanDurations(*m_store->trace, matched, S::Running).empty());

    // Without span conditions: every span of the kept goroutines.
    GoroutineFilter label;
    label.labelRegex = "GC";
    EXPECT_EQ(spanDurations(*m_store->trace, run(label), S::Running), (std::vector<TimeNs> {50, 50}));
}

TEST_F(GoroutineFilterTest, InvalidRegexNamesTheCondition)
{
    const std::pair<std::string GoroutineFilter::*, const char*> fields[] = {
        {&GoroutineFilter::stackRegex, "invalid stack regex '(':"},
        {&GoroutineFilter::startFunctionRegex, "invalid start function regex '(':"},
        {&GoroutineFilter::labelRegex, "invalid label regex '(':"},
    };
    for (const auto& [field, message] : fields) {
        GoroutineFilter f;
        f.*field = "(";
        const auto result = filterGoroutines(*m_store, f);
        ASSERT_FALSE(result.ok()) << message;
        EXPECT_EQ(result.error().message.rfind(message, 0), 0u) << result.error().message;
    }
}

TEST_F(GoroutineFilterTest, NeedsATrace)
{
    const EventStore profile;
    const auto result = filterGoroutines(profile, GoroutineFilter {});
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("execution trace"), std::string::npos);
}

TEST_F(GoroutineFilterTest, Cancellation)
{
    std::stop_source stop;
    stop.request_stop();
    LoadContext ctx(stop.get_token(), nullptr);
    // A filter with a condition walks the goroutines (an empty one keeps them all at once).
    GoroutineFilter filter;
    filter.spanStates = {SpanState::Waiting};
    EXPECT_THROW(filterGoroutines(*m_store, filter, &ctx), Cancelled);
}

} // namespace
} // namespace gs
