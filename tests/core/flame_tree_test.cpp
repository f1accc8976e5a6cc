// SPDX-License-Identifier: MIT
#include "core/analysis/flame_tree.h"
#include "core/analysis/top_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gs {
namespace {

// Builds stacks from root-first function name lists, e.g. {"main", "f", "g"}.
class FlameTreeTest : public ::testing::Test
{
protected:
    StackId stack(std::vector<std::string> rootFirst)
    {
        std::vector<FrameId> leafFirst;
        for (auto it = rootFirst.rbegin(); it != rootFirst.rend(); ++it)
            leafFirst.push_back(symbols.internFrame(symbols.internFunction(*it, "x.go"), 1));
        return symbols.stacks.intern(leafFirst);
    }
    void add(WeightedStacks& ws, std::vector<std::string> rootFirst, int64_t v)
    {
        ws.stacks.push_back(StackWeight {stack(std::move(rootFirst)), v});
        ws.total += v;
    }
    std::string name(const FlameTree& t, uint32_t n) { return std::string(symbols.functionName(t.node(n).function)); }
    // Finds the child of `parent` named `fn`; fails the test if absent.
    uint32_t child(const FlameTree& t, uint32_t parent, const std::string& fn)
    {
        const auto& p = t.node(parent);
        for (uint32_t i = p.firstChild; i < p.firstChild + p.childCount; ++i) {
            if (name(t, i) == fn)
                return i;
        }
        ADD_FAILURE() << "no child " << fn << " under node " << parent;
        return 0;
    }

    Symbols symbols;
};

TEST_F(FlameTreeTest, TopDownAggregatesPathsAndSortsChildren)
{
    WeightedStacks ws;
    add(ws, {"main", "b", "leaf"}, 3);
    add(ws, {"main", "a"}, 5);
    add(ws, {"main", "b"}, 2);
    const FlameTree t = FlameTree::build(symbols, ws, {});
    EXPECT_EQ(t.node(0).total, 10);
    const uint32_t main = child(t, 0, "main");
    EXPECT_EQ(t.node(main).total, 10);
    EXPECT_EQ(t.node(main).self, 0);
    ASSERT_EQ(t.node(main).childCount, 2u);
    EXPECT_EQ(name(t, t.node(main).firstChild), "a"); // sorted by name
    const uint32_t b = child(t, main, "b");
    EXPECT_EQ(t.node(b).total, 5);
    EXPECT_EQ(t.node(b).self, 2);
    EXPECT_EQ(t.node(child(t, b, "leaf")).self, 3);
    EXPECT_EQ(t.maxDepth(), 3u);
}

TEST_F(FlameTreeTest, BottomUpRootsAtLeaves)
{
    WeightedStacks ws;
    add(ws, {"main", "a", "leaf"}, 3);
    add(ws, {"main", "b", "leaf"}, 4);
    const FlameTree t = FlameTree::build(symbols, ws, {FlameDirection::BottomUp, std::nullopt});
    const uint32_t leaf = child(t, 0, "leaf");
    EXPECT_EQ(t.node(leaf).total, 7);
    EXPECT_EQ(t.node(child(t, leaf, "a")).total, 3);
    EXPECT_EQ(t.node(child(t, leaf, "b")).total, 4);
}

TEST_F(FlameTreeTest, SandwichCallersAndCallees)
{
    WeightedStacks ws;
    add(ws, {"main", "x", "f", "g"}, 3);
    add(ws, {"main", "y", "f"}, 4);
    add(ws, {"main", "z"}, 100);
    const FunctionId f = symbols.internFunction("f", "x.go");
    const FlameTree callees = FlameTree::build(symbols, ws, {FlameDirection::TopDown, f});
    const uint32_t fNode = child(callees, 0, "f");
    EXPECT_EQ(callees.node(fNode).total, 7);
    EXPECT_EQ(callees.node(fNode).self, 4);
    EXPECT_EQ(callees.node(child(callees, fNode, "g")).total, 3);
    const FlameTree callers = FlameTree::build(symbols, ws, {FlameDirection::BottomUp, f});
    const uint32_t fUp = child(callers, 0, "f");
    EXPECT_EQ(callers.node(child(callers, fUp, "x")).total, 3);
    EXPECT_EQ(callers.node(child(callers, fUp, "y")).total, 4);
}

TEST_F(FlameTreeTest, RecursionCountsOnceInTopCumulative)
{
    WeightedStacks ws;
    add(ws, {"main", "r", "r", "r"}, 6);
    add(ws, {"main", "q"}, 4);
    const auto rows = computeTop(symbols, ws, TopOrder::Flat);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(symbols.functionName(rows[0].function), "r");
    EXPECT_EQ(rows[0].flat, 6);
    EXPECT_EQ(rows[0].cum, 6);
    EXPECT_EQ(symbols.functionName(rows[1].function), "q");
    EXPECT_EQ(symbols.functionName(rows[2].function), "main");
    EXPECT_EQ(rows[2].flat, 0);
    EXPECT_EQ(rows[2].cum, 10);
}

TEST_F(FlameTreeTest, HiddenFramesMoveFlatToTheCaller)
{
    WeightedStacks ws;
    add(ws, {"main", "work", "runtime.memmove"}, 5);
    ws.hiddenFunctions.assign(symbols.functions.size(), 0);
    ws.hiddenFunctions[symbols.internFunction("runtime.memmove", "x.go")] = 1;
    const auto rows = computeTop(symbols, ws, TopOrder::Flat);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(symbols.functionName(rows[0].function), "work");
    EXPECT_EQ(rows[0].flat, 5);
}

TEST_F(FlameTreeTest, DiffKeepsBaseValuesOnSamePaths)
{
    WeightedStacks now, before;
    add(now, {"main", "grew"}, 10);
    add(before, {"main", "grew"}, 4);
    add(before, {"main", "gone"}, 3);
    const FlameTree t = FlameTree::build(symbols, now, {}, &before);
    EXPECT_TRUE(t.isDiff());
    const uint32_t main = child(t, 0, "main");
    const uint32_t grew = child(t, main, "grew");
    EXPECT_EQ(t.node(grew).total, 10);
    EXPECT_EQ(t.node(grew).baseTotal, 4);
    const uint32_t gone = child(t, main, "gone");
    EXPECT_EQ(t.node(gone).total, 0);
    EXPECT_EQ(t.node(gone).baseTotal, 3);
    const auto rows = computeTop(symbols, now, TopOrder::Flat, &before);
    EXPECT_EQ(symbols.functionName(rows[0].function), "grew");
    EXPECT_EQ(rows[0].flat, 6);
}

} // namespace
} // namespace gs
