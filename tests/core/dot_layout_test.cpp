// SPDX-License-Identifier: MIT
#include "core/layout/dot_layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <future>
#include <limits>

namespace gs {
namespace {

DotGraphInput chain()
{
    // main -> a -> b, main -> b: b must sit below a, which sits below main.
    DotGraphInput g;
    g.nodes = {{120, 40}, {80, 30}, {60, 30}};
    g.edges = {{0, 1, 10, 40, 14}, {1, 2, 5, 40, 14}, {0, 2, 1, 0, 0}};
    return g;
}

bool inside(const LayoutPoint& p, const DotLayout::Node& n, double slack)
{
    return std::abs(p.x - n.centre.x) <= n.width / 2 + slack && std::abs(p.y - n.centre.y) <= n.height / 2 + slack;
}

// Distance from a point to the border of a node's box (0 on it).
double toBorder(const LayoutPoint& p, const DotLayout::Node& n)
{
    const double dx = std::abs(p.x - n.centre.x) - n.width / 2;
    const double dy = std::abs(p.y - n.centre.y) - n.height / 2;
    if (dx <= 0 && dy <= 0)
        return std::min(-dx, -dy);
    return std::hypot(std::max(dx, 0.0), std::max(dy, 0.0));
}

TEST(DotLayoutTest, CallersAreAboveCallees)
{
    const Result<DotLayout> laid = layoutDot(chain());
    ASSERT_TRUE(laid) << laid.error().message;
    ASSERT_EQ(laid->nodes.size(), 3u);
    EXPECT_LT(laid->nodes[0].centre.y, laid->nodes[1].centre.y);
    EXPECT_LT(laid->nodes[1].centre.y, laid->nodes[2].centre.y);
    // Sizes come back as asked, and every box lies inside the bounding box.
    EXPECT_NEAR(laid->nodes[0].width, 120, 0.5);
    EXPECT_NEAR(laid->nodes[2].height, 30, 0.5);
    for (const DotLayout::Node& n : laid->nodes) {
        EXPECT_GE(n.centre.x - n.width / 2, -0.5);
        EXPECT_GE(n.centre.y - n.height / 2, -0.5);
        EXPECT_LE(n.centre.x + n.width / 2, laid->width + 0.5);
        EXPECT_LE(n.centre.y + n.height / 2, laid->height + 0.5);
    }
}

TEST(DotLayoutTest, EdgesRunFromTailToHead)
{
    const DotGraphInput input = chain();
    const Result<DotLayout> laid = layoutDot(input);
    ASSERT_TRUE(laid) << laid.error().message;
    ASSERT_EQ(laid->edges.size(), input.edges.size());
    for (size_t i = 0; i < input.edges.size(); ++i) {
        const DotLayout::Edge& e = laid->edges[i];
        const DotLayout::Node& tail = laid->nodes[input.edges[i].tail];
        const DotLayout::Node& head = laid->nodes[input.edges[i].head];
        ASSERT_GE(e.points.size(), 4u) << "edge " << i;
        EXPECT_EQ((e.points.size() - 1) % 3, 0u) << "a cubic B-spline: 1 + 3n points";
        EXPECT_LT(toBorder(e.points.front(), tail), 2.0) << "edge " << i << " starts at its tail";
        ASSERT_TRUE(e.arrowTip) << "edge " << i;
        EXPECT_LT(toBorder(*e.arrowTip, head), 2.0) << "edge " << i << " ends at its head";
        // The curve's last point is where the arrow begins: outside the head, close to it.
        EXPECT_FALSE(inside(e.points.back(), head, -1.0));
        EXPECT_LT(toBorder(e.points.back(), head), 20.0);
    }
}

TEST(DotLayoutTest, LabelsArePlacedOnlyWhenAsked)
{
    const Result<DotLayout> laid = layoutDot(chain());
    ASSERT_TRUE(laid) << laid.error().message;
    ASSERT_TRUE(laid->edges[0].labelCentre);
    ASSERT_TRUE(laid->edges[1].labelCentre);
    EXPECT_FALSE(laid->edges[2].labelCentre);
    // The label of main -> a sits between their ranks.
    EXPECT_GT(laid->edges[0].labelCentre->y, laid->nodes[0].centre.y);
    EXPECT_LT(laid->edges[0].labelCentre->y, laid->nodes[1].centre.y);
}

TEST(DotLayoutTest, RecursionAndCyclesAreLaidOut)
{
    // fib -> fib, and a -> b -> a: dot breaks the cycle; every edge still joins its two nodes.
    DotGraphInput g;
    g.nodes = {{50, 20}, {50, 20}, {50, 20}};
    g.edges = {{0, 0, 1, 20, 10}, {1, 2, 1, 0, 0}, {2, 1, 1, 0, 0}};
    const Result<DotLayout> laid = layoutDot(g);
    ASSERT_TRUE(laid) << laid.error().message;
    ASSERT_EQ(laid->edges.size(), 3u);
    for (size_t i = 0; i < g.edges.size(); ++i) {
        const DotLayout::Edge& e = laid->edges[i];
        ASSERT_FALSE(e.points.empty()) << "edge " << i;
        ASSERT_TRUE(e.arrowTip) << "edge " << i;
        EXPECT_LT(toBorder(e.points.front(), laid->nodes[g.edges[i].tail]), 2.0) << "edge " << i;
        EXPECT_LT(toBorder(*e.arrowTip, laid->nodes[g.edges[i].head]), 2.0) << "edge " << i;
    }
}

TEST(DotLayoutTest, BadInputIsAnError)
{
    DotGraphInput dangling;
    dangling.nodes = {{10, 10}};
    dangling.edges = {{0, 3, 1, 0, 0}};
    const Result<DotLayout> a = layoutDot(dangling);
    ASSERT_FALSE(a);
    EXPECT_NE(a.error().message.find("edge 0"), std::string::npos) << a.error().message;

    DotGraphInput nan;
    nan.nodes = {{std::numeric_limits<double>::quiet_NaN(), 10}};
    EXPECT_FALSE(layoutDot(nan));

    const Result<DotLayout> empty = layoutDot({});
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->nodes.empty());
}

TEST(DotLayoutTest, ConcurrentLayoutsAgree)
{
    // Graphviz's global state is serialised: layouts from several threads give the one answer.
    const Result<DotLayout> reference = layoutDot(chain());
    ASSERT_TRUE(reference);
    std::vector<std::future<Result<DotLayout>>> runs;
    for (int i = 0; i < 4; ++i)
        runs.push_back(std::async(std::launch::async, [] { return layoutDot(chain()); }));
    for (auto& run : runs) {
        const Result<DotLayout> laid = run.get();
        ASSERT_TRUE(laid);
        for (size_t n = 0; n < laid->nodes.size(); ++n) {
            EXPECT_DOUBLE_EQ(laid->nodes[n].centre.x, reference->nodes[n].centre.x);
            EXPECT_DOUBLE_EQ(laid->nodes[n].centre.y, reference->nodes[n].centre.y);
        }
    }
}

} // namespace
} // namespace gs
