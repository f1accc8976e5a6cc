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

// pprof orders nodes that tie on flat (or cum) and on their printed name as a Go map iterates
// them, at random from run to run. Only -files makes such nodes (one per function start line of
// a file), so for -files reports ties are compared as sets: these put them in one order.
void sortTiedRows(std::vector<JsonTopRow>& rows)
{
    for (size_t i = 0; i < rows.size();) {
        size_t j = i + 1;
        while (j < rows.size() && rows[j].flat == rows[i].flat && rows[j].function == rows[i].function)
            ++j;
        std::sort(rows.begin() + long(i), rows.begin() + long(j), [](const JsonTopRow& a, const JsonTopRow& b) {
            return a.cum > b.cum;
        });
        i = j;
    }
}

// [start, end) of the whitespace-separated token `index` of `line`.
std::pair<size_t, size_t> tokenAt(const std::string& line, int index)
{
    size_t pos = 0;
    for (int k = 0;; ++k) {
        const size_t start = line.find_first_not_of(' ', pos);
        if (start == std::string::npos)
            return {line.size(), line.size()};
        const size_t end = std::min(line.find(' ', start), line.size());
        if (k == index)
            return {start, end};
        pos = end;
    }
}

// A line with its sum% column (the third) blanked, which depends only on the position of a row.
std::string withoutSum(const std::string& line)
{
    const auto [start, end] = tokenAt(line, 2);
    return line.substr(0, start) + std::string(end - start, '.') + line.substr(end);
}

std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// A -files report with tied rows (top) or tied blocks and edges (peek) in one order.
std::string canonicalFilesReport(const std::string& text)
{
    std::vector<std::string> lines = splitLines(text);
    std::string out;
    const std::string separator = "----------------------------------------------------------+-------------";
    if (std::find(lines.begin(), lines.end(), separator) != lines.end()) {
        // peek: blocks between separators, each callers, node, callees; every block sorted.
        std::vector<std::string> blocks;
        std::string block;
        std::vector<std::string> part;
        bool inBlocks = false;
        auto flushPart = [&] {
            std::sort(part.begin(), part.end());
            for (const std::string& l : part)
                block += l + "\n";
            part.clear();
        };
        for (const std::string& line : lines) {
            if (line == separator) {
                flushPart();
                if (inBlocks)
                    blocks.push_back(block);
                block.clear();
                inBlocks = true;
                continue;
            }
            if (!inBlocks) {
                out += line + "\n";
            } else if (line.find("                | ") != std::string::npos) {
                flushPart();
                block += withoutSum(line) + "\n";
            } else {
                part.push_back(line);
            }
        }
        std::sort(blocks.begin(), blocks.end());
        for (const std::string& b : blocks)
            out += separator + "\n" + b;
        return out;
    }
    // top: runs of rows with the same flat and name (without its inline mark) sorted.
    size_t i = 0;
    for (; i < lines.size(); ++i) {
        out += lines[i] + "\n";
        if (lines[i].find("flat%") != std::string::npos)
            break;
    }
    auto key = [](const std::string& line) {
        const auto [flatStart, flatEnd] = tokenAt(line, 0);
        std::string name = line.substr(tokenAt(line, 5).first);
        for (const std::string suffix : {" (inline)", " (partial-inline)"}) {
            if (name.ends_with(suffix))
                name.resize(name.size() - suffix.size());
        }
        return line.substr(flatStart, flatEnd - flatStart) + "|" + name;
    };
    for (++i; i < lines.size();) {
        size_t j = i + 1;
        while (j < lines.size() && key(lines[j]) == key(lines[i]))
            ++j;
        std::vector<std::string> run;
        for (size_t k = i; k < j; ++k)
            run.push_back(withoutSum(lines[k]));
        std::sort(run.begin(), run.end());
        for (const std::string& l : run)
            out += l + "\n";
        i = j;
    }
    return out;
}

bool hasFilesFlag(const std::vector<std::string>& args)
{
    return std::find(args.begin(), args.end(), "-files") != args.end()
           || std::find(args.begin(), args.end(), "--files") != args.end();
}

class PprofReference : public ::testing::Test
{
protected:
    void SetUp() override
    {
        GOROSCOPE_REQUIRE_GO_REFERENCE();
        m_pprof = gs::test::pprofCommand();
    }

    // Compares one report: same functions, same order, same flat and cum, percentages within
    // rounding of pprof's printed ones.
    void compare(const std::string& file, const std::string& unit, const std::vector<std::string>& pprofArgs,
                 const std::vector<std::string>& ourArgs)
    {
        std::string command = m_pprof + " -top -symbolize=remote -nodecount=100000000 -nodefraction=0 "
                              "-edgefraction=0 -unit="
                              + gs::test::shellQuote(unit);
        // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on " " + string.
        for (const std::string& a : pprofArgs)
            command.append(" ").append(gs::test::shellQuote(a));
        command.append(" ").append(gs::test::shellQuote(file));
        auto expected = parsePprofTop(gs::test::runCommand(command));

        std::vector<std::string> argv = {"top", file, "--json", "--nodefraction", "0"};
        argv.insert(argv.end(), ourArgs.begin(), ourArgs.end());
        const CliRun ours = runCliCaptured(argv);
        ASSERT_EQ(ours.code, 0) << ours.err;
        auto actual = parseTopJson(ours.out);
        if (hasFilesFlag(ourArgs)) {
            sortTiedRows(expected);
            sortTiedRows(actual);
        }

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

    // Compares whole text reports: {pprof arguments, our `top` arguments} per case. `report` is
    // pprof's report flag, whose name is also our command's ("top", "peek REGEX").
    void compareText(const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>>& cases,
                     const std::vector<std::string>& report = {"top"});

    std::string m_pprof;
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
    std::string command = m_pprof + " -top -symbolize=remote -unit=bytes";
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

void PprofReference::compareText(const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>>& cases,
                                 const std::vector<std::string>& report)
{
    for (const auto& [pprofArgs, ourArgs] : cases) {
        // pprof prints the profile time in the local zone; ours is UTC.
        std::string command = "TZ=UTC " + m_pprof + " -symbolize=remote";
        command.append(" -").append(report[0]);
        for (size_t i = 1; i < report.size(); ++i)
            command.append(" ").append(gs::test::shellQuote(report[i]));
        for (const std::string& a : pprofArgs)
            command.append(" ").append(gs::test::shellQuote(a));
        const std::string expected = gs::test::runCommand(command);
        std::vector<std::string> argv = report;
        argv.insert(argv.end(), ourArgs.begin(), ourArgs.end());
        const CliRun ours = runCliCaptured(argv);
        ++m_comparisons;
        if (expected.empty() && report[0] == "peek") {
            // Nothing matches at this granularity: pprof prints only an error, and so do we.
            EXPECT_EQ(ours.code, 1) << command;
            EXPECT_EQ(ours.out, "") << command;
            continue;
        }
        ASSERT_EQ(ours.code, 0) << ours.err;
        if (hasFilesFlag(ourArgs))
            EXPECT_EQ(canonicalFilesReport(ours.out), canonicalFilesReport(expected)) << command;
        else
            EXPECT_EQ(ours.out, expected) << command;
    }
}

// {pprof flags, our flags} of every granularity, alone and without inlines.
const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> kGranularities = {
    {{"-functions"}, {"--functions"}},
    {{"-files"}, {"--files"}},
    {{"-lines"}, {"--lines"}},
    {{"-addresses"}, {"--addresses"}},
    {{"-noinlines"}, {"--noinlines"}},
    {{"-files", "-noinlines"}, {"--files", "--noinlines"}},
    {{"-lines", "-noinlines"}, {"--lines", "--noinlines"}},
    {{"-addresses", "-noinlines"}, {"--addresses", "--noinlines"}},
};

// Every granularity's report of every fixture and sample type is pprof's, byte for byte.
TEST_F(PprofReference, GranularityTextReportOfEveryFixtureAndSampleType)
{
    std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> cases;
    for (const std::string& file : gs::test::fixtureFiles("pprof", {".pb.gz"})) {
        LoadContext context;
        auto store = loadFile(file, context);
        ASSERT_TRUE(store.ok()) << store.error().message;
        for (size_t i = 0; i < (*store)->profile->sampleTypes.size(); ++i) {
            for (const auto& [pprofFlags, ourFlags] : kGranularities) {
                std::vector<std::string> pprofArgs = pprofFlags, ourArgs = {file, "--sample-index", std::to_string(i)};
                pprofArgs.push_back("-sample_index=" + std::to_string(i));
                pprofArgs.push_back(file);
                ourArgs.insert(ourArgs.end(), ourFlags.begin(), ourFlags.end());
                cases.push_back({pprofArgs, ourArgs});
            }
        }
    }
    ASSERT_GE(cases.size(), 14u * kGranularities.size());
    compareText(cases);
}

// Raw values and every node too: flat, cum and order at each granularity, none dropped.
TEST_F(PprofReference, GranularityValuesOfEveryFixture)
{
    for (const std::string& file : gs::test::fixtureFiles("pprof", {".pb.gz"})) {
        LoadContext context;
        auto store = loadFile(file, context);
        ASSERT_TRUE(store.ok()) << store.error().message;
        const auto& profile = *(*store)->profile;
        const std::string& unit = profile.sampleTypes[profile.defaultSampleType].unit;
        for (const auto& [pprofFlags, ourFlags] : kGranularities)
            compare(file, unit, pprofFlags, ourFlags);
    }
    EXPECT_GE(m_comparisons, 9 * int(kGranularities.size()));
}

// peek: the callers and callees of the matching nodes, whole text: a few regexes on every fixture,
// and several granularities (a regex matching nothing at one is checked to print nothing).
TEST_F(PprofReference, PeekMatchesPprof)
{
    for (const std::string& file : gs::test::fixtureFiles("pprof", {".pb.gz"})) {
        // Several functions; one function; runtime internals reached from many places.
        for (const std::string regex : {"main\\.", "^main\\.main$", "runtime\\.(mallocgc|gopark|mcall)"})
            compareText({{{file}, {file}}, {{"-cum", file}, {file, "--cum"}}}, {"peek", regex});
        std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> cases;
        for (const auto& [pprofFlags, ourFlags] : kGranularities) {
            if (pprofFlags.size() > 1 || pprofFlags[0] == "-functions")
                continue;
            std::vector<std::string> pprofArgs = pprofFlags, ourArgs = {file};
            pprofArgs.push_back(file);
            ourArgs.insert(ourArgs.end(), ourFlags.begin(), ourFlags.end());
            cases.push_back({pprofArgs, ourArgs});
        }
        compareText(cases, {"peek", "main\\."});
    }
    EXPECT_GE(m_comparisons, 9 * 10);
}

// The filters see the profile's own functions before the nodes are regrouped, as in pprof: an
// anchored function name still focuses at line granularity, and hiding an inlined call's caller
// leaves the callee as the outermost function of the frame.
TEST_F(PprofReference, GranularityWithFiltersMatchesPprof)
{
    const std::string cpu = GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz";
    compareText({
        {{"-lines", "-focus=^main\\.fib$", cpu}, {cpu, "--lines", "--focus", "^main\\.fib$"}},
        {{"-noinlines", "-hide=^main\\.hashLoop$", cpu}, {cpu, "--noinlines", "--hide", "^main\\.hashLoop$"}},
        {{"-addresses", "-ignore=sort", "-tagfocus=worker=b", cpu},
         {cpu, "--addresses", "--ignore", "sort", "--tagfocus", "worker=b"}},
    });
}

TEST_F(PprofReference, PeekWithFiltersMatchesPprof)
{
    const std::string cpu = GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz";
    compareText({{{"-focus=main\\.fib", cpu}, {cpu, "--focus", "main\\.fib"}},
                 {{"-hide=runtime", "-tagfocus=worker=b", cpu}, {cpu, "--hide", "runtime", "--tagfocus", "worker=b"}}},
                {"peek", "main\\.(fib|spin)"});
}

// With no matching node pprof prints no report, only an error.
TEST_F(PprofReference, PeekWithoutMatchesPrintsNothing)
{
    const std::string cpu = GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz";
    std::string stderrText;
    std::string command = m_pprof + " -symbolize=remote -peek 'no\\.such' ";
    const std::string expected = gs::test::runCommand(command + gs::test::shellQuote(cpu), &stderrText);
    EXPECT_EQ(expected, "");
    EXPECT_NE(stderrText.find("no matches found for regexp: no\\.such"), std::string::npos) << stderrText;
    const CliRun ours = runCliCaptured({"peek", "no\\.such", cpu});
    EXPECT_EQ(ours.code, 1);
    EXPECT_EQ(ours.out, "");
    EXPECT_NE(ours.err.find("no matches found for regexp: no\\.such"), std::string::npos) << ours.err;
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

// Several sources merged, as pprof merges the files it is given: whole text reports of profiles
// merged with themselves and of two profiles of the same types (block and mutex: contentions and
// delay), and exact raw values.
TEST_F(PprofReference, MergedSourcesMatchPprof)
{
    const std::string data = GOROSCOPE_TEST_DATA_DIR "/pprof/";
    const std::string cpu = data + "cpu.pb.gz", block = data + "block.pb.gz", mutex = data + "mutex.pb.gz";
    const std::string heap = data + "heap.pb.gz", allocs = data + "allocs.pb.gz", goroutine = data + "goroutine.pb.gz";
    compareText({
        {{cpu, cpu}, {cpu, cpu}},
        {{block, block}, {block, block}},
        {{block, mutex}, {block, mutex}},
        {{"-cum", "-sample_index=0", mutex, block}, {mutex, block, "--cum", "--sample-index", "0"}},
        {{"-sample_index=alloc_objects", heap, allocs}, {heap, allocs, "--sample-index", "alloc_objects"}},
        {{goroutine, goroutine, goroutine}, {goroutine, goroutine, goroutine}},
        {{"-lines", block, mutex}, {block, mutex, "--lines"}},
    });
    compareText({{{block, mutex}, {block, mutex}}}, {"peek", "main\\."});
    compare(cpu, "nanoseconds", {cpu}, {cpu});
    compare(block, "nanoseconds", {mutex}, {mutex});
}

// -base subtracts the base (negative values stay, percentages of the difference's absolute
// total); -diff_base too, but percentages are of the base's total.
TEST_F(PprofReference, BaseAndDiffBaseMatchPprof)
{
    const std::string data = GOROSCOPE_TEST_DATA_DIR "/pprof/";
    const std::string cpu = data + "cpu.pb.gz", block = data + "block.pb.gz", mutex = data + "mutex.pb.gz";
    const std::string heap = data + "heap.pb.gz", allocs = data + "allocs.pb.gz";
    compareText({
        {{"-base", mutex, block}, {block, "--base", mutex}},
        {{"-diff_base", mutex, block}, {block, "--diff-base", mutex}},
        {{"-diff_base", block, mutex}, {mutex, "--diff-base", block}},
        {{"-cum", "-diff_base", mutex, block}, {block, "--cum", "--diff-base", mutex}},
        {{"-lines", "-focus=main", "-diff_base", mutex, block}, {block, "--lines", "--focus", "main", "--diff-base", mutex}},
        // The same samples: everything cancels out, and the reports are empty.
        {{"-base", allocs, heap}, {heap, "--base", allocs}},
        {{"-diff_base", allocs, heap}, {heap, "--diff-base", allocs}},
        {{"-base", cpu, cpu, cpu}, {cpu, cpu, "--base", cpu}},
    });
    compareText({{{"-diff_base", mutex, block}, {block, "--diff-base", mutex}}}, {"peek", "main\\."});
    // Exact values too, in the sample type's own unit (pprof prints a negative value's percentage
    // unsigned, our JSON signed: the text reports above compare those).
    compareText({{{"-unit=nanoseconds", "-base", mutex, block}, {block, "--unit", "nanoseconds", "--base", mutex}},
                 {{"-unit=nanoseconds", "-diff_base", mutex, block}, {block, "--unit", "nanoseconds", "--diff-base", mutex}}});
}

// -mean (each value divided by the contention count), -unit and -divide_by.
TEST_F(PprofReference, MeanUnitAndDivideByMatchPprof)
{
    const std::string data = GOROSCOPE_TEST_DATA_DIR "/pprof/";
    const std::string cpu = data + "cpu.pb.gz", block = data + "block.pb.gz", mutex = data + "mutex.pb.gz";
    const std::string heap = data + "heap.pb.gz";
    compareText({
        {{"-mean", block}, {block, "--mean"}},
        {{"-mean", mutex}, {mutex, "--mean"}},
        {{"-mean", "-cum", block, mutex}, {block, mutex, "--mean", "--cum"}},
        {{"-mean", "-addresses", block}, {block, "--mean", "--addresses"}},
        {{"-mean", "-unit=ms", block}, {block, "--mean", "--unit", "ms"}},
        {{"-unit=ms", cpu}, {cpu, "--unit", "ms"}},
        {{"-unit=s", cpu}, {cpu, "--unit", "s"}},
        {{"-divide_by=2", cpu}, {cpu, "--divide-by", "2"}},
        {{"-unit=MB", "-divide_by=3", heap}, {heap, "--unit", "MB", "--divide-by", "3"}},
        {{"-divide_by=0.5", "-base", mutex, block}, {block, "--divide-by", "0.5", "--base", mutex}},
    });
    compareText({{{"-mean", block}, {block, "--mean"}}, {{"-unit=s", "-divide_by=4", cpu, cpu}, {cpu, cpu, "--unit", "s", "--divide-by", "4"}}},
                {"peek", "main\\."});
}

// Profiles with no sample type in common do not merge: one line naming the file, no report.
TEST_F(PprofReference, ProfilesOfOtherTypesDoNotMerge)
{
    const std::string data = GOROSCOPE_TEST_DATA_DIR "/pprof/";
    std::string stderrText;
    const std::string pprofOut = gs::test::runCommand(m_pprof + " -top " + data + "cpu.pb.gz "
                                                          + data + "heap.pb.gz",
                                                      &stderrText);
    EXPECT_EQ(pprofOut, "");
    EXPECT_NE(stderrText.find("profiles have empty common sample type list"), std::string::npos) << stderrText;
    for (const std::vector<std::string>& argv :
         {std::vector<std::string> {"top", data + "cpu.pb.gz", data + "heap.pb.gz"},
          std::vector<std::string> {"top", data + "cpu.pb.gz", "--base", data + "heap.pb.gz"}}) {
        const CliRun ours = runCliCaptured(argv);
        EXPECT_EQ(ours.code, 1);
        EXPECT_EQ(ours.out, "");
        EXPECT_EQ(ours.err, "goroscope-cli: " + data + "heap.pb.gz: profiles have empty common sample type list\n");
    }
}

} // namespace
} // namespace gs::cli::test
