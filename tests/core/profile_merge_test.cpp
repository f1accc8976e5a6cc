// SPDX-License-Identifier: MIT
// Merging pprof profiles as pprof merges its sources, and subtracting a base (-base, -diff_base).
#include "core/analysis/profile_merge.h"
#include "core/analysis/report_values.h"
#include "core/base/load_context.h"
#include "core/load/load_file.h"

#include <gtest/gtest.h>

namespace gs {
namespace {

StorePtr load(const std::string& name)
{
    LoadContext context;
    auto store = loadFile(GOROSCOPE_TEST_DATA_DIR "/pprof/" + name, context);
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? *store : nullptr;
}

int64_t total(const StorePtr& store, size_t type)
{
    return reportTotal(*store, type);
}

TEST(ProfileMerge, AProfileWithItselfDoublesEveryValueAndKeepsItsSamples)
{
    const StorePtr cpu = load("cpu.pb.gz");
    auto merged = mergeProfiles({cpu, cpu});
    ASSERT_TRUE(merged.ok()) << merged.error().message;
    const Profile& p = *(*merged)->profile;
    const Profile& one = *cpu->profile;
    EXPECT_EQ(p.sampleCount(), one.sampleCount());
    for (size_t t = 0; t < one.sampleTypes.size(); ++t)
        EXPECT_EQ(total(*merged, t), 2 * total(cpu, t));
    EXPECT_EQ(p.durationNs, 2 * one.durationNs);
    EXPECT_EQ(p.timeNanos, one.timeNanos);
    EXPECT_EQ(p.period, one.period);
    EXPECT_EQ(p.defaultSampleType, one.defaultSampleType);
    EXPECT_EQ(p.comments, one.comments);
    ASSERT_FALSE(p.mappings.empty());
    EXPECT_EQ(p.mappings[0].buildId, one.mappings[0].buildId);
    EXPECT_TRUE(diffBaseSamples(**merged).empty());
}

TEST(ProfileMerge, TwoProfilesOfTheSameTypesAddUp)
{
    const StorePtr block = load("block.pb.gz"), mutex = load("mutex.pb.gz");
    auto merged = mergeProfiles({block, mutex});
    ASSERT_TRUE(merged.ok()) << merged.error().message;
    for (size_t t = 0; t < 2; ++t)
        EXPECT_EQ(total(*merged, t), total(block, t) + total(mutex, t));
    EXPECT_LE((*merged)->profile->sampleCount(), block->profile->sampleCount() + mutex->profile->sampleCount());
}

TEST(ProfileMerge, SubtractingItselfLeavesNoSample)
{
    const StorePtr cpu = load("cpu.pb.gz");
    for (BaseMode mode : {BaseMode::Subtract, BaseMode::Compare}) {
        auto diff = mergeWithBase(cpu, cpu, mode);
        ASSERT_TRUE(diff.ok()) << diff.error().message;
        // With -diff_base the base's samples stay apart, so nothing cancels out.
        const Profile& p = *(*diff)->profile;
        if (mode == BaseMode::Subtract) {
            EXPECT_EQ(p.sampleCount(), 0u);
        } else {
            EXPECT_EQ(p.sampleCount(), 2 * cpu->profile->sampleCount());
            ASSERT_EQ(diffBaseSamples(**diff).size(), p.sampleCount());
            // Percentages are then of the base's total.
            EXPECT_EQ(total(*diff, 1), total(cpu, 1));
        }
    }
}

TEST(ProfileMerge, DiffBaseSamplesAreTheNegatedBase)
{
    const StorePtr block = load("block.pb.gz"), mutex = load("mutex.pb.gz");
    auto diff = mergeWithBase(block, mutex, BaseMode::Compare);
    ASSERT_TRUE(diff.ok()) << diff.error().message;
    const Profile& p = *(*diff)->profile;
    const std::vector<uint8_t> marked = diffBaseSamples(**diff);
    ASSERT_EQ(marked.size(), p.sampleCount());
    int64_t base = 0, source = 0;
    for (size_t s = 0; s < p.sampleCount(); ++s)
        (marked[s] ? base : source) += p.value(s, 1);
    EXPECT_EQ(base, -total(mutex, 1));
    EXPECT_EQ(source, total(block, 1));
    EXPECT_EQ(total(*diff, 1), total(mutex, 1));
    // pprof's mean total sums the divisor as it is: the base's counts are negative.
    EXPECT_EQ(reportTotal(**diff, 1, size_t(0)), -(total(mutex, 1) / total(mutex, 0)));
}

TEST(ProfileMerge, ProfilesWithNoCommonTypeDoNotMerge)
{
    const StorePtr cpu = load("cpu.pb.gz"), heap = load("heap.pb.gz");
    auto merged = mergeProfiles({cpu, heap});
    ASSERT_FALSE(merged.ok());
    EXPECT_NE(merged.error().message.find("heap.pb.gz: profiles have empty common sample type list"), std::string::npos)
        << merged.error().message;
    // The inputs are untouched.
    EXPECT_EQ(cpu->profile->sampleTypes.size(), 2u);
}

TEST(ProfileMerge, OnlyPprofProfilesMerge)
{
    LoadContext context;
    auto folded = loadFile(GOROSCOPE_TEST_DATA_DIR "/dumps/perf.folded", context);
    ASSERT_TRUE(folded.ok()) << folded.error().message;
    auto merged = mergeProfiles({*folded, *folded});
    ASSERT_FALSE(merged.ok());
    EXPECT_NE(merged.error().message.find("perf.folded: only pprof profiles can be merged"), std::string::npos)
        << merged.error().message;
}

} // namespace
} // namespace gs
