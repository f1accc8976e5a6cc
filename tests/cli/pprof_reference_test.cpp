// SPDX-License-Identifier: MIT
// Differential test: `goroscope-cli top` against `go tool pprof -top` on every fixture and every
// sample type. pprof prints exact raw values when asked for the sample type's own unit
// (-unit=nanoseconds prints "980000000ns"), all nodes with -nodecount huge and -nodefraction=0,
// and never touches binaries with -symbolize=remote: it asks only profiles fetched over HTTP
// for symbols, so on a file nothing is looked up, but pprof still renames functions as it does
// by default (generic shape names lose their parentheses), which -symbolize=none would skip.
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/cli/cli_test_support.h"

#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace gs::cli::test {
namespace {

namespace fs = std::filesystem;

// Leading integer of "980000000ns", "1988344B", "33".
int64_t rawValue(const std::string& token)
{
    return std::strtoll(token.c_str(), nullptr, 10);
}

// Reads the rows of `pprof -top`: flat flat% sum% cum cum% name [(inline)|(partial-inline)].
std::vector<JsonTopRow> parsePprofTop(const std::string& text)
{
    std::vector<JsonTopRow> rows;
    std::istringstream in(text);
    std::string line;
    bool table = false;
    while (std::getline(in, line)) {
        if (!table) {
            table = line.find("flat%") != std::string::npos && line.find("cum%") != std::string::npos;
            continue;
        }
        std::istringstream fields(line);
        std::string flat, flatPct, sumPct, cum, cumPct;
        if (!(fields >> flat >> flatPct >> sumPct >> cum >> cumPct))
            continue;
        std::string name;
        std::getline(fields, name);
        name.erase(0, name.find_first_not_of(' '));
        for (const std::string suffix : {" (inline)", " (partial-inline)"}) {
            if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
                name.resize(name.size() - suffix.size());
        }
        rows.push_back({name, rawValue(flat), std::stod(flatPct), rawValue(cum), std::stod(cumPct)});
    }
    return rows;
}

class PprofReference : public ::testing::Test
{
protected:
    void SetUp() override
    {
        GOROSCOPE_REQUIRE_GO_REFERENCE();
        m_go = gs::test::goCommand();
    }

    // Compares one report: same functions, same order, same flat and cum, percentages within
    // rounding of pprof's printed ones.
    void compare(const std::string& file, const std::string& unit, const std::vector<std::string>& pprofArgs,
                 const std::vector<std::string>& ourArgs)
    {
        std::string command = gs::test::shellQuote(m_go) + " tool pprof -top -symbolize=remote -nodecount=100000000 -nodefraction=0 "
                              "-edgefraction=0 -unit="
                              + gs::test::shellQuote(unit);
        // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on " " + string.
        for (const std::string& a : pprofArgs)
            command.append(" ").append(gs::test::shellQuote(a));
        command.append(" ").append(gs::test::shellQuote(file));
        const auto expected = parsePprofTop(gs::test::runCommand(command));

        std::vector<std::string> argv = {"top", file, "--json", "--nodefraction", "0"};
        argv.insert(argv.end(), ourArgs.begin(), ourArgs.end());
        const CliRun ours = runCliCaptured(argv);
        ASSERT_EQ(ours.code, 0) << ours.err;
        const auto actual = parseTopJson(ours.out);

        const std::string what = file + " " + ::testing::PrintToString(ourArgs);
        ASSERT_FALSE(expected.empty()) << "no rows from: " << command;
        ASSERT_EQ(actual.size(), expected.size()) << what;
        for (size_t i = 0; i < expected.size(); ++i) {
            SCOPED_TRACE(what + " row " + std::to_string(i));
            EXPECT_EQ(actual[i].function, expected[i].function);
            EXPECT_EQ(actual[i].flat, expected[i].flat);
            EXPECT_EQ(actual[i].cum, expected[i].cum);
            // pprof prints 2 decimals (2 significant digits below 1%).
            EXPECT_NEAR(actual[i].flatPercent, expected[i].flatPercent, 0.0051);
            EXPECT_NEAR(actual[i].cumPercent, expected[i].cumPercent, 0.0051);
        }
        ++m_comparisons;
    }

    // Compares whole text reports: {pprof arguments, our `top` arguments} per case.
    void compareText(const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>>& cases);

    std::string m_go;
    int m_comparisons = 0;
};

TEST_F(PprofReference, EveryFixtureAndSampleType)
{
    const fs::path dir = fs::path(GOROSCOPE_TEST_DATA_DIR) / "pprof";
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().string().ends_with(".pb.gz"))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 8u);
    for (const fs::path& file : files) {
        LoadContext context;
        auto store = loadFile(file.string(), context);
        ASSERT_TRUE(store.ok()) << store.error().message;
        const auto& types = (*store)->profile->sampleTypes;
        for (size_t i = 0; i < types.size(); ++i)
            compare(file.string(), types[i].unit, {"-sample_index=" + std::to_string(i)},
                    {"--sample-index", std::to_string(i)});
        // And the default sample type, chosen by each tool on its own.
        const auto& def = types[(*store)->profile->defaultSampleType];
        compare(file.string(), def.unit, {}, {});
    }
    EXPECT_GE(m_comparisons, 20);
}

TEST_F(PprofReference, CumulativeOrder)
{
    const std::string cpu = GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz";
    compare(cpu, "nanoseconds", {"-cum"}, {"--cum"});
}

TEST_F(PprofReference, DefaultNodeFractionDropsTheSameNodes)
{
    // Without -nodefraction both drop functions whose cum is under 0.5% of the shown weight.
    const std::string allocs = GOROSCOPE_TEST_DATA_DIR "/pprof/allocs.pb.gz";
    std::string command = gs::test::shellQuote(m_go) + " tool pprof -top -symbolize=remote -unit=bytes";
    command.append(" ").append(gs::test::shellQuote(allocs));
    const auto expected = parsePprofTop(gs::test::runCommand(command));
    const auto actual = parseTopJson(runCliCaptured({"top", allocs, "--json"}).out);
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(actual[i].function, expected[i].function);
        EXPECT_EQ(actual[i].cum, expected[i].cum);
    }
}

// The whole text report, header lines and "(inline)" marks included, is pprof's.
TEST_F(PprofReference, TextReportMatchesPprof)
{
    const std::string data = GOROSCOPE_TEST_DATA_DIR "/pprof/";
    const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> cases = {
        {{"-tagfocus=worker=b", "-nodecount=5", data + "cpu.pb.gz"}, {data + "cpu.pb.gz", "--tagfocus", "worker=b", "-n", "5"}},
        {{"-focus=main\\.fib", "-hide=runtime", data + "cpu.pb.gz"}, {data + "cpu.pb.gz", "--focus", "main\\.fib", "--hide", "runtime"}},
        {{data + "heap.pb.gz"}, {data + "heap.pb.gz"}},
        {{"-sample_index=0", data + "block.pb.gz"}, {data + "block.pb.gz", "--sample-index", "0"}},
        {{"-cum", data + "goroutine.pb.gz"}, {data + "goroutine.pb.gz", "--cum"}},
    };
    compareText(cases);
}

TEST_F(PprofReference, TextReportOfEveryFixtureAndSampleType)
{
    std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> cases;
    for (const auto& entry : fs::directory_iterator(fs::path(GOROSCOPE_TEST_DATA_DIR) / "pprof")) {
        const std::string file = entry.path().string();
        if (!file.ends_with(".pb.gz"))
            continue;
        LoadContext context;
        auto store = loadFile(file, context);
        ASSERT_TRUE(store.ok()) << store.error().message;
        for (size_t i = 0; i < (*store)->profile->sampleTypes.size(); ++i)
            cases.push_back({{"-sample_index=" + std::to_string(i), file}, {file, "--sample-index", std::to_string(i)}});
    }
    ASSERT_GE(cases.size(), 14u);
    compareText(cases);
}

void PprofReference::compareText(const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>>& cases)
{
    for (const auto& [pprofArgs, ourArgs] : cases) {
        // pprof prints the profile time in the local zone; ours is UTC.
        std::string command = "TZ=UTC " + gs::test::shellQuote(m_go) + " tool pprof -top -symbolize=remote";
        for (const std::string& a : pprofArgs)
            command.append(" ").append(gs::test::shellQuote(a));
        const std::string expected = gs::test::runCommand(command);
        std::vector<std::string> argv = {"top"};
        argv.insert(argv.end(), ourArgs.begin(), ourArgs.end());
        const CliRun ours = runCliCaptured(argv);
        ASSERT_EQ(ours.code, 0) << ours.err;
        EXPECT_EQ(ours.out, expected) << command;
    }
}

TEST_F(PprofReference, FiltersMatchPprof)
{
    const std::string cpu = GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz";
    const std::string heap = GOROSCOPE_TEST_DATA_DIR "/pprof/heap.pb.gz";
    compare(cpu, "nanoseconds", {"-focus=main\\.fib"}, {"--focus", "main\\.fib"});
    compare(cpu, "nanoseconds", {"-ignore=sort"}, {"--ignore", "sort"});
    compare(cpu, "nanoseconds", {"-hide=^runtime\\."}, {"--hide", "^runtime\\."});
    compare(cpu, "nanoseconds", {"-tagfocus=worker=a"}, {"--tagfocus", "worker=a"});
    compare(cpu, "nanoseconds", {"-tagignore=worker=a"}, {"--tagignore", "worker=a"});
    compare(heap, "bytes", {"-sample_index=alloc_space", "-focus=main"}, {"--sample-index", "alloc_space", "--focus", "main"});
    // pprof's filters see the names it shows: "go.shape.func(int)" is "go.shape.func" to them.
    const std::string generics = GOROSCOPE_TEST_DATA_DIR "/pprof/generics.pb.gz";
    compare(generics, "count", {"-focus=go\\.shape\\.func\\]$"}, {"--focus", "go\\.shape\\.func\\]$"});
    compare(generics, "count", {"-ignore=func \\]"}, {"--ignore", "func \\]"});
}

// Patterns are Go's regexps in both tools: syntax std::regex would refuse or read differently.
TEST_F(PprofReference, GoRegexSyntaxMeansTheSameAsInPprof)
{
    const std::string cpu = GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz";
    compare(cpu, "nanoseconds", {"-focus=(?i)MAIN\\.FIB"}, {"--focus", "(?i)MAIN\\.FIB"});
    compare(cpu, "nanoseconds", {"-ignore=Ordered\\[\\pL+\\.shape\\.int\\]\\z"},
            {"--ignore", "Ordered\\[\\pL+\\.shape\\.int\\]\\z"});
    compare(cpu, "nanoseconds", {"-hide=\\Q(*unwinder)\\E"}, {"--hide", "\\Q(*unwinder)\\E"});
    compare(cpu, "nanoseconds", {"-tagfocus=worker=(?i)B"}, {"--tagfocus", "worker=(?i)B"});
}

} // namespace
} // namespace gs::cli::test
