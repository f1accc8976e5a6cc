// SPDX-License-Identifier: MIT
#include "core/analysis/value_format.h"
#include "core/export/flame_svg.h"
#include "core/export/folded.h"

#include <gtest/gtest.h>

#include <sstream>

namespace gs {
namespace {

class FlameExportTest : public ::testing::Test
{
protected:
    void add(std::vector<std::string> rootFirst, int64_t v)
    {
        std::vector<FrameId> leafFirst;
        for (auto it = rootFirst.rbegin(); it != rootFirst.rend(); ++it)
            leafFirst.push_back(symbols.internFrame(symbols.internFunction(*it, "x.go"), 1));
        ws.stacks.push_back(StackWeight {symbols.stacks.intern(leafFirst), v});
        ws.total += v;
    }

    Symbols symbols;
    WeightedStacks ws;
};

TEST_F(FlameExportTest, FoldedHasOneLinePerPathWithSelfWeight)
{
    add({"main.main", "main.b", "main.leaf"}, 3);
    add({"main.main", "main.a"}, 5);
    add({"main.main", "main.b"}, 2);
    add({"main.main", "we;ird\nname"}, 1);
    std::ostringstream out;
    writeFolded(symbols, FlameTree::build(symbols, ws, {}), out);
    EXPECT_EQ(out.str(), "main.main;main.a 5\n"
                         "main.main;main.b 2\n"
                         "main.main;main.b;main.leaf 3\n"
                         "main.main;we_ird_name 1\n");
}

TEST_F(FlameExportTest, SvgMergesNarrowFramesAndEscapes)
{
    add({"main.main", "main.big"}, 100000);
    for (int i = 0; i < 20; ++i)
        add({"main.main", "pkg.tiny" + std::to_string(i)}, 1);
    add({"main.main", "main.<T & \"U\">"}, 50000);
    std::ostringstream out;
    FlameSvgOptions options;
    options.title = "a < b";
    options.valueUnit = "nanoseconds";
    writeFlameSvg(symbols, FlameTree::build(symbols, ws, {}), options, out);
    const std::string svg = out.str();
    EXPECT_NE(svg.find("<title>20 small frames (20ns,"), std::string::npos) << svg;
    EXPECT_EQ(svg.find("pkg.tiny"), std::string::npos);
    EXPECT_NE(svg.find("main.&lt;T &amp; &quot;U&quot;&gt;"), std::string::npos);
    EXPECT_NE(svg.find(">a &lt; b</text>"), std::string::npos);
    EXPECT_NE(svg.find("<title>all (150.02us, 100%)</title>"), std::string::npos) << svg;
    // One <rect> per drawn box: background, all, main.main, main.big, the merged run, main.<T...>.
    size_t rects = 0;
    for (size_t at = svg.find("<rect "); at != std::string::npos; at = svg.find("<rect ", at + 1))
        ++rects;
    EXPECT_EQ(rects, 6u);
}

TEST_F(FlameExportTest, SvgNarrowFrameKeepsTheEndOfTheName)
{
    // A tenth of the width: room for about 16 characters of the 24.
    add({"main.main", "main.big"}, 90000);
    add({"main.main", "net/http.(*Server).Serve"}, 10000);
    std::ostringstream out;
    writeFlameSvg(symbols, FlameTree::build(symbols, ws, {}), {}, out);
    const std::string svg = out.str();
    const size_t end = svg.find("Serve</text>");
    ASSERT_NE(end, std::string::npos) << svg;
    const size_t start = svg.rfind('>', end) + 1;
    const std::string label = svg.substr(start, end + 5 - start);
    EXPECT_EQ(label.substr(0, 2), "..") << label;
    EXPECT_LT(label.size(), std::string("net/http.(*Server).Serve").size()) << label;
}

TEST(FlameSvg, PackageAndEscaping)
{
    EXPECT_EQ(packageOf("runtime/pprof.(*Profile).WriteTo"), "runtime/pprof");
    EXPECT_EQ(packageOf("main.fib"), "main");
    EXPECT_EQ(packageOf("github.com/a/b.c/d.F.func1"), "github.com/a/b.c/d");
    EXPECT_EQ(packageOf("<unknown>"), "<unknown>");
    std::ostringstream out;
    writeXmlEscaped(out, std::string_view("a'\x01\xff", 4));
    EXPECT_EQ(out.str(), "a&apos;\xef\xbf\xbd\xef\xbf\xbd");
}

TEST(ValueFormat, ScalesLikePprof)
{
    EXPECT_EQ(formatValue(980000000, "nanoseconds"), "980ms");
    EXPECT_EQ(formatValue(1500, "nanoseconds"), "1.50us");
    EXPECT_EQ(formatValue(3600000000000, "nanoseconds"), "1hrs");
    EXPECT_EQ(formatValue(1629561, "bytes"), "1.55MB");
    EXPECT_EQ(formatValue(1629561, "bytes", "kB"), "1591.37kB");
    EXPECT_EQ(formatValue(42, "count"), "42");
    EXPECT_EQ(formatValue(0, "bytes"), "0");
    EXPECT_EQ(formatValue(980000000, "nanoseconds", "nanoseconds"), "980000000ns");
    EXPECT_EQ(tableUnit(10000000, 980000000, "nanoseconds"), "ms");
    EXPECT_EQ(tableUnit(4147, 3071237, "bytes"), "kB");
    EXPECT_EQ(formatPercent(33, 98), "33.67%");
    EXPECT_EQ(formatPercent(98, 98), "  100%");
    EXPECT_EQ(formatPercent(1, 1000), "  0.1%"); // Go's %5.2g
    EXPECT_EQ(formatPercent(3, 10000), " 0.03%");
}

} // namespace
} // namespace gs
