// SPDX-License-Identifier: MIT
// Tick conversion must give Go's float64 product to the nanosecond whichever way it is computed,
// the run of known IDs that lets the tokenizer skip lookups must end at the first gap, and an ID
// table must find every ID wherever it was put.
#include "core/formats/gotrace/generation_tables.h"
#include "core/formats/gotrace/id_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

namespace {

using gs::gotrace::GenerationTables;
using gs::gotrace::IdTable;

// Go's parser: float64(ticks) * nsPerTick, truncated to int64.
int64_t floatProduct(uint64_t ticks, double nsPerTick)
{
    return int64_t(std::trunc(double(ticks) * nsPerTick));
}

TEST(GenerationTables, WholeNanosecondTicksConvertExactlyUpToAndPastTheIntegerLimit)
{
    GenerationTables t;
    t.setNsPerTick(1.0 / (double(15625000) / 1e9)); // 64 ns, Linux's trace clock
    ASSERT_EQ(t.nsPerTick(), 64.0);
    const uint64_t limit = (uint64_t(1) << 53) / 64;
    for (uint64_t ticks : {uint64_t(0), uint64_t(1), uint64_t(12345), limit - 1, limit, limit + 1, uint64_t(1) << 56})
        EXPECT_EQ(t.toNs(ticks), floatProduct(ticks, 64.0)) << ticks;
    EXPECT_EQ(t.toNs(uint64_t(1) << 62), INT64_MIN); // out of range, as on amd64
}

TEST(GenerationTables, FractionalTicksUseTheFloatProduct)
{
    GenerationTables t;
    t.setNsPerTick(1.0 / (double(2'500'000'000) / 1e9)); // 0.4 ns: a 2.5 GHz cycle counter
    for (uint64_t ticks : {uint64_t(1), uint64_t(3), uint64_t(987654321), uint64_t(1) << 40})
        EXPECT_EQ(t.toNs(ticks), floatProduct(ticks, t.nsPerTick())) << ticks;
}

TEST(IdTable, PresentFromOneToEndsBeforeTheFirstMissingId)
{
    IdTable<int> table;
    EXPECT_EQ(table.presentFromOneTo(), 0u);
    for (uint64_t id : {1, 2, 3, 5})
        table.insert(id, 0);
    EXPECT_EQ(table.presentFromOneTo(), 3u);
    table.insert(4, 0);
    EXPECT_EQ(table.presentFromOneTo(), 5u);
    table.erase(2);
    EXPECT_EQ(table.presentFromOneTo(), 1u);
}

// A server's goroutine IDs: most goroutines have exited, so a new ID lands far beyond the live
// count (in the hash map); once the count rises again the vector grows past it. Every ID must
// still be found, refused twice and erased once (the ordering lost such goroutines before).
TEST(IdTable, FindsAnIdLeftInTheMapAfterTheVectorGrowsPastIt)
{
    IdTable<int> table;
    ASSERT_TRUE(table.insert(1, 1));
    const uint64_t far = 5000; // beyond 2 * count + slack
    ASSERT_TRUE(table.insert(far, 2));
    for (uint64_t id = 2; id < 2000; ++id)
        ASSERT_TRUE(table.insert(id, 0));
    ASSERT_TRUE(table.insert(far + 100, 3)); // within the vector's reach now: it grows past `far`
    ASSERT_NE(table.find(far), nullptr);
    EXPECT_EQ(*table.find(far), 2);
    EXPECT_EQ(*table.find(far + 100), 3);
    EXPECT_FALSE(table.insert(far, 4));
    EXPECT_EQ(*table.find(far), 2);
    EXPECT_EQ(table.size(), 2001u);
    EXPECT_TRUE(table.erase(far));
    EXPECT_EQ(table.find(far), nullptr);
    EXPECT_FALSE(table.erase(far));
    EXPECT_EQ(table.size(), 2000u);
}

} // namespace
