// SPDX-License-Identifier: MIT
// Grouping, filtering and the creation tree on real dumps.
#include "core/analysis/dump_creation_tree.h"
#include "core/analysis/dump_filter.h"
#include "core/analysis/dump_groups.h"
#include "tests/dumps/dump_fixtures.h"

namespace gs::test {
namespace {

std::string leaf(const EventStore& s, StackId stack)
{
    const auto frames = s.symbols.stacks.frames(stack);
    return frames.empty() ? "" : std::string(s.symbols.functionName(s.symbols.frameFunction(frames[0])));
}

TEST(DumpGroups, LeakIsTheLargestIdenticalGroup)
{
    StorePtr s = loadDumpFixture("leak_after.txt");
    ASSERT_TRUE(s);
    const auto entries = dumpEntries(*s->dump);
    const auto groups = groupDump(s->symbols, entries, DumpGrouping::IdenticalStack);
    ASSERT_FALSE(groups.empty());
    EXPECT_EQ(groups[0].count, kLeakAfter);
    EXPECT_EQ(leaf(*s, groups[0].stack), "main.(*service).awaitReply");
    int64_t total = 0;
    for (const DumpGroup& g : groups)
        total += g.count;
    EXPECT_EQ(total, int64_t(entries.size()));
}

TEST(DumpGroups, SimilarMergesWhatIdenticalSplits)
{
    // The same functions at different lines: two identical groups, one similar group.
    EventStore store;
    const FunctionId f = store.symbols.internFunction("main.f", "f.go");
    const FrameId a = store.symbols.internFrame(f, 10), b = store.symbols.internFrame(f, 11);
    const std::vector<FrameId> sa {a}, sb {b};
    const DumpEntry e1 {0, store.symbols.stacks.intern(sa), 0, 0, 1};
    const DumpEntry e2 {1, store.symbols.stacks.intern(sb), 0, 0, 1};
    const std::vector<DumpEntry> two {e1, e2};
    EXPECT_EQ(groupDump(store.symbols, two, DumpGrouping::IdenticalStack).size(), 2u);
    EXPECT_EQ(groupDump(store.symbols, two, DumpGrouping::SimilarStack).size(), 1u);
}

TEST(DumpGroups, ByStateAndWaitTime)
{
    StorePtr s = loadDumpFixture("leak_after.txt");
    ASSERT_TRUE(s);
    const auto entries = dumpEntries(*s->dump);
    const auto byState = groupDump(s->symbols, entries, DumpGrouping::State);
    ASSERT_FALSE(byState.empty());
    EXPECT_EQ(s->symbols.strings.get(byState[0].state), "chan receive");
    EXPECT_GE(byState[0].count, kLeakAfter);
    const auto byWait = groupDump(s->symbols, entries, DumpGrouping::WaitTime);
    int64_t waitedAMinute = 0;
    for (const DumpGroup& g : byWait) {
        EXPECT_GE(g.minWaitMinutes, waitBuckets()[size_t(g.waitBucket)].minMinutes);
        if (g.waitBucket > 0)
            waitedAMinute += g.count;
    }
    // The first leaked goroutines were dumped two minutes after they blocked.
    EXPECT_GE(waitedAMinute, kLeakBefore);
    EXPECT_EQ(waitBucketOf(0), 0);
    EXPECT_EQ(waitBucketOf(4), 1);
    EXPECT_EQ(waitBucketOf(100000), int(waitBuckets().size()) - 1);
}

TEST(DumpFilter, StateReasonFunctionAndWait)
{
    StorePtr s = loadDumpFixture("leak_after.txt");
    ASSERT_TRUE(s);
    const auto entries = dumpEntries(*s->dump);
    DumpFilter byFunction;
    byFunction.functionRegex = "awaitReply$";
    auto leaked = filterDump(s->symbols, entries, byFunction);
    ASSERT_TRUE(leaked.ok());
    EXPECT_EQ(leaked->size(), size_t(kLeakAfter));

    DumpFilter byReason;
    byReason.waitReason = "chan receive";
    byReason.state = DumpState::Waiting;
    auto receiving = filterDump(s->symbols, entries, byReason);
    ASSERT_TRUE(receiving.ok());
    EXPECT_GE(receiving->size(), size_t(kLeakAfter));

    DumpFilter running;
    running.state = DumpState::Running; // the goroutine serving the dump request
    auto r = filterDump(s->symbols, entries, running);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->size(), 1u);

    DumpFilter longWait;
    longWait.minWaitMinutes = 2;
    auto old = filterDump(s->symbols, entries, longWait);
    ASSERT_TRUE(old.ok());
    for (const DumpEntry& e : *old)
        EXPECT_GE(e.waitMinutes, 2);
    EXPECT_GE(old->size(), size_t(kLeakBefore));
    EXPECT_LT(old->size(), entries.size());

    DumpFilter bad;
    bad.functionRegex = "(";
    EXPECT_FALSE(filterDump(s->symbols, entries, bad).ok());

    // The filtered subset feeds a flame graph through the same weighted stacks as profiles.
    const WeightedStacks w = dumpWeightedStacks(*leaked);
    EXPECT_EQ(w.total, kLeakAfter);
}

TEST(DumpFilter, StateNames)
{
    EXPECT_EQ(dumpStateOf("chan receive"), DumpState::Waiting);
    EXPECT_EQ(dumpStateOf("runnable"), DumpState::Runnable);
    EXPECT_EQ(dumpStateOf("idle"), DumpState::Other);
    EXPECT_EQ(parseDumpState("syscall"), DumpState::Syscall);
    EXPECT_FALSE(parseDumpState("sleeping").has_value());
}

TEST(CreationTree, WorkersHangUnderMain)
{
    StorePtr s = loadDumpFixture("panic_all.txt");
    ASSERT_TRUE(s);
    const CreationTree tree = buildCreationTree(*s->dump);
    ASSERT_EQ(tree.roots.size(), 1u);
    const CreationNode& main = tree.nodes[tree.roots[0]];
    EXPECT_EQ(main.id, 1u);
    EXPECT_EQ(main.children.size(), size_t(kCrashWorkers));
    EXPECT_EQ(main.subtreeSize, 1 + kCrashWorkers);
}

TEST(CreationTree, ExitedCreatorKeepsItsChildrenTogether)
{
    // In the leaking service the leaked goroutines were created by request handlers that have
    // returned: each handler is a node without a goroutine, with its leaked child below.
    StorePtr s = loadDumpFixture("leak_after.txt");
    ASSERT_TRUE(s);
    const CreationTree tree = buildCreationTree(*s->dump);
    int64_t inDump = 0, absent = 0;
    for (uint32_t r : tree.roots) {
        inDump += tree.nodes[r].subtreeSize;
        absent += tree.nodes[r].goroutine == CreationNode::kAbsent;
    }
    EXPECT_EQ(inDump, int64_t(s->dump->goroutines.size()));
    EXPECT_GE(absent, 1);
}

} // namespace
} // namespace gs::test
