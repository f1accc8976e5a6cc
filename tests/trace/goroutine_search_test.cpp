// SPDX-License-Identifier: MIT
#include "core/analysis/goroutine_search.h"
#include "tests/support/synthetic_trace.h"

#include <gtest/gtest.h>

using namespace gs;
using gs::fixtures::SyntheticSpan;
using gs::fixtures::SyntheticTraceBuilder;

namespace {

class GoroutineSearchTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        SyntheticTraceBuilder b(0, 1000);
        const SyntheticSpan run[] = {{0, 100, SpanState::Running, {}}};
        // Rows in this order; IDs out of order, so ID order differs from row order.
        b.addGoroutine(40, "net/http.(*conn).serve", run);
        b.addGoroutine(7, "main.main", run);
        b.addGoroutine(12, "net/http.(*persistConn).readLoop", run);
        b.addGoroutine(30, "net/http.(*conn).serve", run);
        store = b.finish();
    }
    int64_t idOf(GoroutineRow row) const { return row == kNoRow ? -1 : store->trace->goroutines.idOf(row); }
    std::shared_ptr<EventStore> store;
};

} // namespace

TEST_F(GoroutineSearchTest, AnIdInAnyOfItsSpellingsIsThatGoroutine)
{
    for (const char* query : {"12", "G12", "g12", "  12 "}) {
        const GoroutineSearchHit hit = searchGoroutine(*store, query);
        EXPECT_EQ(idOf(hit.row), 12) << query;
        EXPECT_EQ(hit.matches, 1u) << query;
    }
    EXPECT_EQ(searchGoroutine(*store, "13").row, kNoRow) << "no goroutine 13";
    EXPECT_EQ(searchGoroutine(*store, "").row, kNoRow);
}

TEST_F(GoroutineSearchTest, TextStepsThroughMatchingStartFunctionsInIdOrder)
{
    // "conn" is in three start functions: G12 (persistConn), G30 and G40 (conn), in ID order.
    GoroutineSearchHit hit = searchGoroutine(*store, "CONN");
    EXPECT_EQ(hit.matches, 3u);
    EXPECT_EQ(idOf(hit.row), 12);
    hit = searchGoroutine(*store, "conn", hit.row);
    EXPECT_EQ(idOf(hit.row), 30);
    hit = searchGoroutine(*store, "conn", hit.row);
    EXPECT_EQ(idOf(hit.row), 40);
    hit = searchGoroutine(*store, "conn", hit.row);
    EXPECT_EQ(idOf(hit.row), 12) << "wraps around";
    EXPECT_EQ(idOf(searchGoroutine(*store, "main.main").row), 7);
    EXPECT_EQ(searchGoroutine(*store, "nowhere").matches, 0u);
}
