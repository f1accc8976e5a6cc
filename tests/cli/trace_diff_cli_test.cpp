// SPDX-License-Identifier: MIT
// `diff BEFORE AFTER` on two execution traces: its JSON checked against the per-goroutine numbers
// of `goroutines --json` and the per-type numbers of `regions --json` of each trace (which the
// reference tests check against go tool trace), a trace against itself, the text tables and the
// errors of mixed inputs.
#include "tests/cli/cli_test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>

namespace gs::cli::test {
namespace {

const std::string kGo126 = GOROSCOPE_TEST_DATA_DIR "/trace/go126_sched.trace";
const std::string kGo125 = GOROSCOPE_TEST_DATA_DIR "/trace/go125_sched.trace";
const std::string kGo127 = GOROSCOPE_TEST_DATA_DIR "/trace/go127_sched.trace";
const std::string kHostile = GOROSCOPE_TEST_DATA_DIR "/hostile/hostile.trace";
const std::string kDump = GOROSCOPE_TEST_DATA_DIR "/dumps/leak_before.txt";

// The scalar values of JSON as JsonWriter pretty-prints it (one key or element a line), by path:
// "start_functions/3/before/total_ns" -> "450"; strings keep their quotes, "{}" is an empty object.
std::map<std::string, std::string> leaves(const std::string& json)
{
    struct Open
    {
        std::string prefix; // the path of its members, "" or ending in '/'
        int nextElement;    // arrays: the index of the next element; objects: -1
    };
    std::map<std::string, std::string> out;
    std::vector<Open> open;
    std::istringstream in(json);
    for (std::string line; std::getline(in, line);) {
        line.erase(0, line.find_first_not_of(' '));
        if (!line.empty() && line.back() == ',')
            line.pop_back();
        if (line.empty())
            continue;
        if (line == "}" || line == "]") {
            open.pop_back();
            continue;
        }
        std::string path;
        std::string value = line;
        if (!open.empty() && open.back().nextElement >= 0) {
            path = open.back().prefix + std::to_string(open.back().nextElement++);
        } else if (!open.empty()) {
            size_t end = 1;
            while (line[end] != '"')
                end += line[end] == '\\' ? 2 : 1;
            path = open.back().prefix + line.substr(1, end - 1);
            value = line.substr(end + 3); // after `": `
        }
        if (value == "{" || value == "[")
            open.push_back({open.empty() ? "" : path + "/", value == "[" ? 0 : -1});
        else
            out[path] = value;
    }
    return out;
}

// How many elements the array at `prefix` ("" for the top level, else ending in '/') has.
size_t entries(const std::map<std::string, std::string>& json, const std::string& prefix)
{
    for (size_t n = 0;; ++n) {
        const std::string element = prefix + std::to_string(n) + "/";
        const auto it = json.lower_bound(element);
        if (it == json.end() || !it->first.starts_with(element))
            return n;
    }
}

std::map<std::string, std::string> jsonOf(const std::vector<std::string>& argv)
{
    const CliRun r = runCliCaptured(argv);
    EXPECT_EQ(r.code, 0) << r.err;
    return leaves(r.out);
}

struct Sums
{
    int64_t goroutines = 0;
    int64_t runningNs = 0;
    int64_t totalNs = 0;
};

// `goroutines --json` of one trace, summed per start function (quoted, as in the JSON).
std::map<std::string, Sums> sumsByStartFunction(const std::string& trace)
{
    const auto json = jsonOf({"goroutines", trace, "--json"});
    std::map<std::string, Sums> out;
    for (size_t i = 0, n = entries(json, ""); i < n; ++i) {
        const std::string g = std::to_string(i) + "/";
        Sums& s = out[json.at(g + "start_function")];
        ++s.goroutines;
        s.runningNs += std::stoll(json.at(g + "running_ns"));
        s.totalNs += std::stoll(json.at(g + "total_ns"));
    }
    return out;
}

// The side ("before" or "after") of entry `e` of a diff: its numbers, or nothing for null.
std::optional<Sums> side(const std::map<std::string, std::string>& json, const std::string& e,
                         const std::string& name)
{
    if (json.count(e + name) && json.at(e + name) == "null")
        return std::nullopt;
    return Sums {std::stoll(json.at(e + name + "/goroutines")), std::stoll(json.at(e + name + "/running_ns")),
                 std::stoll(json.at(e + name + "/total_ns"))};
}

TEST(TraceDiffCli, StartFunctionsSumTheGoroutinesOfEachTrace)
{
    const auto before = sumsByStartFunction(kGo126);
    const auto after = sumsByStartFunction(kGo125);
    const auto diff = jsonOf({"diff", kGo126, kGo125, "--json"});
    const size_t n = entries(diff, "start_functions/");
    std::map<std::string, Sums> names = before;
    names.insert(after.begin(), after.end());
    ASSERT_EQ(n, names.size());
    int64_t previousChange = INT64_MAX;
    bool anyChange = false;
    for (size_t i = 0; i < n; ++i) {
        const std::string e = "start_functions/" + std::to_string(i) + "/";
        const std::string function = diff.at(e + "function");
        const auto b = side(diff, e, "before");
        const auto a = side(diff, e, "after");
        ASSERT_EQ(b.has_value(), before.count(function) == 1) << function;
        ASSERT_EQ(a.has_value(), after.count(function) == 1) << function;
        const Sums zero;
        const Sums& wantBefore = b ? before.at(function) : zero;
        const Sums& wantAfter = a ? after.at(function) : zero;
        if (b) {
            EXPECT_EQ(b->goroutines, wantBefore.goroutines) << function;
            EXPECT_EQ(b->runningNs, wantBefore.runningNs) << function;
            EXPECT_EQ(b->totalNs, wantBefore.totalNs) << function;
        }
        if (a) {
            EXPECT_EQ(a->goroutines, wantAfter.goroutines) << function;
            EXPECT_EQ(a->runningNs, wantAfter.runningNs) << function;
            EXPECT_EQ(a->totalNs, wantAfter.totalNs) << function;
        }
        const Sums d = *side(diff, e, "difference");
        EXPECT_EQ(d.goroutines, wantAfter.goroutines - wantBefore.goroutines) << function;
        EXPECT_EQ(d.runningNs, wantAfter.runningNs - wantBefore.runningNs) << function;
        EXPECT_EQ(d.totalNs, wantAfter.totalNs - wantBefore.totalNs) << function;
        // Sorted by the size of the change of total time.
        EXPECT_LE(std::llabs(d.totalNs), previousChange) << function;
        previousChange = std::llabs(d.totalNs);
        anyChange = anyChange || d.totalNs != 0;
    }
    EXPECT_TRUE(anyChange) << "two runs of the program cannot take the same time to the nanosecond";
}

TEST(TraceDiffCli, RegionTypesAreThoseOfEachTrace)
{
    const auto before = jsonOf({"regions", kGo126, "--json"});
    const auto after = jsonOf({"regions", kGo127, "--json"});
    // type -> [count, p90] per side
    std::map<std::string, std::pair<std::string, std::string>> beforeTypes, afterTypes;
    for (auto [json, types] : {std::pair {&before, &beforeTypes}, {&after, &afterTypes}}) {
        for (size_t i = 0, n = entries(*json, ""); i < n; ++i) {
            const std::string t = std::to_string(i) + "/";
            (*types)[json->at(t + "type")] = {json->at(t + "count"), json->at(t + "p90_ns")};
        }
    }
    ASSERT_FALSE(beforeTypes.empty());
    const auto diff = jsonOf({"diff", kGo126, kGo127, "--json"});
    const size_t n = entries(diff, "region_types/");
    EXPECT_GE(n, beforeTypes.size());
    int64_t previousChange = INT64_MAX;
    for (size_t i = 0; i < n; ++i) {
        const std::string e = "region_types/" + std::to_string(i) + "/";
        const std::string type = diff.at(e + "type");
        int64_t p90[2] = {0, 0};
        for (auto [name, types, value] :
             {std::tuple {"before", &beforeTypes, &p90[0]}, std::tuple {"after", &afterTypes, &p90[1]}}) {
            const std::string side = e + name;
            const auto it = types->find(type);
            if (it == types->end()) {
                EXPECT_EQ(diff.at(side), "null") << type;
                continue;
            }
            EXPECT_EQ(diff.at(side + "/count"), it->second.first) << type;
            EXPECT_EQ(diff.at(side + "/p90_ns"), it->second.second) << type;
            *value = std::stoll(it->second.second);
        }
        const int64_t change = std::stoll(diff.at(e + "difference/p90_ns"));
        EXPECT_EQ(change, p90[1] - p90[0]) << type;
        EXPECT_LE(std::llabs(change), previousChange) << type;
        previousChange = std::llabs(change);
    }
}

TEST(TraceDiffCli, ATraceAgainstItselfHasNoDifference)
{
    const auto diff = jsonOf({"diff", kGo126, kGo126, "--json"});
    EXPECT_GT(entries(diff, "start_functions/"), 0u);
    EXPECT_GT(entries(diff, "region_types/"), 0u);
    size_t differences = 0;
    for (const auto& [path, value] : diff) {
        if (path.find("/difference/") == std::string::npos)
            continue;
        ++differences;
        EXPECT_TRUE(value == "0" || value == "{}") << path << " = " << value;
    }
    EXPECT_GT(differences, 0u);

    const CliRun text = runCliCaptured({"diff", kGo126, kGo126});
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_NE(text.out.find("(no start function changed)"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("(no region type changed)"), std::string::npos) << text.out;
}

// The rows of a text table: the lines between its column header and the next blank line.
std::vector<std::string> tableRows(const std::string& text, const std::string& header)
{
    std::vector<std::string> rows;
    std::istringstream in(text.substr(text.find(header)));
    std::string line;
    for (int skipped = 0; skipped < 3; ++skipped) // the title and two lines of column names
        std::getline(in, line);
    while (std::getline(in, line) && !line.empty())
        rows.push_back(line);
    return rows;
}

TEST(TraceDiffCli, TextTablesFollowTheJsonOrderAndHonourTheLimit)
{
    const auto json = jsonOf({"diff", kGo126, kGo127, "--json"});
    const CliRun r = runCliCaptured({"diff", kGo126, kGo127, "-n", "2"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto functions = tableRows(r.out, "Start functions");
    ASSERT_GE(functions.size(), 3u) << r.out; // two rows and "... and N more changed"
    std::string first = json.at("start_functions/0/function");
    first = first == "\"\"" ? "(unknown)" : first.substr(1, first.size() - 2);
    EXPECT_NE(functions[0].find("  " + first), std::string::npos) << functions[0];
    EXPECT_NE(functions[2].find("more changed"), std::string::npos) << functions[2];
    const auto regions = tableRows(r.out, "Region types");
    ASSERT_FALSE(regions.empty()) << r.out;
    std::string type = json.at("region_types/0/type");
    EXPECT_NE(regions[0].find(type), std::string::npos) << regions[0];
}

TEST(TraceDiffCli, HostileNamesStayOnTheirRow)
{
    const CliRun r = runCliCaptured({"diff", kGo126, kHostile});
    ASSERT_EQ(r.code, 0) << r.err;
    for (char c : r.out)
        EXPECT_TRUE(c == '\n' || static_cast<unsigned char>(c) >= 0x20) << "control byte " << int(c);
    EXPECT_NE(r.out.find("NEW "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("GONE "), std::string::npos) << r.out;
}

TEST(TraceDiffCli, MixedOrMissingInputsAreOneLineErrors)
{
    for (const auto& [before, after] : {std::pair {kGo126, kDump}, std::pair {kDump, kGo126}}) {
        const CliRun r = runCliCaptured({"diff", before, after});
        EXPECT_EQ(r.code, 1);
        EXPECT_TRUE(r.out.empty()) << r.out;
        EXPECT_NE(r.err.find("two execution traces or two goroutine dumps"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    }
    const CliRun missing = runCliCaptured({"diff", kGo126, kGo126 + ".missing"});
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.err.find(".missing"), std::string::npos) << missing.err;
    EXPECT_EQ(runCliCaptured({"diff", kGo126}).code, 2);
    EXPECT_EQ(runCliCaptured({"diff", kGo126, kGo127, "-n", "x"}).code, 2);
}

} // namespace
} // namespace gs::cli::test
