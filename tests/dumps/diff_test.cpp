// SPDX-License-Identifier: MIT
// The leak finder on the leaking service dumped twice (debug=2 and debug=1).
#include "core/analysis/dump_diff.h"
#include "tests/dumps/dump_fixtures.h"

namespace gs::test {
namespace {

TEST(DumpDiff, LeakingGroupGrewByWhatTheProgramLeaked)
{
    StorePtr before = loadDumpFixture("leak_before.txt");
    StorePtr after = loadDumpFixture("leak_after.txt");
    ASSERT_TRUE(before && after);
    auto diff = diffDumps(*before, *after);
    ASSERT_TRUE(diff.ok()) << diff.error().message;
    ASSERT_FALSE(diff->groups.empty());
    const DumpDiffGroup& top = diff->groups.front();
    EXPECT_EQ(top.functions.front(), "main.(*service).awaitReply");
    EXPECT_EQ(top.state, "chan receive");
    EXPECT_EQ(top.before, kLeakBefore);
    EXPECT_EQ(top.after, kLeakAfter);
    EXPECT_EQ(top.growth(), kLeakAfter - kLeakBefore);
    // The first leaked goroutines are in both dumps, a minute older in the second.
    EXPECT_EQ(top.persistent.size(), size_t(kLeakBefore));
    for (const PersistentGoroutine& p : top.persistent)
        EXPECT_GT(p.growth(), 0);
    // Nothing else grows by more than the dump request's own goroutines.
    for (size_t i = 1; i < diff->groups.size(); ++i)
        EXPECT_LT(diff->groups[i].growth(), top.growth());
    EXPECT_EQ(diff->totalAfter - diff->totalBefore, int64_t(after->dump->goroutines.size()) -
                                                        int64_t(before->dump->goroutines.size()));
}

TEST(DumpDiff, CountProfilesToo)
{
    StorePtr before = loadDumpFixture("leak_before_debug1.txt");
    StorePtr after = loadDumpFixture("leak_after_debug1.txt");
    ASSERT_TRUE(before && after);
    auto diff = diffDumps(*before, *after);
    ASSERT_TRUE(diff.ok());
    EXPECT_EQ(diff->groups.front().growth(), kLeakAfter - kLeakBefore);
    EXPECT_TRUE(diff->groups.front().persistent.empty()); // no ids in a count profile
}

TEST(DumpDiff, NewGroupsAreMarked)
{
    StorePtr a = loadDumpFixture("deadlock.txt");
    StorePtr b = loadDumpFixture("panic_all.txt");
    ASSERT_TRUE(a && b);
    auto diff = diffDumps(*a, *b);
    ASSERT_TRUE(diff.ok());
    int fresh = 0, gone = 0;
    for (const DumpDiffGroup& g : diff->groups) {
        fresh += g.isNew();
        gone += g.after == 0;
    }
    EXPECT_GT(fresh, 0);
    EXPECT_GT(gone, 0);
    EXPECT_TRUE(diff->groups.front().isNew());
}

TEST(DumpDiff, RefusesInputsThatAreNotDumps)
{
    StorePtr dump = loadDumpFixture("deadlock.txt");
    StorePtr gc = loadDumpFixture("gctrace.txt");
    ASSERT_TRUE(dump && gc);
    EXPECT_FALSE(diffDumps(*dump, *gc).ok());
    EXPECT_FALSE(diffDumps(*gc, *dump).ok());
}

} // namespace
} // namespace gs::test
