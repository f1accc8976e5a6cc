// SPDX-License-Identifier: MIT
// `diff BEFORE AFTER [--json]`, `info DUMP --json` and `flame` on the text captures of
// tests/data/dumps (see its README.md for where each file came from).
#include "tests/cli/cli_test_support.h"

#include <gtest/gtest.h>

#include <regex>

namespace gs::cli::test {
namespace {

std::string fixture(const std::string& name)
{
    return std::string(GOROSCOPE_TEST_DATA_DIR) + "/dumps/" + name;
}

TEST(DumpCli, DiffJsonIsAnArrayOfGroups)
{
    const CliRun r = runCliCaptured({"diff", fixture("leak_before.txt"), fixture("leak_after.txt"), "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    ASSERT_FALSE(r.out.empty());
    EXPECT_EQ(r.out.front(), '[');
    static const std::regex kGroup(
        R"re(\{\s*"stack": \[\s*((?:"[^"]*",?\s*)*)\],\s*"state": "([^"]*)",\s*"before": (\d+),\s*"after": (\d+))re");
    std::vector<std::smatch> groups;
    for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), kGroup); it != std::sregex_iterator(); ++it)
        groups.push_back(*it);
    ASSERT_GE(groups.size(), 2u) << r.out;
    // The leak comes first: the program leaked 20 goroutines before the first dump, 50 by the second.
    EXPECT_NE(groups[0][1].str().find("\"main.(*service).awaitReply\""), std::string::npos);
    EXPECT_EQ(groups[0][2], "chan receive");
    EXPECT_EQ(groups[0][3], "20");
    EXPECT_EQ(groups[0][4], "50");
}

TEST(DumpCli, DiffTextNamesTheLeak)
{
    const CliRun r = runCliCaptured({"diff", fixture("leak_before.txt"), fixture("leak_after.txt")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("+30      20      50  [chan receive] main.(*service).awaitReply"), std::string::npos) << r.out;
}

TEST(DumpCli, DiffErrors)
{
    EXPECT_EQ(runCliCaptured({"diff", fixture("leak_before.txt")}).code, 2);
    const CliRun notDump = runCliCaptured({"diff", fixture("leak_before.txt"), fixture("gctrace.txt")});
    EXPECT_EQ(notDump.code, 1);
    EXPECT_NE(notDump.err.find("not a goroutine dump"), std::string::npos) << notDump.err;
}

TEST(DumpCli, InfoJsonReportsFormatAndGoroutines)
{
    const CliRun r = runCliCaptured({"info", fixture("leak_after.txt"), "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\"format\": \"goroutine-dump\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"goroutines\": 60"), std::string::npos) << r.out;
    const CliRun gc = runCliCaptured({"info", fixture("gctrace.txt"), "--json"});
    ASSERT_EQ(gc.code, 0) << gc.err;
    EXPECT_NE(gc.out.find("\"format\": \"gctrace\""), std::string::npos);
    EXPECT_NE(gc.out.find("\"gc_cycles\": 7"), std::string::npos) << gc.out;
}

TEST(DumpCli, InfoAndTopOnEveryStackFormat)
{
    const std::pair<const char*, const char*> cases[] = {
        {"perf_script.txt", "perf-script"}, {"perf.folded", "folded"}, {"bpftrace_ustack.txt", "bpftrace"},
        {"service.log", "goroutine-dump"},   {"leak_after_debug1.txt", "goroutine-dump"},
    };
    for (const auto& [name, format] : cases) {
        const CliRun info = runCliCaptured({"info", fixture(name), "--json"});
        ASSERT_EQ(info.code, 0) << name << ": " << info.err;
        EXPECT_NE(info.out.find(std::string("\"format\": \"") + format + "\""), std::string::npos) << name;
        const CliRun top = runCliCaptured({"top", fixture(name), "--json"});
        ASSERT_EQ(top.code, 0) << name << ": " << top.err;
        EXPECT_FALSE(parseTopJson(top.out).empty()) << name;
    }
}

TEST(DumpCli, TopOfALeakIsTheLeakingFunction)
{
    const CliRun r = runCliCaptured({"top", fixture("leak_after.txt"), "--json", "-n", "1"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto rows = parseTopJson(r.out);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].function, "main.(*service).awaitReply");
    EXPECT_EQ(rows[0].flat, 50);
}

} // namespace
} // namespace gs::cli::test
