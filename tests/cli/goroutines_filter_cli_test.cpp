// SPDX-License-Identifier: MIT
// `goroutines FILE` with the state-transition filter options, on the filter fixtures whose
// sidecars say which goroutine did what: every option keeps the goroutines it should, the issue's
// example command works as written, and a bad value is one line naming its option (exit 2).
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/cli/cli_test_support.h"
#include "tests/support/filter_fixture.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

namespace gs::cli::test {
namespace {

using Ids = std::set<int64_t>;

const std::string kTrace = GOROSCOPE_TEST_DATA_DIR "/filter/go126_filter.trace";

// The "id" of every object of `goroutines --json`.
Ids jsonIds(const std::string& json)
{
    static const std::regex id(R"re(\{\s*"id": (\d+),)re");
    Ids ids;
    for (auto it = std::sregex_iterator(json.begin(), json.end(), id); it != std::sregex_iterator(); ++it)
        ids.insert(std::stoll((*it)[1]));
    return ids;
}

class GoroutinesFilterCli : public ::testing::Test
{
protected:
    // IDs kept by `goroutines kTrace ARGS --json`.
    Ids kept(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {"goroutines", kTrace});
        args.push_back("--json");
        const CliRun r = runCliCaptured(args);
        EXPECT_EQ(r.code, 0) << r.err;
        EXPECT_TRUE(r.err.empty()) << r.err;
        return jsonIds(r.out);
    }

    // Those of them that are the program's roles.
    Ids keptRoles(std::vector<std::string> args) const
    {
        Ids ids;
        for (int64_t id : kept(std::move(args))) {
            for (const auto& f : m_fixture.goroutines) {
                if (f.id == id)
                    ids.insert(id);
            }
        }
        return ids;
    }

    Ids roles(std::initializer_list<const char*> names) const
    {
        Ids ids;
        for (const char* name : names)
            ids.insert(m_fixture.role(name).id);
        return ids;
    }

    fixtures::FilterFixture m_fixture = fixtures::readFilterFixture(kTrace);
};

TEST_F(GoroutinesFilterCli, TheIssuesExampleCommand)
{
    const std::vector<std::string> filter = {"--state",        "waiting",      "--transition", "running->waiting",
                                             "--reason",       "chan receive", "--min-duration", "10ms",
                                             "--stack-regex", "main\\.awaitMessage"};
    std::vector<std::string> json = {"goroutines", kTrace};
    json.insert(json.end(), filter.begin(), filter.end());
    json.push_back("--json");
    const CliRun r = runCliCaptured(json);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(r.err.empty());
    EXPECT_EQ(jsonIds(r.out), roles({"slow_receiver", "late_receiver", "leaked_receiver"}));
    // The objects keep every field of the unfiltered output.
    for (const char* key : {"\"start_function\": ", "\"creator\": ", "\"running_ns\": ", "\"runnable_ns\": ",
                            "\"syscall_ns\": ", "\"syscall_blocked_ns\": ", "\"waiting_ns\": {", "\"total_ns\": ",
                            "\"created_ns\": ", "\"end_ns\": "}) {
        size_t count = 0;
        for (size_t p = r.out.find(key); p != std::string::npos; p = r.out.find(key, p + 1))
            ++count;
        EXPECT_EQ(count, 3u) << key;
    }

    std::vector<std::string> text = {"goroutines", kTrace};
    text.insert(text.end(), filter.begin(), filter.end());
    const CliRun t = runCliCaptured(text);
    ASSERT_EQ(t.code, 0) << t.err;
    EXPECT_NE(t.out.find("main.slowReceiver"), std::string::npos) << t.out;
    EXPECT_EQ(t.out.find("main.quickReceiver"), std::string::npos) << t.out;
    EXPECT_TRUE(std::regex_search(t.out, std::regex("\n3 of [0-9]+ goroutines\n$"))) << t.out;
}

TEST_F(GoroutinesFilterCli, EveryOption)
{
    EXPECT_EQ(keptRoles({"--state", "syscall,syscall-blocked"}), roles({"pipe_reader"}));
    EXPECT_EQ(kept({"--state", "syscall", "--state", "waiting", "--start-function", "^main\\.(pipeReader|sleeper)$"}),
              roles({"pipe_reader", "sleeper"}));
    EXPECT_EQ(keptRoles({"--current-state", "waiting"}), roles({"leaked_receiver"}));
    EXPECT_EQ(keptRoles({"--transition", "running\xE2\x86\x92syscall"}), roles({"pipe_reader"}));
    EXPECT_EQ(keptRoles({"--reason", "sync", "--reason", "select"}), roles({"mutex_waiter", "selector"}));
    EXPECT_EQ(keptRoles({"--state", "waiting", "--max-duration", "10ms"}), roles({"quick_receiver"}));
    EXPECT_EQ(keptRoles({"--state", "waiting", "--min-duration", "10ms", "--stack-regex", "awaitEither"}),
              roles({"selector"}));
    EXPECT_EQ(kept({"--start-function", "^main\\.sleeper$"}), roles({"sleeper"}));

    const Ids gc = kept({"--label", "^GC \\("});
    EXPECT_FALSE(gc.empty());
    for (const auto& f : m_fixture.goroutines)
        EXPECT_EQ(gc.count(f.id), 0u) << f.role;

    // --from/--to are times since the trace start: the window the program marked with two logs.
    LoadContext ctx;
    auto store = loadFile(kTrace, ctx);
    ASSERT_TRUE(store.ok()) << store.error().message;
    const TraceData& trace = *(*store)->trace;
    std::map<std::string, std::string> window;
    for (const UserLog& log : trace.logs) {
        if ((*store)->symbols.strings.get(log.category) == "window")
            window[std::string((*store)->symbols.strings.get(log.message))]
                = std::to_string(log.time - trace.startNs) + "ns";
    }
    ASSERT_EQ(window.size(), 2u);
    EXPECT_EQ(keptRoles({"--from", window["begin"], "--to", window["end"]}),
              roles({"late_receiver", "leaked_receiver"}));
    EXPECT_EQ(keptRoles({"--to", window["end"], "--current-state", "waiting"}),
              roles({"late_receiver", "leaked_receiver"}));
}

TEST_F(GoroutinesFilterCli, UnfilteredOutputIsUnchanged)
{
    const CliRun text = runCliCaptured({"goroutines", kTrace});
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_EQ(text.out.find(" goroutines\n"), std::string::npos) << "no count line without a filter";
    const CliRun json = runCliCaptured({"goroutines", kTrace, "--json"});
    ASSERT_EQ(json.code, 0) << json.err;
    LoadContext ctx;
    auto store = loadFile(kTrace, ctx);
    ASSERT_TRUE(store.ok());
    EXPECT_EQ(jsonIds(json.out).size(), (*store)->trace->goroutines.size());
}

TEST_F(GoroutinesFilterCli, BadValueIsOneLineNamingTheOption)
{
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--state", "blocked"}, "--state: unknown state 'blocked'"},
        {{"--state", "waiting,"}, "--state: unknown state ''"},
        {{"--current-state", "asleep"}, "--current-state: unknown state 'asleep'"},
        {{"--transition", "running"}, "--transition: expected FROM->TO"},
        {{"--transition", "waiting->waiting"}, "--transition: a transition needs two different states"},
        {{"--min-duration", "10"}, "--min-duration: missing unit in duration '10'"},
        {{"--max-duration", "-5ms"}, "--max-duration: a duration cannot be negative"},
        {{"--min-duration", "20ms", "--max-duration", "10ms"}, "--max-duration: shorter than --min-duration"},
        {{"--from", "soon"}, "--from: invalid duration 'soon'"},
        {{"--to", "1y"}, "--to: unknown unit 'y'"},
        {{"--from", "20ms", "--to", "10ms"}, "--to: before --from"},
        {{"--stack-regex", "("}, "--stack-regex: invalid regex '('"},
        {{"--start-function", "[a-"}, "--start-function: invalid regex '[a-'"},
        {{"--label", "*"}, "--label: invalid regex '*'"},
        {{"--state"}, "option --state needs a value"},
    };
    for (const auto& [args, message] : cases) {
        std::vector<std::string> argv = {"goroutines", kTrace};
        argv.insert(argv.end(), args.begin(), args.end());
        const CliRun r = runCliCaptured(argv);
        EXPECT_EQ(r.code, 2) << message;
        EXPECT_EQ(r.err.rfind("goroscope-cli: " + message, 0), 0u) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_TRUE(r.out.empty()) << message;
    }
}

} // namespace
} // namespace gs::cli::test
