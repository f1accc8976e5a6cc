// SPDX-License-Identifier: MIT
// From a flame-graph frame of a trace-derived profile to the goroutines behind it, and from a
// function to the goroutines that ran it, on the blocking-chain fixture (whose goroutines and
// functions are known: tests/data/chain/README.md).
#include "core/analysis/goroutine_links.h"
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/support/chain_fixture.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace gs {
namespace {

const std::string kBase = std::string(GOROSCOPE_TEST_DATA_DIR) + "/chain/go126_chain";

StorePtr loadChainTrace()
{
    LoadContext ctx;
    auto store = loadFile(kBase + ".trace", ctx);
    return store.ok() ? *store : nullptr;
}

std::vector<std::string> pathNames(const EventStore& profileStore, const FlameTree& tree, uint32_t node)
{
    std::vector<std::string> names;
    for (uint32_t n : tree.pathTo(node))
        names.emplace_back(profileStore.symbols.functionName(tree.node(n).function));
    return names;
}

// For every frame of the derived flame graph, in both directions, the goroutines' shares add up
// to the frame's total: the link loses nothing and adds nothing.
TEST(GoroutineLinks, ContributionsAddUpToEveryFrame)
{
    const StorePtr store = loadChainTrace();
    ASSERT_TRUE(store);
    for (TraceProfileKind kind : {TraceProfileKind::Sync, TraceProfileKind::Sched}) {
        const auto derived = deriveTraceProfile(*store, kind);
        auto stacks = selectProfileStacks(*derived, derived->profile->defaultSampleType, {});
        ASSERT_TRUE(stacks.ok());
        for (FlameDirection direction : {FlameDirection::TopDown, FlameDirection::BottomUp}) {
            const FlameTree tree = FlameTree::build(derived->symbols, *stacks, {direction, std::nullopt});
            ASSERT_GT(tree.size(), 1u);
            for (uint32_t n = 1; n < tree.size(); ++n) {
                const auto contributors = frameContributors(*store, kind, pathNames(*derived, tree, n), direction);
                int64_t sum = 0;
                for (const FrameContribution& c : contributors)
                    sum += c.value;
                EXPECT_EQ(sum, tree.node(n).total) << traceProfileName(kind) << " node " << n;
                EXPECT_TRUE(std::is_sorted(contributors.begin(), contributors.end(),
                                           [](const auto& a, const auto& b) { return a.value > b.value; }));
            }
        }
    }
}

// The senders' waits on the mutex are the sync frame sync.(*Mutex).Lock (bottom-up: the leaf);
// each sender contributes the whole wait the holder caused.
TEST(GoroutineLinks, MutexFrameLeadsToTheSenders)
{
    const StorePtr store = loadChainTrace();
    ASSERT_TRUE(store);
    const TraceData& trace = *store->trace;
    const std::vector<std::string> path = {"sync.(*Mutex).Lock"};
    const auto contributors = frameContributors(*store, TraceProfileKind::Sync, path, FlameDirection::BottomUp);
    for (const auto& [name, s] : test::readChainScenarios("go126_chain")) {
        const auto it = std::find_if(contributors.begin(), contributors.end(),
                                     [&](const FrameContribution& c) { return trace.goroutines[c.row].id == s[1]; });
        ASSERT_NE(it, contributors.end()) << "sender G" << s[1];
        EXPECT_GE(it->value, 20'000'000) << "the holder kept the mutex for 30 ms";
        ASSERT_FALSE(it->stretches.empty());
        EXPECT_LT(it->stretches.front().first, it->stretches.front().second);
    }
    // The waiters never waited on that mutex.
    for (const auto& [name, s] : test::readChainScenarios("go126_chain")) {
        EXPECT_TRUE(std::none_of(contributors.begin(), contributors.end(),
                                 [&](const FrameContribution& c) { return trace.goroutines[c.row].id == s[0]; }));
    }
    EXPECT_TRUE(frameContributors(*store, TraceProfileKind::Sync, std::vector<std::string> {"no.such.function"},
                                  FlameDirection::BottomUp)
                    .empty());
}

TEST(GoroutineLinks, FunctionLeadsToTheGoroutinesThatRanIt)
{
    const StorePtr store = loadChainTrace();
    ASSERT_TRUE(store);
    const TraceData& trace = *store->trace;
    // The sender is the third goroutine run() starts: main.run.func3.
    const auto rows = goroutinesRunning(*store, "main.run.func3");
    std::vector<int64_t> ids;
    for (GoroutineRow r : rows)
        ids.push_back(trace.goroutines[r].id);
    for (const auto& [name, s] : test::readChainScenarios("go126_chain")) {
        EXPECT_NE(std::find(ids.begin(), ids.end(), s[1]), ids.end()) << "sender G" << s[1];
        EXPECT_EQ(std::find(ids.begin(), ids.end(), s[0]), ids.end()) << "waiter G" << s[0];
    }
    EXPECT_TRUE(goroutinesRunning(*store, "no.such.function").empty());
}

} // namespace
} // namespace gs
