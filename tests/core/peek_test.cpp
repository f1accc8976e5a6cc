// SPDX-License-Identifier: MIT
// pprof's peek ordering and the edge difference a diff's peek uses, on edges made by hand (the
// stack walk that makes them is checked against `go tool pprof -peek` in the CLI's reference test).
#include "core/analysis/peek.h"

#include <gtest/gtest.h>

namespace gs {
namespace {

TEST(Peek, ListsTheCallersAndCalleesOfMatchedFunctionsInPprofOrder)
{
    Symbols symbols;
    const FunctionId mainF = symbols.addFunction("main.main", "main.go");
    const FunctionId a = symbols.addFunction("pkg.a", "a.go");
    const FunctionId b = symbols.addFunction("pkg.b", "b.go");
    const FunctionId leaf = symbols.addFunction("", "leaf.go");
    const std::vector<TopRow> rows = {{leaf, 60, 60}, {a, 0, 50}, {b, 0, 50}, {mainF, 0, 100}};
    // Sorted by caller, then callee, as computeCallEdges returns them.
    const std::vector<CallEdge> edges = {{mainF, a, 50, false}, {mainF, b, 50, true}, {a, leaf, 30, false},
                                         {b, leaf, 30, false}};
    std::vector<uint8_t> matched(symbols.functions.size(), 0);
    matched[leaf] = matched[mainF] = 1;
    const std::vector<PeekEntry> entries = computePeek(symbols, rows, edges, matched);
    ASSERT_EQ(entries.size(), 2u);
    // In the order of the rows.
    EXPECT_EQ(entries[0].row.function, leaf);
    ASSERT_EQ(entries[0].callers.size(), 2u);
    EXPECT_EQ(entries[0].callers[0].caller, a); // a tie on weight: by the caller's name
    EXPECT_EQ(entries[0].callers[1].caller, b);
    EXPECT_TRUE(entries[0].callees.empty());
    EXPECT_EQ(entries[1].row.function, mainF);
    EXPECT_TRUE(entries[1].callers.empty());
    ASSERT_EQ(entries[1].callees.size(), 2u);
    EXPECT_EQ(entries[1].callees[0].callee, a);
    EXPECT_TRUE(entries[1].callees[1].inlined);
    EXPECT_EQ(printableFunctionName(symbols, leaf), "<unknown>");
}

TEST(Peek, SubtractsTheBaseEdgesPairByPair)
{
    const std::vector<CallEdge> current = {{0, 1, 50, true}, {0, 2, 40, true}, {1, 3, 10, false}};
    const std::vector<CallEdge> base = {{0, 1, 20, false}, {0, 2, 40, true}, {2, 3, 5, true}};
    const std::vector<CallEdge> diff = subtractCallEdges(current, base);
    ASSERT_EQ(diff.size(), 3u); // 0->2 cancels out
    EXPECT_EQ(diff[0].weight, 30);
    EXPECT_FALSE(diff[0].inlined); // inlined only where inlined on both sides
    EXPECT_EQ(diff[1].caller, 1u);
    EXPECT_EQ(diff[1].weight, 10);
    EXPECT_EQ(diff[2].caller, 2u);
    EXPECT_EQ(diff[2].weight, -5);
}

} // namespace
} // namespace gs
