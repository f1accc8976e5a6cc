// SPDX-License-Identifier: MIT
// The call graph model on small profiles built here (what each rule of pprof's graph does), and
// on a real profile. `tests/cli/graph_reference_test.cpp` compares whole graphs with pprof's.
#include "core/analysis/call_graph.h"
#include "core/analysis/pprof_names.h"
#include "core/analysis/stack_selection.h"
#include "core/base/load_context.h"
#include "core/export/graph_dot.h"
#include "core/load/load_file.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace gs {
namespace {

class CallGraphTest : public ::testing::Test
{
protected:
    CallGraphTest()
    {
        store->profile = Profile {};
        store->profile->sampleTypes = {{"cpu", "nanoseconds"}};
    }

    // A sample: root-first function names (a trailing '+' marks a call inlined into its caller),
    // a weight, and string labels.
    void add(const std::vector<std::string>& rootFirst, int64_t weight,
             const std::vector<std::pair<std::string, std::string>>& labels = {})
    {
        Symbols& s = store->symbols;
        std::vector<FrameId> leafFirst;
        for (auto it = rootFirst.rbegin(); it != rootFirst.rend(); ++it) {
            const bool inlined = it->ends_with('+');
            const std::string name = inlined ? it->substr(0, it->size() - 1) : *it;
            leafFirst.push_back(s.internFrame(s.internFunction(name, "x.go"), 1, inlined));
        }
        Profile& p = *store->profile;
        p.sampleStacks.push_back(s.stacks.intern(leafFirst));
        p.sampleValues.push_back(weight);
        for (const auto& [key, value] : labels)
            p.labels.push_back(SampleLabel {s.strings.intern(key), s.strings.intern(value), 0, 0});
        p.labelOffsets.push_back(uint32_t(p.labels.size()));
        total += weight;
    }

    CallGraph build(CallGraphOptions options = {})
    {
        CallGraphInput input;
        input.store = store.get();
        input.total = total;
        auto graph = buildCallGraph(input, options);
        EXPECT_TRUE(graph.ok());
        return graph.ok() ? std::move(*graph) : CallGraph {};
    }

    static const CallGraphNode* node(const CallGraph& g, const std::string& name)
    {
        const auto it = std::find_if(g.nodes.begin(), g.nodes.end(), [&](const CallGraphNode& n) { return n.name == name; });
        return it == g.nodes.end() ? nullptr : &*it;
    }

    static const CallGraphEdge* edge(const CallGraph& g, const std::string& from, const std::string& to)
    {
        for (const CallGraphEdge& e : g.edges) {
            if (g.nodes[e.from].name == from && g.nodes[e.to].name == to)
                return &e;
        }
        return nullptr;
    }

    std::shared_ptr<EventStore> store = std::make_shared<EventStore>();
    int64_t total = 0;
};

TEST_F(CallGraphTest, FlatCumAndEdgesCountOncePerSample)
{
    add({"main", "a", "b"}, 30);
    add({"main", "a", "a", "b"}, 10); // recursion: a's cum and main->a count once
    add({"main", "c+"}, 60);
    const CallGraph g = build();
    ASSERT_EQ(g.nodes.size(), 4u);
    EXPECT_EQ(node(g, "main")->cum, 100);
    EXPECT_EQ(node(g, "main")->flat, 0);
    EXPECT_EQ(node(g, "a")->cum, 40);
    EXPECT_EQ(node(g, "b")->flat, 40);
    EXPECT_EQ(node(g, "c")->flat, 60);
    ASSERT_NE(edge(g, "main", "a"), nullptr);
    EXPECT_EQ(edge(g, "main", "a")->weight, 40);
    EXPECT_EQ(edge(g, "a", "a"), nullptr); // a call to itself makes no edge
    EXPECT_FALSE(edge(g, "main", "a")->inlined);
    EXPECT_TRUE(edge(g, "main", "c")->inlined);
    // Heaviest edge first.
    EXPECT_EQ(g.nodes[g.edges.front().to].name, "c");
    EXPECT_EQ(g.shownTotal(), 100);
    EXPECT_EQ(g.formatValue(60), "60ns");
}

TEST_F(CallGraphTest, DroppedNodesLeaveResidualEdges)
{
    // b is under 10% of the weight; its caller and callees stay linked through a dotted edge.
    add({"main", "a", "b", "c"}, 5);
    add({"main", "a", "c"}, 95);
    CallGraphOptions options;
    options.nodeFraction = 0.1;
    const CallGraph g = build(options);
    EXPECT_EQ(node(g, "b"), nullptr);
    EXPECT_EQ(g.droppedNodes, 1u);
    ASSERT_NE(edge(g, "a", "c"), nullptr);
    // The call a->c is direct in one sample and residual in the other: pprof marks it residual.
    EXPECT_TRUE(edge(g, "a", "c")->residual);
    EXPECT_EQ(edge(g, "a", "c")->weight, 100);
}

TEST_F(CallGraphTest, RedundantResidualEdgesAreRemoved)
{
    // x is dropped; main...y is residual, but y is also reached through a, so it goes.
    add({"main", "a", "y"}, 50);
    add({"main", "x", "y"}, 1);
    add({"main", "a", "z"}, 49);
    CallGraphOptions options;
    options.nodeFraction = 0.02;
    const CallGraph g = build(options);
    EXPECT_EQ(node(g, "x"), nullptr);
    EXPECT_EQ(edge(g, "main", "y"), nullptr);
    ASSERT_NE(edge(g, "a", "y"), nullptr);
    EXPECT_FALSE(edge(g, "a", "y")->residual);
}

TEST_F(CallGraphTest, NodeCountKeepsTheFirstNodesAndCountsTagBoxes)
{
    for (int i = 0; i < 6; ++i)
        add({"main", "f" + std::to_string(i)}, 10 + i, {{"worker", i % 2 ? "a" : "b"}});
    CallGraphOptions options;
    options.nodeCount = 4;
    const CallGraph g = build(options);
    // Each leaf has one tag box, which pprof counts as a node: main, then two leaves with theirs.
    EXPECT_EQ(g.nodesBeforeLimit, 7u);
    EXPECT_LT(g.nodes.size(), 4u);
    const std::vector<std::string> legend = callGraphLegend(g, *store->profile, 0, {});
    EXPECT_NE(std::find(legend.begin(), legend.end(),
                        "Showing top " + std::to_string(g.nodes.size()) + " nodes out of 7"),
              legend.end());
    const CallGraphNode* leaf = node(g, "f5");
    ASSERT_NE(leaf, nullptr);
    ASSERT_EQ(leaf->tags.size(), 1u);
    EXPECT_EQ(leaf->tags[0].label, "worker:a");
    EXPECT_EQ(leaf->tags[0].weight, 15);
    EXPECT_FALSE(leaf->tags[0].numeric);
}

TEST_F(CallGraphTest, LabelsAndStyleAsPprofDrawsThem)
{
    add({"main", "runtime/pprof.Do", "main.fib"}, 90);
    add({"main", "runtime/pprof.Do"}, 10);
    const CallGraph g = build();
    const CallGraphNode* fib = node(g, "main.fib");
    const CallGraphNode* root = node(g, "main");
    const CallGraphNode* doNode = node(g, "runtime/pprof.Do");
    ASSERT_TRUE(fib && root && doNode);
    EXPECT_EQ(doNode->nameLines, (std::vector<std::string> {"pprof", "Do"}));
    EXPECT_EQ(g.labelLines(*fib), (std::vector<std::string> {"main", "fib", "90ns (90.00%)"}));
    EXPECT_EQ(g.labelLines(*doNode), (std::vector<std::string> {"pprof", "Do", "10ns (10.00%)", "of 100ns (100%)"}));
    EXPECT_EQ(g.labelLines(*root), (std::vector<std::string> {"main", "0 of 100ns (100%)"}));
    EXPECT_EQ(g.fontSize(*fib), 24);
    EXPECT_EQ(g.fontSize(*root), 8);
    EXPECT_EQ(g.fontSize(*doNode), 8 + 6); // 16 * sqrt(10/90), rounded up
}

TEST(CallGraphColor, PprofColoursOfShares)
{
    // From `go tool pprof -dot` on tests/data/pprof/cpu.pb.gz: 960 of 980ms, 10 of 980ms.
    EXPECT_EQ(htmlColor(callGraphColor(960.0 / 980.0, false)), "#b20100");
    EXPECT_EQ(htmlColor(callGraphColor(960.0 / 980.0, true)), "#edd5d5");
    EXPECT_EQ(htmlColor(callGraphColor(10.0 / 980.0, false)), "#b2b0a9");
    EXPECT_EQ(htmlColor(callGraphColor(10.0 / 980.0, true)), "#edeceb");
    // Shrinking (a diff) is green, no change grey.
    EXPECT_EQ(callGraphColor(-1.0, false) & 0x00ff00, 0x00b200u);
    EXPECT_EQ(htmlColor(callGraphColor(0.0, false)), "#b2b2b2");
}

TEST(PprofNames, ShortenedAsPprofDrawsThem)
{
    EXPECT_EQ(shortenFunctionName("runtime/pprof.Do"), "pprof.Do");
    EXPECT_EQ(shortenFunctionName("main.fib"), "main.fib");
    EXPECT_EQ(shortenFunctionName("golang.org/x/net/http2.(*Framer).ReadFrame"), "http2.(*Framer).ReadFrame");
    EXPECT_EQ(shortenFunctionName("example.com/mod/v3/store.Open"), "store.Open");
    EXPECT_EQ(shortenFunctionName("example.com/mod/v3.Open"), "mod.Open");
    EXPECT_EQ(shortenFunctionName("com.example.Server.handle(Request)"), "Server.handle");
    EXPECT_EQ(shortenFunctionName("(anonymous namespace)::net::Socket::read"), "Socket::read");
}

TEST(PprofNames, LinesOfEachGranularity)
{
    using L = std::vector<std::string>;
    EXPECT_EQ(graphNameLines("main.(*box[...]).wait", "", Granularity::Functions), (L {"main", "(*box[\u2026])", "wait"}));
    EXPECT_EQ(graphNameLines("main.fib src/main.go:41", "src/main.go", Granularity::Lines), (L {"main", "fib", "main.go:41"}));
    EXPECT_EQ(graphNameLines("00000000004e90c0 main.fib src/main.go:41", "src/main.go", Granularity::Addresses),
              (L {"00000000004e90c0", "main", "fib", "main.go:41"}));
    EXPECT_EQ(graphNameLines("src/main.go", "src/main.go", Granularity::Files), (L {"main.go"}));
    EXPECT_EQ(graphNameLines("[libc.so.6]", "", Granularity::Functions), (L {"[libc.so.6]"}));
}

// On a real profile: a small node count prunes, leaves residual edges and keeps every edge
// between kept nodes; the DOT has the nodes N1.. and the legend.
TEST(CallGraphProfile, CpuProfilePrunedToFewNodes)
{
    LoadContext context;
    auto loaded = loadFile(GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz", context);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const EventStore& store = **loaded;
    CallGraphInput input;
    input.store = &store;
    input.sampleType = store.profile->defaultSampleType;
    input.total = sampleTypeTotal(*store.profile, input.sampleType);
    const auto full = buildCallGraph(input);
    ASSERT_TRUE(full.ok());
    CallGraphOptions options;
    options.nodeCount = 6;
    const auto pruned = buildCallGraph(input, options);
    ASSERT_TRUE(pruned.ok());
    EXPECT_GT(full->nodes.size(), 20u);
    EXPECT_LE(pruned->nodes.size(), 6u);
    EXPECT_EQ(pruned->nodesBeforeLimit, full->nodes.size());
    EXPECT_TRUE(std::any_of(pruned->edges.begin(), pruned->edges.end(), [](const CallGraphEdge& e) { return e.residual; }));
    for (const CallGraphEdge& e : pruned->edges) {
        ASSERT_LT(e.from, pruned->nodes.size());
        ASSERT_LT(e.to, pruned->nodes.size());
        EXPECT_NE(e.from, e.to);
    }
    // The worker labels of pprof.Do become tag boxes.
    EXPECT_TRUE(std::any_of(full->nodes.begin(), full->nodes.end(), [](const CallGraphNode& n) {
        return std::any_of(n.tags.begin(), n.tags.end(), [](const CallGraphTag& t) { return t.label == "worker:a"; });
    }));

    std::ostringstream dot;
    writeGraphDot(*pruned, callGraphLegend(*pruned, *store.profile, input.sampleType, {"focus=x"}), "genpprof", dot);
    EXPECT_TRUE(dot.str().starts_with("digraph \"genpprof\" {\n"));
    EXPECT_NE(dot.str().find("Active filters:\\l   focus=x\\l"), std::string::npos);
    const std::string last = "\nN" + std::to_string(pruned->nodes.size()) + " [";
    const std::string past = "\nN" + std::to_string(pruned->nodes.size() + 1) + " [";
    EXPECT_NE(dot.str().find(last), std::string::npos);
    EXPECT_EQ(dot.str().find(past), std::string::npos);
    EXPECT_NE(dot.str().find("style=\"dotted\""), std::string::npos);
}

TEST(CallGraphProfile, RefusesAnInputWithoutSamples)
{
    EventStore empty;
    CallGraphInput input;
    input.store = &empty;
    EXPECT_FALSE(buildCallGraph(input).ok());
}

} // namespace
} // namespace gs
