// SPDX-License-Identifier: MIT
// A thread's span list made from the stretches of processor runs it ran and its own syscalls,
// by hand on a small trace whose answer is known; Go's threads are checked in
// thread_reference_test.cpp.
#include "tests/support/synthetic_trace.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace gs {
namespace {

using fixtures::SyntheticSpan;
using fixtures::SyntheticTraceBuilder;

using Changes = std::vector<std::pair<uint32_t, uint32_t>>;

class ThreadSpansTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        SyntheticTraceBuilder b(0, 100);
        const std::array<SyntheticSpan, 3> first{{{0, 10, SpanState::Running, {}, 0},
                                                  {10, 20, SpanState::Syscall, {}, 0},
                                                  {20, 30, SpanState::Running, {}, 0}}};
        const std::array<SyntheticSpan, 3> second{{{30, 40, SpanState::Running, {}, 0},
                                                   {40, 50, SpanState::Running, {}, 0},
                                                   {50, 55, SpanState::Syscall, {}, 0}}};
        const std::array<SyntheticSpan, 1> third{{{50, 60, SpanState::Running, {}, 0}}};
        const GoroutineRow r1 = b.addGoroutine(1, "main.a", first);
        const GoroutineRow r2 = b.addGoroutine(2, "main.b", second);
        const GoroutineRow r3 = b.addGoroutine(3, "main.c", third);
        store = b.finish();
        TraceData& t = *store->trace;
        auto span = [&](GoroutineRow row, uint32_t k) { return t.spans.rowRange(row).first + k; };
        run0 = span(r1, 0), syscall10 = span(r1, 1), run20 = span(r1, 2);
        run30 = span(r2, 0), run40 = span(r2, 1), syscall50 = span(r2, 2), run50 = span(r3, 0);
        // M5 ran [0, 30) on P0 with a syscall in between, keeping the P; M7 ran [30, 50) on P0,
        // then made a syscall; [50, 60) ran on P0 on no known thread.
        t.threads = {Thread{5, {syscall10}}, Thread{7, {syscall50}}};
    }

    std::shared_ptr<EventStore> store;
    uint32_t run0 = 0, syscall10 = 0, run20 = 0, run30 = 0, run40 = 0, syscall50 = 0, run50 = 0;
};

TEST_F(ThreadSpansTest, RunsArrivingOutOfOrderKeepTheirThreadWhenSorted)
{
    TraceData& t = *store->trace;
    Processor& p = t.processors.at(0);
    p.spans = {run0, run30, run20, run40, run50}; // threads M5, M7, M5, M7, none
    p.threadChanges = {{0, 0}, {1, 1}, {2, 0}, {3, 1}, {4, Processor::kNoThread}};
    p.finish(t.spans);
    EXPECT_EQ(p.spans, (std::vector<uint32_t>{run0, run20, run30, run40, run50}));
    EXPECT_EQ(p.threadChanges, (Changes{{0, 0}, {2, 1}, {4, Processor::kNoThread}}));
    EXPECT_EQ(p.busyNs(t.spans, 0, 5), 5 * 10);
}

TEST_F(ThreadSpansTest, AThreadListsItsStretchesOfRunsAndItsOwnSpansInTimeOrder)
{
    TraceData& t = *store->trace;
    Processor& p = t.processors.at(0);
    p.spans = {run0, run20, run30, run40, run50};
    p.threadChanges = {{0, 0}, {2, 1}, {4, Processor::kNoThread}};
    p.finish(t.spans);
    EXPECT_EQ(t.threadSpansIfMade(), nullptr) << "made only when asked";

    const ResourceSpans& m5 = t.threadSpans(0);
    const ResourceSpans& m7 = t.threadSpans(1);
    EXPECT_EQ(m5.id, 5);
    EXPECT_EQ(m5.spans, (std::vector<uint32_t>{run0, syscall10, run20})) << "the syscall between the stretch's runs";
    EXPECT_EQ(m5.busyNs(t.spans, 0, 3), 3 * 10);
    EXPECT_EQ(m7.id, 7);
    EXPECT_EQ(m7.spans, (std::vector<uint32_t>{run30, run40, syscall50}));
    EXPECT_EQ(m7.busyNs(t.spans, 0, 3), 10 + 10 + 5);
    ASSERT_NE(t.threadSpansIfMade(), nullptr);

    // A copy of the trace makes its own lists (they point into its own processors).
    const TraceData copy = t;
    EXPECT_EQ(copy.threadSpansIfMade(), nullptr);
    EXPECT_EQ(copy.threadSpans(0).spans, m5.spans);
}

} // namespace
} // namespace gs
