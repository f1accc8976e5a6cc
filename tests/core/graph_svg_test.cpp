// SPDX-License-Identifier: MIT
#include "core/export/graph_svg.h"

#include "core/analysis/stack_selection.h"
#include "core/base/load_context.h"
#include "core/export/flame_svg.h"
#include "core/load/load_file.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace gs {
namespace {

size_t count(const std::string& text, const std::string& what)
{
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

CallGraph cpuGraph()
{
    LoadContext context;
    auto loaded = loadFile(GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz", context);
    EXPECT_TRUE(loaded) << (loaded ? "" : loaded.error().message);
    if (!loaded)
        return {};
    const EventStore& store = **loaded;
    CallGraphInput input;
    input.store = &store;
    input.sampleType = store.profile->defaultSampleType;
    input.total = sampleTypeTotal(*store.profile, input.sampleType);
    auto graph = buildCallGraph(input);
    EXPECT_TRUE(graph) << (graph ? "" : graph.error().message);
    return graph ? std::move(*graph) : CallGraph {};
}

TEST(GraphSvgTest, DrawsEveryNodeAndEdgeOfTheGraph)
{
    const CallGraph graph = cpuGraph();
    ASSERT_FALSE(graph.nodes.empty());
    std::ostringstream out;
    const Result<bool> written = writeCallGraphSvg(graph, {{"Type: cpu", "Showing nodes accounting for 980ms"}}, out);
    ASSERT_TRUE(written) << written.error().message;
    const std::string svg = out.str();
    // Kept for a person to open, when GOROSCOPE_RENDER_DIR names a folder.
    if (const char* dir = std::getenv("GOROSCOPE_RENDER_DIR"))
        std::ofstream(std::string(dir) + "/call-graph-export.svg") << svg;
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
    EXPECT_NE(svg.find("</svg>"), std::string::npos);
    EXPECT_EQ(count(svg, "<g class=\"node\">"), graph.nodes.size());
    EXPECT_EQ(count(svg, "<g class=\"edge\">"), graph.edges.size());
    EXPECT_EQ(count(svg, "<g class=\"legend\">"), 1u);
    // Tooltips as pprof's: the name and cum; edges name their two ends.
    EXPECT_NE(svg.find("<title>main.fib (170ms)</title>"), std::string::npos);
    EXPECT_NE(svg.find("<title>main.spin -&gt; main.fib (170ms)</title>"), std::string::npos);
    // Every line of every box is in the picture.
    for (const CallGraphNode& n : graph.nodes) {
        for (const std::string& line : graph.labelLines(n)) {
            std::ostringstream escaped;
            writeXmlEscaped(escaped, line);
            EXPECT_NE(svg.find(">" + escaped.str() + "</text>"), std::string::npos) << line;
        }
    }
}

TEST(GraphSvgTest, ResidualEdgesAreDottedAndNamesEscaped)
{
    CallGraph graph;
    graph.total = 100;
    graph.sampleUnit = "count";
    CallGraphNode a;
    a.name = "main.<script>&\"x\"";
    a.nameLines = {"main", "<script>&\"x\""};
    a.cum = 100;
    CallGraphNode b;
    b.name = "pkg.leaf";
    b.nameLines = {"pkg", "leaf"};
    b.flat = 100;
    b.cum = 100;
    graph.nodes = {a, b};
    graph.edges = {{0, 1, 100, true, false}};
    std::ostringstream out;
    ASSERT_TRUE(writeCallGraphSvg(graph, {}, out));
    const std::string svg = out.str();
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_NE(svg.find("&lt;script&gt;&amp;&quot;x&quot;"), std::string::npos);
    EXPECT_EQ(count(svg, "stroke-dasharray"), 1u);
    EXPECT_EQ(count(svg, "<polygon"), 1u) << "one arrow head";
    EXPECT_EQ(count(svg, "<g class=\"legend\">"), 0u);
}

} // namespace
} // namespace gs
