// SPDX-License-Identifier: MIT
// `tasks`, `regions` and `logs`: the shape of their JSON and text output, checked against the
// store's annotations (whose numbers tests/trace/user_annotations_reference_test.cpp checks against
// go tool trace), and hostile names kept on one line.
#include "core/analysis/user_annotations.h"
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/cli/cli_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

namespace gs::cli::test {
namespace {

const std::string kSched = GOROSCOPE_TEST_DATA_DIR "/trace/go126_sched.trace";
const std::string kFlight = GOROSCOPE_TEST_DATA_DIR "/trace/go126_flight.trace";
const std::string kHostile = GOROSCOPE_TEST_DATA_DIR "/hostile/hostile.trace";

StorePtr load(const std::string& path)
{
    LoadContext ctx;
    auto loaded = loadFile(path, ctx);
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return loaded.ok() ? std::move(*loaded) : nullptr;
}

std::vector<std::smatch> matches(const std::string& text, const std::regex& re)
{
    std::vector<std::smatch> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back(*it);
    return out;
}

// "null" or the number, as the commands write an optional value.
std::string orNull(bool present, int64_t value)
{
    return present ? std::to_string(value) : "null";
}

// A command's output on a trace, with the trace's store to check it against.
struct RunOnTrace
{
    CliRun run;
    StorePtr store;
};

RunOnTrace runOn(const std::vector<std::string>& argv)
{
    RunOnTrace r {runCliCaptured(argv), load(argv[1])};
    EXPECT_EQ(r.run.code, 0) << r.run.err;
    return r;
}

size_t lineCount(const std::string& s)
{
    return size_t(std::count(s.begin(), s.end(), '\n'));
}

bool hasControlBytes(const std::string& s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return (unsigned char)c < 0x20 && c != '\n'; });
}

TEST(CliTasks, JsonHasEveryTaskWithItsGoroutinesAndLogs)
{
    for (const std::string& path : {kSched, kFlight}) {
        SCOPED_TRACE(path);
        const auto [r, store] = runOn({"tasks", path, "--json"});
        ASSERT_TRUE(store);
        const TraceData& t = *store->trace;
        const std::vector<TaskSummary> tasks = summarizeTasks(t);
        ASSERT_FALSE(tasks.empty());
        static const std::regex kTask(R"re(\{\s*"id": (\d+),\s*"type": "([^"\\]*)",\s*"parent": (null|\d+),)re"
                                      R"re(\s*"start_ns": (null|\d+),\s*"end_ns": (null|\d+),)re"
                                      R"re(\s*"goroutines": \[([\s\d,]*)\],\s*"logs": (\d+)\s*\})re");
        const auto rows = matches(r.out, kTask);
        ASSERT_EQ(rows.size(), tasks.size()) << r.out;
        for (size_t i = 0; i < rows.size(); ++i) {
            const UserTask& task = *tasks[i].task;
            EXPECT_EQ(rows[i][1].str(), std::to_string(task.id));
            EXPECT_EQ(rows[i][2].str(), store->symbols.strings.get(task.name));
            EXPECT_EQ(rows[i][3].str(), orNull(task.parent != 0, int64_t(task.parent)));
            EXPECT_EQ(rows[i][4].str(), orNull(task.start >= 0, task.start - t.startNs));
            EXPECT_EQ(rows[i][5].str(), orNull(task.end >= 0, task.end - t.startNs));
            std::string goroutines;
            for (int64_t g : tasks[i].goroutines)
                goroutines += (goroutines.empty() ? "" : ",") + std::to_string(g);
            EXPECT_EQ(std::regex_replace(rows[i][6].str(), std::regex(R"(\s)"), ""), goroutines);
            EXPECT_EQ(rows[i][7].str(), std::to_string(tasks[i].logs));
        }
    }
    // The flight recording begins after task 10 did: its start is not in the trace.
    const CliRun flight = runCliCaptured({"tasks", kFlight, "--json"});
    EXPECT_NE(flight.out.find("\"id\": 10,\n    \"type\": \"\",\n    \"parent\": null,\n    \"start_ns\": null,"),
              std::string::npos)
        << flight.out;
}

TEST(CliTasks, TextIsATableWithOneLinePerTask)
{
    const auto [r, store] = runOn({"tasks", kSched});
    ASSERT_TRUE(store);
    EXPECT_EQ(lineCount(r.out), summarizeTasks(*store->trace).size() + 1);
    EXPECT_EQ(r.out.rfind("ID      Parent        Start        End   Duration  Goroutines  Logs  Type\n", 0), 0u)
        << r.out;
    EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\n1 +- +\S+ +\S+ +\S+ +2 +6  "sched"\n)"))) << r.out;
}

TEST(CliRegions, JsonHasTheStatisticsAndEveryInstanceOfEachType)
{
    const auto [r, store] = runOn({"regions", kSched, "--json"});
    ASSERT_TRUE(store);
    const TraceData& t = *store->trace;
    const auto types = summarizeRegions(t, store->symbols.strings);
    ASSERT_EQ(types.size(), 1u);
    const RegionTypeSummary& item = types[0];
    std::string expected = "\"type\": \"item\",\n    \"count\": " + std::to_string(item.instances.size())
                           + ",\n    \"total_ns\": " + std::to_string(item.totalNs)
                           + ",\n    \"p50_ns\": " + std::to_string(item.p50Ns)
                           + ",\n    \"p90_ns\": " + std::to_string(item.p90Ns)
                           + ",\n    \"p99_ns\": " + std::to_string(item.p99Ns)
                           + ",\n    \"max_ns\": " + std::to_string(item.maxNs) + ",\n    \"instances\": [\n";
    EXPECT_NE(r.out.find(expected), std::string::npos) << r.out.substr(0, 400);
    static const std::regex kInstance(R"re(\{\s*"goroutine": (\d+),\s*"task": (null|\d+),)re"
                                      R"re(\s*"start_ns": (\d+),\s*"end_ns": (\d+)\s*\})re");
    const auto rows = matches(r.out, kInstance);
    ASSERT_EQ(rows.size(), item.instances.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        const UserRegion& region = *item.instances[i];
        EXPECT_EQ(rows[i][1].str(), std::to_string(region.goroutine));
        EXPECT_EQ(rows[i][2].str(), orNull(region.task != 0, int64_t(region.task)));
        EXPECT_EQ(rows[i][3].str(), std::to_string(region.start - t.startNs));
        EXPECT_EQ(rows[i][4].str(), std::to_string(region.end - t.startNs));
    }
}

TEST(CliRegions, TextHasOneRowPerType)
{
    const CliRun r = runCliCaptured({"regions", kSched});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(lineCount(r.out), 2u) << r.out;
    EXPECT_EQ(r.out.rfind("   Count      Total        p50        p90        p99        Max  Type\n", 0), 0u) << r.out;
    EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\n +[1-9]\d*( +\S+){5}  "item"\n)"))) << r.out;
}

TEST(CliLogs, JsonHasEveryLogInTraceOrder)
{
    const auto [r, store] = runOn({"logs", kSched, "--json"});
    ASSERT_TRUE(store);
    const TraceData& t = *store->trace;
    static const std::regex kLog(R"re(\{\s*"time_ns": (\d+),\s*"goroutine": (\d+),\s*"task": (null|\d+),)re"
                                 R"re(\s*"category": "([^"\\]*)",\s*"message": "([^"\\]*)"\s*\})re");
    const auto rows = matches(r.out, kLog);
    ASSERT_EQ(rows.size(), t.logs.size());
    ASSERT_FALSE(rows.empty());
    for (size_t i = 0; i < rows.size(); ++i) {
        const UserLog& l = t.logs[i];
        EXPECT_EQ(rows[i][1].str(), std::to_string(l.time - t.startNs));
        EXPECT_EQ(rows[i][2].str(), std::to_string(l.goroutine));
        EXPECT_EQ(rows[i][3].str(), orNull(l.task != 0, int64_t(l.task)));
        EXPECT_EQ(rows[i][4].str(), store->symbols.strings.get(l.category));
        EXPECT_EQ(rows[i][5].str(), store->symbols.strings.get(l.message));
    }
    EXPECT_EQ(rows.front()[5].str(), "start");
}

TEST(CliLogs, TextHasOneLinePerLog)
{
    const auto [r, store] = runOn({"logs", kSched});
    ASSERT_TRUE(store);
    EXPECT_EQ(lineCount(r.out), store->trace->logs.size() + 1);
    EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\n +\S+ +1 +1  "phase" +start\n)"))) << r.out;
}

TEST(CliAnnotations, HostileNamesStayOnOneLineEscaped)
{
    const StorePtr store = load(kHostile);
    ASSERT_TRUE(store);
    const TraceData& t = *store->trace;
    ASSERT_FALSE(t.tasks.empty());
    const std::pair<const char*, size_t> commands[] = {
        {"tasks", summarizeTasks(t).size()},
        {"regions", summarizeRegions(t, store->symbols.strings).size()},
        {"logs", t.logs.size()},
    };
    for (const auto& [command, rows] : commands) {
        SCOPED_TRACE(command);
        const CliRun text = runCliCaptured({command, kHostile});
        ASSERT_EQ(text.code, 0) << text.err;
        EXPECT_EQ(lineCount(text.out), rows + 1) << text.out;
        EXPECT_FALSE(hasControlBytes(text.out));
        EXPECT_NE(text.out.find(R"("Hc1\x1b\x07\x7f\u0085end")"), std::string::npos) << text.out;
        EXPECT_NE(text.out.find(R"("Hb1\u202eevil\u2066end")"), std::string::npos);
        EXPECT_NE(text.out.find(R"("Hi1\xff\xfeend")"), std::string::npos);
        const CliRun json = runCliCaptured({command, kHostile, "--json"});
        ASSERT_EQ(json.code, 0) << json.err;
        EXPECT_FALSE(hasControlBytes(json.out));
        EXPECT_NE(json.out.find(R"("Hc1\u001b\u0007)"), std::string::npos);
        EXPECT_NE(json.out.find(R"("<b>Hm1<i>it<img src=\"hostile.png\">&amp;end")"), std::string::npos);
    }
}

TEST(CliAnnotations, ExplainWhatIsWrongInOneLine)
{
    for (const char* command : {"tasks", "regions", "logs"}) {
        SCOPED_TRACE(command);
        CliRun r = runCliCaptured({command, GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz"});
        EXPECT_EQ(r.code, 1);
        EXPECT_EQ(r.err, "goroscope-cli: " GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz: " + std::string(command)
                             + " needs an execution trace, this is pprof\n");
        r = runCliCaptured({command});
        EXPECT_EQ(r.code, 2);
        EXPECT_EQ(lineCount(r.err), 1u);
        r = runCliCaptured({command, kSched, "--bogus"});
        EXPECT_EQ(r.code, 2);
        EXPECT_EQ(lineCount(r.err), 1u);
    }
}

} // namespace
} // namespace gs::cli::test
