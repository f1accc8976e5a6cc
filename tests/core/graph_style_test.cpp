// SPDX-License-Identifier: MIT
#include "core/layout/graph_style.h"

#include <gtest/gtest.h>

namespace gs {
namespace {

// The expected values are what `go tool pprof -dot tests/data/pprof/cpu.pb.gz` writes (980 ms
// total, largest flat 330 ms).
TEST(GraphStyleTest, ColoursAreThoseOfPprofDot)
{
    constexpr double kTotal = 980;
    EXPECT_EQ(graphColor(960 / kTotal, false).hex(), "#b20100"); // main.spin's border
    EXPECT_EQ(graphColor(960 / kTotal, true).hex(), "#edd5d5");  // and fill
    EXPECT_EQ(graphColor(480 / kTotal, false).hex(), "#b22200");
    EXPECT_EQ(graphColor(480 / kTotal, true).hex(), "#eddad5");
    EXPECT_EQ(graphColor(170 / kTotal, false).hex(), "#b25617");
    EXPECT_EQ(graphColor(170 / kTotal, true).hex(), "#ede0d8");
    EXPECT_EQ(graphColor(40 / kTotal, false).hex(), "#b2a48e");
    EXPECT_EQ(graphColor(40 / kTotal, true).hex(), "#edebe8");
    EXPECT_EQ(graphColor(80 / kTotal, false).hex(), "#b29069"); // an edge's colour
}

TEST(GraphStyleTest, ADiffShrinkIsGreenAndZeroIsGrey)
{
    const Rgb shrink = graphColor(-0.5, false);
    EXPECT_GT(shrink.g, shrink.r);
    const Rgb zero = graphColor(0, true);
    EXPECT_EQ(zero.r, zero.g);
    EXPECT_EQ(zero.g, zero.b);
    EXPECT_EQ(graphColor(5.0, false), graphColor(1.0, false)) << "shares beyond the total are clamped";
}

TEST(GraphStyleTest, FontSizesAreThoseOfPprofDot)
{
    EXPECT_EQ(graphFontSize(330, 330), 24); // runtime.asyncPreempt
    EXPECT_EQ(graphFontSize(280, 330), 23); // main.hashLoop
    EXPECT_EQ(graphFontSize(90, 330), 17);  // main.fib
    EXPECT_EQ(graphFontSize(10, 330), 11);  // main.sortWork
    EXPECT_EQ(graphFontSize(0, 330), 8);    // main.spin
    EXPECT_EQ(graphFontSize(-90, 330), 17) << "a diff's negative flat sizes by magnitude";
}

TEST(GraphStyleTest, EdgeWidthsAndWeightsAreThoseOfPprofDot)
{
    EXPECT_EQ(graphEdgeWidth(960, 980), 5);
    EXPECT_EQ(graphEdgeWeight(960, 980), 98);
    EXPECT_EQ(graphEdgeWidth(480, 980), 3);
    EXPECT_EQ(graphEdgeWeight(480, 980), 49);
    EXPECT_EQ(graphEdgeWidth(310, 980), 2);
    EXPECT_EQ(graphEdgeWeight(310, 980), 32);
    EXPECT_EQ(graphEdgeWidth(180, 980), 1); // pprof writes no penwidth: the default 1
    EXPECT_EQ(graphEdgeWeight(180, 980), 19);
    EXPECT_EQ(graphEdgeWeight(1, 0), 1);
}

} // namespace
} // namespace gs
