// SPDX-License-Identifier: MIT
// The per-store relation indexes against the direct scans they replace: the wake index lists
// exactly gs::wakeUpsBy for every goroutine, and the creation index is the creator fields.
#include "core/analysis/blocking_chain.h"
#include "core/analysis/goroutine_relations.h"
#include "core/load/load_file.h"
#include "tests/support/chain_fixture.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stop_token>

namespace gs {
namespace {

class GoroutineRelationsTest : public ::testing::TestWithParam<const char*>
{
protected:
    void SetUp() override
    {
        LoadContext ctx;
        auto loaded = loadFile(std::string(GOROSCOPE_TEST_DATA_DIR) + "/" + GetParam(), ctx);
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        store = *loaded;
    }
    StorePtr store;
};

TEST_P(GoroutineRelationsTest, WakeIndexIsWakeUpsByOfEveryGoroutine)
{
    const TraceData& t = *store->trace;
    const WakeIndex index = buildWakeIndex(t);
    size_t total = 0;
    for (GoroutineRow r = 0; r < t.goroutines.size(); ++r) {
        const auto listed = index.wakeUpsBy(r);
        std::vector<uint32_t> expected;
        for (const WakeUp& w : wakeUpsBy(t, t.goroutines[r].id)) {
            EXPECT_EQ(t.spans.rowOfSpan(w.span), w.row);
            expected.push_back(w.span);
        }
        // Same wake-ups; the index breaks ties of time by span.
        EXPECT_TRUE(std::ranges::is_sorted(listed, {}, [&](uint32_t s) { return t.spans.startOf(s); }));
        std::vector<uint32_t> got(listed.begin(), listed.end());
        std::ranges::sort(got);
        std::ranges::sort(expected);
        EXPECT_EQ(got, expected) << "G" << t.goroutines[r].id;
        total += got.size();
    }
    EXPECT_GT(total, 0u);
}

TEST_P(GoroutineRelationsTest, CreationIndexIsTheCreatorFields)
{
    const TraceData& t = *store->trace;
    const CreationIndex index = buildCreationIndex(t);
    size_t listed = index.roots.size();
    for (GoroutineRow r = 0; r < t.goroutines.size(); ++r) {
        const GoroutineRow creator = index.creator[r];
        const auto siblings = creator == kNoRow ? std::span<const GoroutineRow>(index.roots) : index.childrenOf(creator);
        ASSERT_LT(index.position[r], siblings.size());
        EXPECT_EQ(siblings[index.position[r]], r);
        if (creator != kNoRow) {
            EXPECT_EQ(t.goroutines[creator].id, t.goroutines[r].creatorId);
        }
        size_t below = 1;
        for (GoroutineRow c : index.childrenOf(r)) {
            EXPECT_GE(t.goroutines[c].createdNs, t.goroutines[r].createdNs);
            below += index.subtree[c];
        }
        EXPECT_EQ(index.subtree[r], below);
        listed += index.childrenOf(r).size();
    }
    EXPECT_EQ(listed, t.goroutines.size());
    EXPECT_LT(index.roots.size(), t.goroutines.size());
}

TEST(GoroutineRelations, AStoppedWakeIndexIsEmpty)
{
    const StorePtr store = test::loadChainTrace("go126_chain");
    ASSERT_TRUE(store);
    std::stop_source stop;
    stop.request_stop();
    EXPECT_TRUE(buildWakeIndex(*store->trace, stop.get_token()).spans.empty());
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoroutineRelationsTest,
                         ::testing::Values("chain/go126_chain.trace", "chain/go119_chain.trace", "trace/go126_sched.trace"));

} // namespace
} // namespace gs
