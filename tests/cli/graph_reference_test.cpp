// SPDX-License-Identifier: MIT
// Differential test: `goroscope-cli graph -o -` against `go tool pprof -dot` on every fixture and
// sample type, at several granularities, with node counts small enough to prune, and with
// filters. Both DOT outputs are parsed and compared as graphs: the same nodes (their whole
// labels, weights included), the same tag boxes under each, and the same edges (caller, callee,
// weight, dotted or not, inline or not), as multisets; and the legend. Where pprof's output does
// not depend on a Go map's order (everything but -files), the text is also the same byte for byte.
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/cli/cli_test_support.h"

#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>

namespace gs::cli::test {
namespace {

struct DotGraph
{
    std::vector<std::string> legend;
    std::vector<std::string> nodes; // "label | tooltip | fontsize | colours"
    std::vector<std::string> tags;  // "node label | tag label | weight | dotted"
    std::vector<std::string> edges; // "caller label -> callee label | weight label | dotted | minlen"
    std::string error;              // a line neither tool should write
};

// Reads the DOT both tools write: one statement per line.
DotGraph parseDot(const std::string& text)
{
    static const std::regex kNode(R"re(^N(\d+) \[label="((?:[^"\\]|\\.)*)" id="node\d+" fontsize=(\d+) shape=box tooltip="((?:[^"\\]|\\.)*)" color="(#[0-9a-f]{6})" fillcolor="(#[0-9a-f]{6})"\]$)re");
    static const std::regex kTag(R"re(^(N+[0-9_]+) \[label = "((?:[^"\\]|\\.)*)" id="N+[0-9_]+" fontsize=8 shape=box3d tooltip="([^"]*)"\]$)re");
    static const std::regex kTagEdge(R"re(^(N+[0-9_]+) -> (N+[0-9_]+) \[label=" ([^"]*)" weight=100 tooltip="[^"]*" labeltooltip="[^"]*"( style="dotted")?\]$)re");
    static const std::regex kEdge(R"re(^N(\d+) -> N(\d+) \[label=" ((?:[^"\\]|\\.)*)"(.*)\]$)re");
    static const std::regex kLegend(R"re(^subgraph cluster_L \{ "(?:[^"\\]|\\.)*" \[shape=box fontsize=16 label="((?:[^"\\]|\\.)*)"(?: tooltip="[^"]*")?\] \}$)re");
    DotGraph g;
    std::map<std::string, std::string> labelOf; // DOT id -> label
    struct RawEdge
    {
        std::string from, to, rest;
    };
    std::vector<RawEdge> edges;
    std::istringstream in(text);
    std::smatch m;
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("digraph ") || line.starts_with("node [") || line == "}")
            continue;
        if (std::regex_match(line, m, kLegend)) {
            std::string all = m[1];
            for (size_t at = all.find("\\l"); at != std::string::npos; at = all.find("\\l")) {
                g.legend.push_back(all.substr(0, at));
                all.erase(0, at + 2);
            }
        } else if (std::regex_match(line, m, kNode)) {
            labelOf["N" + m[1].str()] = m[2];
            g.nodes.push_back(m[2].str() + " | " + m[4].str() + " | " + m[3].str() + " | " + m[5].str() + m[6].str());
        } else if (std::regex_match(line, m, kTag)) {
            labelOf[m[1]] = m[2].str() + " (" + m[3].str() + ")";
        } else if (std::regex_match(line, m, kTagEdge)) {
            // A tag box is named by the node (or box) it hangs from, which comes first.
            g.tags.push_back(labelOf[m[1]] + " | " + labelOf[m[2]] + " | " + m[3].str() + (m[4].matched ? " | dotted" : ""));
        } else if (std::regex_match(line, m, kEdge)) {
            edges.push_back({"N" + m[1].str(), "N" + m[2].str(), m[3].str() + " |" + m[4].str()});
        } else {
            g.error = "unexpected line: " + line;
        }
    }
    // Edges come after every node; name their ends by label, their tooltip (which repeats the
    // names) left out. Weight, pen width, colour, dotted and minlen stay.
    static const std::regex kTooltips(R"re( tooltip="(?:[^"\\]|\\.)*" labeltooltip="(?:[^"\\]|\\.)*")re");
    for (const RawEdge& e : edges)
        g.edges.push_back(labelOf[e.from] + " -> " + labelOf[e.to] + " | " + std::regex_replace(e.rest, kTooltips, ""));
    for (auto* list : {&g.nodes, &g.tags, &g.edges})
        std::sort(list->begin(), list->end());
    return g;
}

class GraphReference : public ::testing::Test
{
protected:
    void SetUp() override
    {
        GOROSCOPE_REQUIRE_GO_REFERENCE();
        m_pprof = gs::test::pprofCommand();
    }

    // One case: pprof's flags and ours (the file added to both).
    void compare(const std::string& file, const std::vector<std::string>& pprofFlags,
                 const std::vector<std::string>& ourFlags)
    {
        // pprof prints the profile's time in the local zone; ours is UTC.
        std::string command = "TZ=UTC " + m_pprof + " -dot -symbolize=remote";
        for (const std::string& a : pprofFlags)
            command.append(" ").append(gs::test::shellQuote(a));
        command.append(" ").append(gs::test::shellQuote(file));
        const std::string expectedText = gs::test::runCommand(command);
        std::vector<std::string> argv = {"graph", file, "-o", "-"};
        argv.insert(argv.end(), ourFlags.begin(), ourFlags.end());
        const CliRun ours = runCliCaptured(argv);
        const std::string what = command;
        ASSERT_EQ(ours.code, 0) << what << ": " << ours.err;
        ASSERT_FALSE(expectedText.empty()) << "no output from: " << command;

        const DotGraph expected = parseDot(expectedText);
        const DotGraph actual = parseDot(ours.out);
        ASSERT_EQ(expected.error, "") << what;
        EXPECT_EQ(actual.error, "") << what;
        EXPECT_FALSE(expected.nodes.empty()) << what;
        EXPECT_EQ(actual.legend, expected.legend) << what;
        EXPECT_EQ(actual.nodes, expected.nodes) << what;
        EXPECT_EQ(actual.tags, expected.tags) << what;
        EXPECT_EQ(actual.edges, expected.edges) << what;
        // pprof orders ties at random with -files, and with a base, edges whose weights differ only
        // in sign (its edge order compares absolute values only when the weights differ).
        const bool tiesAtRandom = std::any_of(pprofFlags.begin(), pprofFlags.end(), [](const std::string& f) {
            return f == "-files" || f.starts_with("-diff_base=") || f.starts_with("-base=");
        });
        if (!tiesAtRandom) {
            EXPECT_EQ(ours.out, expectedText) << what;
        }
        ++m_comparisons;
        m_residualEdges += size_t(std::count_if(expected.edges.begin(), expected.edges.end(), [](const std::string& e) {
            return e.find("style=\"dotted\"") != std::string::npos;
        }));
        m_inlineEdges += size_t(std::count_if(expected.edges.begin(), expected.edges.end(), [](const std::string& e) {
            return e.find("(inline)") != std::string::npos;
        }));
        m_tags += expected.tags.size();
    }

    std::string m_pprof;
    int m_comparisons = 0;
    size_t m_residualEdges = 0;
    size_t m_inlineEdges = 0;
    size_t m_tags = 0;
};

// The default graph (80 nodes, pprof's fractions) of every sample type of every fixture, and a
// node count small enough to prune (residual edges, the tag boxes counted against it).
TEST_F(GraphReference, EveryFixtureAndSampleType)
{
    for (const std::string& file : gs::test::fixtureFiles("pprof", {".pb.gz"})) {
        LoadContext context;
        auto store = loadFile(file, context);
        ASSERT_TRUE(store.ok()) << store.error().message;
        for (size_t i = 0; i < (*store)->profile->sampleTypes.size(); ++i) {
            const std::string index = std::to_string(i);
            compare(file, {"-sample_index=" + index}, {"--sample-index", index});
        }
        compare(file, {"-nodecount=6"}, {"--nodecount", "6"});
    }
    EXPECT_GE(m_comparisons, 27);
    // What the comparison must have covered to mean something.
    EXPECT_GT(m_residualEdges, 0u);
    EXPECT_GT(m_inlineEdges, 0u);
    EXPECT_GT(m_tags, 0u);
}

// Granularities (the names split into lines with file:line and addresses), pruning with them,
// and the fractions.
TEST_F(GraphReference, GranularitiesAndPruning)
{
    const std::string cpu = GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz";
    const std::string heap = GOROSCOPE_TEST_DATA_DIR "/pprof/heap.pb.gz";
    const std::string block = GOROSCOPE_TEST_DATA_DIR "/pprof/block.pb.gz";
    compare(cpu, {"-lines"}, {"--lines"});
    compare(cpu, {"-addresses", "-nodecount=10"}, {"--addresses", "--nodecount", "10"});
    compare(cpu, {"-noinlines", "-nodecount=8"}, {"--noinlines", "--nodecount", "8"});
    compare(cpu, {"-files"}, {"--files"});
    compare(heap, {"-lines", "-sample_index=alloc_space", "-nodecount=12"},
            {"--lines", "--sample-index", "alloc_space", "--nodecount", "12"});
    compare(block, {"-files"}, {"--files"});
    compare(cpu, {"-nodefraction=0", "-edgefraction=0", "-nodecount=0"},
            {"--nodefraction", "0", "--edgefraction", "0", "--nodecount", "0"});
    compare(cpu, {"-nodefraction=0.05", "-edgefraction=0.02"}, {"--nodefraction", "0.05", "--edgefraction", "0.02"});
}

TEST_F(GraphReference, Filters)
{
    const std::string cpu = GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz";
    compare(cpu, {"-focus=main\\.fib", "-hide=runtime"}, {"--focus", "main\\.fib", "--hide", "runtime"});
    compare(cpu, {"-tagfocus=worker=b", "-nodecount=5"}, {"--tagfocus", "worker=b", "--nodecount", "5"});
    compare(cpu, {"-ignore=sort", "-lines", "-nodecount=9"}, {"--ignore", "sort", "--lines", "--nodecount", "9"});
}

// A base compared with (-diff_base: percentages of the base's total, colours and signs of the
// differences) and subtracted (-base): the mutex profile as the block profile's base and the
// other way round (the same sample types, other samples).
TEST_F(GraphReference, BaseAndDiffBase)
{
    const std::string block = GOROSCOPE_TEST_DATA_DIR "/pprof/block.pb.gz";
    const std::string mutex = GOROSCOPE_TEST_DATA_DIR "/pprof/mutex.pb.gz";
    compare(block, {"-diff_base=" + mutex}, {"--diff-base", mutex});
    compare(block, {"-base=" + mutex}, {"--base", mutex});
    compare(mutex, {"-diff_base=" + block, "-sample_index=0"}, {"--diff-base", block, "--sample-index", "0"});
}

} // namespace
} // namespace gs::cli::test
