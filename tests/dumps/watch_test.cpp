// SPDX-License-Identifier: MIT
// The leak watch: groups followed through several dumps of the leaking service.
#include "core/analysis/dump_watch.h"
#include "tests/dumps/dump_fixtures.h"

#include <array>

namespace gs::test {
namespace {

const WatchedGroup* findGroup(const std::vector<WatchedGroup>& groups, const std::string& innermost,
                              const std::string& state)
{
    for (const WatchedGroup& g : groups) {
        if (!g.functions.empty() && g.functions.front() == innermost && g.state == state)
            return &g;
    }
    return nullptr;
}

TEST(DumpWatch, LeakingGroupComesFirstWithOneCountPerSnapshot)
{
    const std::array<StorePtr, 3> snapshots = {loadDumpFixture("leak_before.txt"), loadDumpFixture("leak_after.txt"),
                                               loadDumpFixture("leak_after.txt")};
    auto groups = watchDumps(snapshots);
    ASSERT_TRUE(groups.ok()) << groups.error().message;
    ASSERT_FALSE(groups->empty());
    const WatchedGroup& top = groups->front();
    EXPECT_EQ(top.functions.front(), "main.(*service).awaitReply");
    EXPECT_EQ(top.state, "chan receive");
    EXPECT_EQ(top.counts, (std::vector<int64_t> {kLeakBefore, kLeakAfter, kLeakAfter}));
    EXPECT_EQ(top.growth(), kLeakAfter - kLeakBefore);
    EXPECT_EQ(top.risingSteps(), 1);
    // Every goroutine of every snapshot is counted once.
    for (size_t s = 0; s < snapshots.size(); ++s) {
        int64_t total = 0;
        for (const WatchedGroup& g : *groups)
            total += g.counts[s];
        EXPECT_EQ(total, int64_t(snapshots[s]->dump->goroutines.size())) << "snapshot " << s;
    }
    for (size_t i = 1; i < groups->size(); ++i)
        EXPECT_LE((*groups)[i].growth(), (*groups)[i - 1].growth());
}

TEST(DumpWatch, AGroupAbsentFromASnapshotCountsZeroThere)
{
    // The leak shrinks and comes back: the group is in the first and last snapshot only.
    const std::array<StorePtr, 3> snapshots
        = {loadDumpFixture("leak_before.txt"), loadDumpFixture("deadlock.txt"), loadDumpFixture("leak_after.txt")};
    auto groups = watchDumps(snapshots);
    ASSERT_TRUE(groups.ok()) << groups.error().message;
    const WatchedGroup* leak = findGroup(*groups, "main.(*service).awaitReply", "chan receive");
    ASSERT_NE(leak, nullptr);
    EXPECT_EQ(leak->counts, (std::vector<int64_t> {kLeakBefore, 0, kLeakAfter}));
    EXPECT_EQ(leak->risingSteps(), 1);
    EXPECT_EQ(&groups->front(), leak);
    // The deadlock's groups appear and vanish: no growth, behind the leak.
    for (const WatchedGroup& g : *groups) {
        if (g.counts[0] == 0 && g.counts[2] == 0) {
            EXPECT_GT(g.counts[1], 0);
            EXPECT_EQ(g.growth(), 0);
        }
    }
}

TEST(DumpWatch, CountProfilesToo)
{
    const std::array<StorePtr, 2> snapshots
        = {loadDumpFixture("leak_before_debug1.txt"), loadDumpFixture("leak_after_debug1.txt")};
    auto groups = watchDumps(snapshots);
    ASSERT_TRUE(groups.ok());
    EXPECT_EQ(groups->front().counts, (std::vector<int64_t> {kLeakBefore, kLeakAfter}));
    EXPECT_EQ(groups->front().state, "");
}

TEST(DumpWatch, ASnapshotThatIsNoDumpIsNamed)
{
    LoadContext context;
    auto profile = loadFile(std::string(GOROSCOPE_TEST_DATA_DIR) + "/pprof/cpu.pb.gz", context);
    ASSERT_TRUE(profile.ok()) << profile.error().message;
    const std::array<StorePtr, 2> snapshots = {loadDumpFixture("leak_before.txt"), *profile};
    auto groups = watchDumps(snapshots);
    ASSERT_FALSE(groups.ok());
    EXPECT_NE(groups.error().message.find("snapshot 2"), std::string::npos) << groups.error().message;
    EXPECT_NE(groups.error().message.find("cpu.pb.gz"), std::string::npos) << groups.error().message;
}

} // namespace
} // namespace gs::test
