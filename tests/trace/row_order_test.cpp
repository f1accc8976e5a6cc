// SPDX-License-Identifier: MIT
// rowsByKey against a plain sort by (key, goroutine ID): keys of every spread (the packed sort and
// the fallback for keys too far apart to share a word with the rank), both directions, with and
// without rows left out.
#include "core/analysis/row_order.h"
#include "tests/support/synthetic_trace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace gs {
namespace {

// A trace of `n` goroutines added in an order unrelated to their IDs, so that rows, ranks and
// IDs all differ.
std::shared_ptr<EventStore> shuffledGoroutines(size_t n, std::mt19937_64& random)
{
    std::vector<int64_t> ids(n);
    for (size_t i = 0; i < n; ++i)
        ids[i] = int64_t(3 * i + 1);
    std::shuffle(ids.begin(), ids.end(), random);
    fixtures::SyntheticTraceBuilder builder(0, 1'000);
    for (int64_t id : ids)
        builder.addGoroutine(id, "main.worker", {});
    return builder.finish();
}

std::vector<GoroutineRow> expectedOrder(const TraceData& t, const std::vector<int64_t>& keyOfRow, bool descending,
                                        const std::vector<bool>& kept)
{
    std::vector<GoroutineRow> rows;
    for (GoroutineRow r = 0; r < t.goroutines.size(); ++r) {
        if (kept[r])
            rows.push_back(r);
    }
    std::sort(rows.begin(), rows.end(), [&](GoroutineRow a, GoroutineRow b) {
        if (keyOfRow[a] != keyOfRow[b])
            return descending ? keyOfRow[a] > keyOfRow[b] : keyOfRow[a] < keyOfRow[b];
        return t.goroutines.idOf(a) < t.goroutines.idOf(b);
    });
    return rows;
}

void expectOrderedLikeASort(const std::vector<int64_t>& keyOfRow, const TraceData& t, std::mt19937_64& random)
{
    const size_t n = t.goroutines.size();
    std::vector<bool> all(n, true), some(n);
    for (size_t r = 0; r < n; ++r)
        some[r] = random() % 3 != 0;
    for (const std::vector<bool>* kept : {&all, &some}) {
        for (const bool descending : {false, true}) {
            const auto rows = rowsByKey(
                t, [&](GoroutineRow r) { return keyOfRow[r]; }, descending, [&](GoroutineRow r) { return (*kept)[r]; });
            EXPECT_EQ(rows, expectedOrder(t, keyOfRow, descending, *kept))
                << (descending ? "descending" : "ascending") << (kept == &all ? ", all rows" : ", some rows");
        }
    }
}

TEST(RowOrder, KeysOfATracesSpreadSortPacked)
{
    std::mt19937_64 random(5);
    const auto store = shuffledGoroutines(20'000, random);
    std::vector<int64_t> keys(store->trace->goroutines.size());
    for (int64_t& k : keys)
        k = int64_t(random() % 100'000'000'000) - 1'000; // durations of a long trace, a few negative
    for (size_t i = 0; i < keys.size(); i += 5)
        keys[i] = keys[i / 5]; // ties
    expectOrderedLikeASort(keys, *store->trace, random);
}

TEST(RowOrder, KeysTooFarApartForOneWordSortStably)
{
    std::mt19937_64 random(6);
    const auto store = shuffledGoroutines(5'000, random);
    std::vector<int64_t> keys(store->trace->goroutines.size());
    for (int64_t& k : keys)
        k = int64_t(random()); // the whole int64 range
    keys[0] = INT64_MIN;
    keys[1] = INT64_MAX;
    for (size_t i = 2; i < keys.size(); i += 4)
        keys[i] = keys[i / 4];
    expectOrderedLikeASort(keys, *store->trace, random);
}

TEST(RowOrder, NoRowsKept)
{
    std::mt19937_64 random(7);
    const auto store = shuffledGoroutines(10, random);
    EXPECT_TRUE(rowsByKey(*store->trace, [](GoroutineRow) { return 0; }, false, [](GoroutineRow) { return false; }).empty());
}

} // namespace
} // namespace gs
