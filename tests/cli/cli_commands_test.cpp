// SPDX-License-Identifier: MIT
#include "tests/cli/cli_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace gs::cli::test {
namespace {

namespace fs = std::filesystem;

const std::string kCpu = GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz";
const std::string kHeap = GOROSCOPE_TEST_DATA_DIR "/pprof/heap.pb.gz";

std::string readText(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path tempPath(const std::string& suffix)
{
    return fs::temp_directory_path()
           / ("goroscope_cli_test_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())
              + suffix);
}

size_t lineCount(const std::string& s)
{
    return size_t(std::count(s.begin(), s.end(), '\n'));
}

TEST(Cli, VersionPrintsTheProjectVersion)
{
    const CliRun r = runCliCaptured({"--version"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "goroscope-cli " GOROSCOPE_VERSION "\n");
    EXPECT_EQ(r.err, "");
}

TEST(CliInfo, JsonShape)
{
    const CliRun r = runCliCaptured({"info", kHeap, "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(r.err.empty());
    EXPECT_NE(r.out.find("\"format\": \"pprof\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"sample_types\": [\n    \"alloc_objects/count\",\n    \"alloc_space/bytes\",\n    "
                         "\"inuse_objects/count\",\n    \"inuse_space/bytes\"\n  ]"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("\"default_sample_type\": \"inuse_space/bytes\""), std::string::npos);
    EXPECT_TRUE(std::regex_search(r.out, std::regex("\"samples\": [1-9][0-9]*,")));
    EXPECT_TRUE(std::regex_search(r.out, std::regex("\"period\": 4096,")));
    EXPECT_EQ(r.out.front(), '{');
    EXPECT_EQ(r.out.substr(r.out.size() - 2), "}\n");
}

TEST(CliInfo, Text)
{
    const CliRun r = runCliCaptured({"info", kCpu});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Format: pprof\n"), std::string::npos);
    EXPECT_NE(r.out.find("Sample types: samples/count, cpu/nanoseconds (default)\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Period: 10000000 cpu/nanoseconds\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Duration: "), std::string::npos);
}

TEST(CliTop, JsonShapeAndTotals)
{
    const CliRun r = runCliCaptured({"top", kCpu, "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.front(), '[');
    const auto rows = parseTopJson(r.out);
    ASSERT_FALSE(rows.empty());
    // Flat values of all functions sum to the total, and each row is sorted by flat.
    int64_t flat = 0;
    double percent = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        flat += rows[i].flat;
        percent += rows[i].flatPercent;
        EXPECT_LE(rows[i].flat, rows[i].cum);
        if (i > 0) {
            EXPECT_GE(rows[i - 1].flat, rows[i].flat);
        }
    }
    EXPECT_NEAR(percent, 100.0, 0.5);
    EXPECT_EQ(flat % 10000000, 0); // cpu nanoseconds are multiples of the period
}

TEST(CliTop, TextTableAndLimit)
{
    const CliRun r = runCliCaptured({"top", kCpu, "-n", "3", "--sample-index", "samples"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("      flat  flat%   sum%        cum   cum%\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Type: samples\n"), std::string::npos);
    EXPECT_NE(r.out.find("Showing top 3 nodes out of "), std::string::npos) << r.out;
    const std::string table = r.out.substr(r.out.find("cum%\n") + 5);
    EXPECT_EQ(lineCount(table), 3u) << table;
}

TEST(CliTop, FocusKeepsPercentagesOfTheWholeProfile)
{
    // As pprof: filters drop samples, but percentages stay relative to the whole profile.
    auto cumPercentOf = [](const std::vector<JsonTopRow>& rows, const std::string& fn) {
        for (const auto& row : rows) {
            if (row.function == fn)
                return row.cumPercent;
        }
        return -1.0;
    };
    const CliRun all = runCliCaptured({"top", kCpu, "--json"});
    const CliRun focused = runCliCaptured({"top", kCpu, "--json", "--focus", "main\\.fib"});
    ASSERT_EQ(focused.code, 0) << focused.err;
    const double before = cumPercentOf(parseTopJson(all.out), "main.fib");
    EXPECT_GT(before, 0);
    EXPECT_LT(before, 100);
    EXPECT_EQ(cumPercentOf(parseTopJson(focused.out), "main.fib"), before);
}

TEST(CliFlame, FoldedPreservesTotals)
{
    const fs::path out = tempPath(".folded");
    const CliRun r = runCliCaptured({"flame", kCpu, "-o", out.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string folded = readText(out);
    fs::remove(out);
    std::istringstream in(folded);
    std::string line;
    int64_t sum = 0;
    size_t lines = 0;
    while (std::getline(in, line)) {
        const size_t space = line.rfind(' ');
        ASSERT_NE(space, std::string::npos) << line;
        EXPECT_EQ(line.find('\n'), std::string::npos);
        sum += std::stoll(line.substr(space + 1));
        ++lines;
    }
    EXPECT_GT(lines, 5u);
    EXPECT_NE(folded.find("runtime/pprof.Do;main.writeCPU.func1;main.spin;main.fib;main.fib"), std::string::npos);
    EXPECT_NE(folded.find(";main.hashLoop;main.mix "), std::string::npos);
    const auto rows = parseTopJson(runCliCaptured({"top", kCpu, "--json"}).out);
    int64_t total = 0;
    for (const auto& row : rows)
        total += row.flat;
    EXPECT_EQ(sum, total);
}

TEST(CliFlame, SvgIsStandaloneAndEscaped)
{
    const fs::path out = tempPath(".svg");
    const CliRun r = runCliCaptured({"flame", kHeap, "-o", out.string(), "--sample-index", "alloc_space"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string svg = readText(out);
    fs::remove(out);
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
    EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
    EXPECT_NE(svg.find("</svg>\n"), std::string::npos);
    EXPECT_NE(svg.find("<title>main.allocList ("), std::string::npos);
    // No raw '&' in text: every one starts an entity.
    EXPECT_FALSE(std::regex_search(svg, std::regex(">[^<]*&(?!amp;|lt;|gt;|quot;|apos;)[^<]*<")));
}

// The flame graph takes pprof's granularity like top: frames are then functions at a line.
TEST(CliFlame, FoldedStacksAtLineGranularity)
{
    const fs::path out = tempPath(".folded");
    const CliRun r = runCliCaptured({"flame", kCpu, "-o", out.string(), "--lines"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string folded = readText(out);
    fs::remove(out);
    EXPECT_NE(folded.find("main.hashLoop goroscope/gen/pprof/main.go:34"), std::string::npos);
}

// Several FILEs are merged as pprof merges them: the same stacks with twice the weight.
int64_t foldedSum(const std::string& folded)
{
    std::istringstream in(folded);
    std::string line;
    int64_t sum = 0;
    while (std::getline(in, line))
        sum += std::stoll(line.substr(line.rfind(' ') + 1));
    return sum;
}

TEST(CliFlame, FlameOfAProfileMergedWithItselfHasTwiceTheWeight)
{
    const fs::path one = tempPath("_one.folded"), two = tempPath("_two.folded");
    ASSERT_EQ(runCliCaptured({"flame", kCpu, "-o", one.string()}).code, 0);
    const CliRun r = runCliCaptured({"flame", kCpu, kCpu, "-o", two.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    const int64_t single = foldedSum(readText(one)), merged = foldedSum(readText(two));
    fs::remove(one);
    fs::remove(two);
    EXPECT_GT(single, 0);
    EXPECT_EQ(merged, 2 * single);
}

TEST(CliFlame, FlameTooltipsTakeTheUnitAndDivisor)
{
    const fs::path out = tempPath(".svg");
    const CliRun r = runCliCaptured({"flame", kCpu, "-o", out.string(), "--unit", "ms", "--divide-by", "2"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string svg = readText(out);
    fs::remove(out);
    // cpu.pb.gz holds 980ms of samples.
    EXPECT_NE(svg.find("<title>all (490ms,"), std::string::npos);
}

TEST(CliErrors, GranularityNeedsOneChoiceAndAPprofProfile)
{
    CliRun r = runCliCaptured({"top", kCpu, "--files", "--lines"});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(lineCount(r.err), 1u) << r.err;
    r = runCliCaptured({"top", GOROSCOPE_TEST_DATA_DIR "/dumps/perf.folded", "--lines"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("need a pprof profile"), std::string::npos) << r.err;
}

TEST(CliErrors, OneLineForMissingFile)
{
    const CliRun r = runCliCaptured({"top", "/nonexistent/cpu.pb.gz"});
    EXPECT_NE(r.code, 0);
    EXPECT_EQ(lineCount(r.err), 1u);
    EXPECT_EQ(r.err.rfind("goroscope-cli: /nonexistent/cpu.pb.gz: cannot open", 0), 0u) << r.err;
}

TEST(CliErrors, OneLineWithOffsetForCorruptProfile)
{
    const fs::path bad = tempPath(".pb");
    {
        // One sample type declared, then a sample (at byte 6) with two values.
        std::ofstream f(bad, std::ios::binary);
        const unsigned char bytes[] = {0x0a, 0x04, 0x08, 0x01, 0x10, 0x02, 0x12, 0x04, 0x10, 0x05, 0x10,
                                       0x06, 0x32, 0x00, 0x32, 0x01, 'a', 0x32, 0x01, 'b'};
        f.write(reinterpret_cast<const char*>(bytes), sizeof bytes);
    }
    const CliRun r = runCliCaptured({"info", bad.string()});
    fs::remove(bad);
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(lineCount(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(": at byte 6: sample 0 has 2 values, but the profile has 1 sample types"), std::string::npos)
        << r.err;
}

TEST(CliErrors, UnknownSampleIndexAndBadOptions)
{
    CliRun r = runCliCaptured({"top", kCpu, "--sample-index", "nope"});
    EXPECT_NE(r.code, 0);
    EXPECT_EQ(lineCount(r.err), 1u);
    EXPECT_NE(r.err.find("\"samples\", \"cpu\""), std::string::npos) << r.err;
    r = runCliCaptured({"top", kCpu, "--bogus"});
    EXPECT_NE(r.code, 0);
    EXPECT_EQ(lineCount(r.err), 1u);
    r = runCliCaptured({"flame", kCpu});
    EXPECT_NE(r.code, 0);
    EXPECT_EQ(lineCount(r.err), 1u);
    r = runCliCaptured({"top", kCpu, "--tagfocus", "novalue"});
    EXPECT_NE(r.code, 0);
    EXPECT_EQ(lineCount(r.err), 1u);
    r = runCliCaptured({"top", kCpu, "--focus", "("});
    EXPECT_NE(r.code, 0);
    EXPECT_EQ(lineCount(r.err), 1u) << r.err;
}

TEST(CliGraph, DotFileOfAProfileAndOfOtherStackSources)
{
    const fs::path out = tempPath(".dot");
    CliRun r = runCliCaptured({"graph", kCpu, "-o", out.string(), "--nodecount", "10"});
    ASSERT_EQ(r.code, 0) << r.err;
    std::string dot = readText(out);
    EXPECT_EQ(dot.rfind("digraph \"genpprof\" {\n", 0), 0u);
    EXPECT_NE(dot.find("\nN1 [label=\""), std::string::npos);
    EXPECT_NE(dot.find("Showing top "), std::string::npos);
    EXPECT_TRUE(dot.ends_with("}\n"));
    // Folded stacks have no binary: pprof's graph is then "unnamed".
    r = runCliCaptured({"graph", GOROSCOPE_TEST_DATA_DIR "/dumps/perf.folded", "-o", out.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    dot = readText(out);
    fs::remove(out);
    EXPECT_EQ(dot.rfind("digraph \"unnamed\" {\n", 0), 0u);
    EXPECT_NE(dot.find(" -> N"), std::string::npos);
}

// -o OUT.svg lays the same graph out with Graphviz and writes it as the Graph view draws it.
TEST(CliGraph, SvgOfTheSameGraph)
{
    const fs::path out = tempPath(".svg");
    const CliRun r = runCliCaptured({"graph", kCpu, "-o", out.string(), "--nodecount", "10"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string svg = readText(out);
    fs::remove(out);
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
    EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
    EXPECT_NE(svg.find("Showing top "), std::string::npos);
    EXPECT_NE(svg.find("</svg>"), std::string::npos);
}

TEST(CliErrors, GraphOptions)
{
    for (const std::vector<std::string>& argv : std::vector<std::vector<std::string>> {
             {"graph", kCpu},
             {"graph", kCpu, "-o", "x.png"},
             {"graph", kCpu, "-o", "-", "--nodecount", "many"},
             {"graph", kCpu, "-o", "-", "--edgefraction", "2"},
             {"graph", kCpu, "-o", "-", "--nodefraction", "-0.1"},
             {"graph", "/nonexistent/cpu.pb.gz", "-o", "-"},
             {"graph", kCpu, "-o", "/nonexistent/dir/x.dot"},
         }) {
        const CliRun r = runCliCaptured(argv);
        EXPECT_NE(r.code, 0) << ::testing::PrintToString(argv);
        EXPECT_EQ(r.out, "") << ::testing::PrintToString(argv);
        EXPECT_EQ(lineCount(r.err), 1u) << r.err;
    }
}

} // namespace
} // namespace gs::cli::test
