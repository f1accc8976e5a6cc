// SPDX-License-Identifier: MIT
#include "core/analysis/flame_tree.h"
#include "core/analysis/stack_selection.h"
#include "tests/widgets/test_profiles.h"
#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/flamegraph/flame_paths.h"
#include "widgets/flamegraph/flame_layout.h"
#include "widgets/flamegraph/flame_search.h"

#include <gtest/gtest.h>

#include <QTest>

#include <numeric>

namespace gs::ui {
namespace {

// Builds trees from a hand-made store and finds nodes by root-first name paths.
class FlameLayoutTest : public ::testing::Test
{
protected:
    void use(StorePtr s, FlameOptions options = {})
    {
        store = std::move(s);
        auto stacks = selectProfileStacks(*store, 0, {});
        ASSERT_TRUE(stacks.ok());
        tree = std::make_shared<FlameTree>(FlameTree::build(store->symbols, *stacks, options));
    }
    uint32_t node(const std::vector<std::string>& path) const
    {
        const std::optional<uint32_t> n = findPath(*tree, store->symbols, path);
        EXPECT_TRUE(n.has_value()) << "no frame path ending in " << path.back();
        return n.value_or(0);
    }
    const FlameRect& rectOf(const FlameLayout& layout, uint32_t n) const
    {
        const int i = layout.indexOfNode(n);
        EXPECT_GE(i, 0);
        return layout.rects()[size_t(std::max(i, 0))];
    }

    StorePtr store;
    std::shared_ptr<FlameTree> tree;
};

TEST_F(FlameLayoutTest, FrameWidthIsProportionalToItsTotal)
{
    use(test::smallCpuProfile());
    const FlameLayout layout = FlameLayout::compute(*tree, 0, 1000);
    const FlameRect& main = rectOf(layout, node({"main.main"}));
    // Children are sorted by name, so main.main (900 of 1000) comes before runtime.gcBgMarkWorker.
    EXPECT_DOUBLE_EQ(main.x0, 0.0);
    EXPECT_DOUBLE_EQ(main.x1, 0.9);
    EXPECT_EQ(main.depth, 1u);
    const FlameRect& work = rectOf(layout, node({"main.main", "compute.work"}));
    EXPECT_DOUBLE_EQ(work.x0, 0.0);
    EXPECT_DOUBLE_EQ(work.x1, 0.5);
    const FlameRect& serve = rectOf(layout, node({"main.main", "net/http.(*conn).serve"}));
    EXPECT_DOUBLE_EQ(serve.x0, 0.5);
    EXPECT_DOUBLE_EQ(serve.x1, 0.8);
    const FlameRect& gc = rectOf(layout, node({"runtime.gcBgMarkWorker"}));
    EXPECT_DOUBLE_EQ(gc.x0, 0.9);
    EXPECT_DOUBLE_EQ(gc.x1, 1.0);
    EXPECT_EQ(layout.rowCount(), 4u);
}

TEST_F(FlameLayoutTest, NarrowFramesAreMergedButTotalsKept)
{
    test::ProfileBuilder b;
    b.sample({"main.main", "big.work"}, {10000});
    for (int i = 0; i < 40; ++i)
        b.sample({"main.main", "tiny.f" + std::to_string(i)}, {5});
    use(b.build());
    // 5 of 10200 at 400 px is 0.2 px: every tiny frame is merged.
    const FlameLayout layout = FlameLayout::compute(*tree, 0, 400);
    const uint32_t main = node({"main.main"});
    const auto row = layout.row(2);
    ASSERT_EQ(row.size(), 2u);
    EXPECT_EQ(row[0].node, node({"main.main", "big.work"}));
    EXPECT_TRUE(row[1].isMerged());
    EXPECT_EQ(row[1].node, main);
    EXPECT_EQ(row[1].mergedCount, 40u);
    EXPECT_EQ(row[1].mergedTotal, 200);
    // Nothing is dropped: the row still spans the whole parent.
    EXPECT_DOUBLE_EQ(row[1].x1, rectOf(layout, main).x1);
    // At 100 000 px every frame is wide enough to be drawn on its own.
    const FlameLayout wide = FlameLayout::compute(*tree, 0, 100000);
    EXPECT_EQ(wide.row(2).size(), 41u);
}

TEST_F(FlameLayoutTest, LayoutSizeIsBoundedByPixelsNotTreeSize)
{
    // 20 000 distinct two-frame stacks: 40 001 nodes, nearly all far below a pixel at 1000 px.
    test::ProfileBuilder b;
    for (int i = 0; i < 20000; ++i)
        b.sample({"main.main", "pkg.f" + std::to_string(i), "pkg.leaf"}, {1 + i % 7});
    use(b.build());
    ASSERT_GT(tree->size(), 40000u);
    const FlameLayout layout = FlameLayout::compute(*tree, 0, 1000);
    EXPECT_LT(layout.rects().size(), 10u);
    // The merged block carries every child's weight.
    const FlameRect merged = layout.row(2).back();
    ASSERT_TRUE(merged.isMerged());
    EXPECT_EQ(merged.mergedCount, 20000u);
    EXPECT_EQ(merged.mergedTotal, tree->node(0).total);
}

TEST_F(FlameLayoutTest, ZoomReRootsTheLayout)
{
    use(test::smallCpuProfile());
    const uint32_t serve = node({"main.main", "net/http.(*conn).serve"});
    const FlameLayout layout = FlameLayout::compute(*tree, serve, 600);
    ASSERT_FALSE(layout.rects().empty());
    EXPECT_EQ(layout.root(), serve);
    EXPECT_EQ(layout.rects()[0].node, serve);
    EXPECT_DOUBLE_EQ(layout.rects()[0].x1, 1.0);
    const FlameRect& marshal = rectOf(layout, node({"main.main", "net/http.(*conn).serve", "encoding/json.Marshal"}));
    EXPECT_EQ(marshal.depth, 1u);
    EXPECT_DOUBLE_EQ(marshal.x1 - marshal.x0, 1.0);
    EXPECT_EQ(layout.rowCount(), 2u);
    EXPECT_EQ(subtreeDepth(*tree, serve), 1u);
}

TEST_F(FlameLayoutTest, HitTestFindsTheFrameUnderAFraction)
{
    use(test::smallCpuProfile());
    const FlameLayout layout = FlameLayout::compute(*tree, 0, 1000);
    const int hit = layout.hitTest(2, 0.65);
    ASSERT_GE(hit, 0);
    EXPECT_EQ(layout.rects()[size_t(hit)].node, node({"main.main", "net/http.(*conn).serve"}));
    EXPECT_EQ(layout.hitTest(2, 0.95), -1); // runtime.gcBgMarkWorker has no children
    EXPECT_EQ(layout.hitTest(9, 0.5), -1);
}

TEST_F(FlameLayoutTest, SearchShareCountsNestedMatchesOnce)
{
    use(test::ProfileBuilder()
            .sample({"main.main", "pkg.Encode", "pkg.encodeValue", "pkg.Encode"}, {40})
            .sample({"main.main", "other.F"}, {50})
            .sample({"worker.run", "pkg.Encode"}, {10})
            .build());
    auto mask = matchFunctions(store->symbols, "pkg\\.Encode$");
    ASSERT_TRUE(mask.ok());
    const FlameSearchResult all = searchFlame(*tree, *mask, 0);
    EXPECT_EQ(all.matchedTotal, 50); // 40 (recursion counted once) + 10
    const uint32_t outer = node({"main.main", "pkg.Encode"});
    EXPECT_TRUE(all.nodeMatches[outer]);
    EXPECT_FALSE(all.nodeMatches[node({"main.main", "other.F"})]);
    // Zoomed into main.main, only its 40 matched of its 90.
    const FlameSearchResult zoomed = searchFlame(*tree, *mask, node({"main.main"}));
    EXPECT_EQ(zoomed.matchedTotal, 40);
}

TEST_F(FlameLayoutTest, ViewZoomHistoryAndKeys)
{
    use(test::smallCpuProfile());
    FlameGraphView view;
    view.resize(800, 300);
    view.setData({std::shared_ptr<const Symbols>(store, &store->symbols), tree, "nanoseconds"});
    const uint32_t main = node({"main.main"});
    const uint32_t serve = node({"main.main", "net/http.(*conn).serve"});
    view.zoomTo(main);
    view.zoomTo(serve);
    EXPECT_EQ(view.zoomRoot(), serve);
    EXPECT_EQ(view.zoomTotal(), 300);
    QTest::keyClick(&view, Qt::Key_Escape);
    EXPECT_EQ(view.zoomRoot(), main);
    QTest::keyClick(&view, Qt::Key_Backspace);
    EXPECT_EQ(view.zoomRoot(), 0u);
    EXPECT_FALSE(view.canZoomBack());

    // A new tree with the same call path keeps the zoom (a filter change does this).
    view.zoomTo(serve);
    view.setData({std::shared_ptr<const Symbols>(store, &store->symbols), tree, "nanoseconds"});
    EXPECT_EQ(view.zoomRoot(), serve);

    // Search share is relative to the zoom root and follows zoom changes.
    EXPECT_TRUE(view.setSearch(QStringLiteral("json")).isEmpty());
    EXPECT_EQ(view.searchMatchedTotal(), 300);
    view.resetZoom();
    EXPECT_EQ(view.searchMatchedTotal(), 300);
    EXPECT_EQ(view.zoomTotal(), 1000);
    EXPECT_FALSE(view.setSearch(QStringLiteral("(unclosed")).isEmpty());
    EXPECT_FALSE(view.hasSearch());
}

TEST_F(FlameLayoutTest, ClickingAFrameZoomsAndReportsItsFunction)
{
    use(test::smallCpuProfile());
    FlameGraphView view;
    view.resize(800, 300);
    view.setData({std::shared_ptr<const Symbols>(store, &store->symbols), tree, "nanoseconds"});
    std::optional<FunctionId> clicked;
    QObject::connect(&view, &FlameGraphView::functionClicked, [&clicked](FunctionId f) { clicked = f; });
    const uint32_t work = node({"main.main", "compute.work"});
    const QRect box = view.frameRect(work);
    ASSERT_FALSE(box.isEmpty());
    QTest::mouseClick(&view, Qt::LeftButton, {}, box.center());
    ASSERT_TRUE(clicked.has_value());
    EXPECT_EQ(store->symbols.functionName(*clicked), "compute.work");
    EXPECT_EQ(view.zoomRoot(), work);
}

} // namespace
} // namespace gs::ui
