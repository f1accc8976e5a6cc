// SPDX-License-Identifier: MIT
// Blocking chains against traces whose chains are known by construction: the program that wrote
// each trace (tests/data/gen/chain) recorded, per scenario, the waiter, the sender that woke it
// and the mutex holder that held the sender up. Traces from Go 1.26 and Go 1.19.
#include "core/analysis/blocking_chain.h"
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/support/chain_fixture.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gs {
namespace {

class BlockingChainFixture : public ::testing::TestWithParam<std::string>
{
};

TEST_P(BlockingChainFixture, FollowsEveryScenarioBackToTheMutexHolder)
{
    const std::string base = std::string(GOROSCOPE_TEST_DATA_DIR) + "/chain/" + GetParam();
    const auto expected = test::readChainScenarios(GetParam());
    ASSERT_EQ(expected.size(), 4u) << "chan, select, waitgroup and cond scenarios";
    LoadContext ctx;
    auto store = loadFile(base + ".trace", ctx);
    ASSERT_TRUE(store.ok()) << store.error().message;
    const TraceData& trace = *(*store)->trace;

    for (const test::ChainScenario& e : expected) {
        SCOPED_TRACE(e.name);
        const GoroutineRow waiter = trace.rowOf(e.chain[0]);
        ASSERT_NE(waiter, kNoRow);
        const auto wait = findWait(trace, waiter);
        ASSERT_TRUE(wait.has_value());
        const auto hops = blockingChain(trace, waiter, *wait);
        ASSERT_EQ(hops.size(), e.chain.size());
        for (size_t i = 0; i < hops.size(); ++i) {
            EXPECT_EQ(trace.goroutines[hops[i].row].id, e.chain[i]) << "hop " << i;
            const bool last = i + 1 == hops.size();
            EXPECT_EQ(hops[i].wokenBy, last ? kNoGoroutineId : e.chain[i + 1]) << "hop " << i;
            // The waiter and the sender wait; the holder ran all along, holding the mutex.
            EXPECT_EQ(trace.spans.stateOf(hops[i].span), last ? SpanState::Running : SpanState::Waiting) << "hop " << i;
            if (!last) {
                EXPECT_EQ(hops[i].wokenAt, trace.spans.endOf(hops[i].span));
                EXPECT_NE(hops[i].wakerStack, 0u) << "the waker's stack at the wake-up";
            }
        }
        // The waiter's wait itself says who ended it, as does the runnable span after it.
        EXPECT_EQ(wakerOf(trace, waiter, *wait), e.chain[1]);
        EXPECT_EQ(wakerOf(trace, waiter, *wait + 1), e.chain[1]);
        // The sender waited for the mutex the holder kept for 30 ms.
        EXPECT_EQ((*store)->symbols.strings.get(trace.spans.reasonOf(hops[1].span)), "sync");
        EXPECT_GE(trace.spans.durationOf(hops[1].span), 20'000'000);

        // Forward: the sender's wake-ups include the waiter's.
        bool wokeWaiter = false;
        for (const WakeUp& w : wakeUpsBy(trace, e.chain[1]))
            wokeWaiter |= w.row == waiter && w.span == *wait + 1;
        EXPECT_TRUE(wokeWaiter);
    }
}

TEST_P(BlockingChainFixture, FindsTheWaitCoveringATime)
{
    const std::string base = std::string(GOROSCOPE_TEST_DATA_DIR) + "/chain/" + GetParam();
    LoadContext ctx;
    auto store = loadFile(base + ".trace", ctx);
    ASSERT_TRUE(store.ok()) << store.error().message;
    const TraceData& trace = *(*store)->trace;
    const GoroutineRow waiter = trace.rowOf(test::readChainScenarios(GetParam())[0].chain[0]);
    const uint32_t longest = *findWait(trace, waiter);
    const TimeNs middle = trace.spans.startOf(longest) + trace.spans.durationOf(longest) / 2;
    EXPECT_EQ(findWait(trace, waiter, middle), longest);
    // Just after the wait the waiter is runnable or running, not waiting.
    EXPECT_FALSE(findWait(trace, waiter, trace.spans.endOf(longest)).has_value());
}

INSTANTIATE_TEST_SUITE_P(Fixtures, BlockingChainFixture, ::testing::Values("go126_chain", "go119_chain"));

} // namespace
} // namespace gs
