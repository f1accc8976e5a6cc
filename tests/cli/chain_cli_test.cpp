// SPDX-License-Identifier: MIT
// `chain FILE --goroutine G [--at TIME] [--json]` on the blocking-chain fixture (see
// tests/data/chain/README.md): the JSON hops and the errors a user can hit.
#include "tests/cli/cli_test_support.h"
#include "tests/support/chain_fixture.h"

#include <gtest/gtest.h>

#include <regex>

namespace gs::cli::test {
namespace {

const std::string kTrace = std::string(GOROSCOPE_TEST_DATA_DIR) + "/chain/go126_chain.trace";

// The ids of the "chan" scenario (waiter, sender, holder), as the program recorded them.
std::vector<int64_t> chanScenario()
{
    return gs::test::readChainScenarios("go126_chain").at(0).chain;
}

TEST(ChainCli, JsonHopsNameEachWaker)
{
    const auto ids = chanScenario();
    const CliRun r = runCliCaptured({"chain", kTrace, "--goroutine", std::to_string(ids[0]), "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    static const std::regex kHop(
        R"re("goroutine": (\d+),\s*"state": "(\w+)",\s*"reason": "([^"]*)",\s*"start_ns": (\d+),\s*"end_ns": (\d+),[\s\S]*?"woken_by": (\d+|null))re");
    std::vector<std::smatch> hops;
    for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), kHop); it != std::sregex_iterator(); ++it)
        hops.push_back(*it);
    ASSERT_EQ(hops.size(), 3u) << r.out;
    EXPECT_EQ(hops[0][1], std::to_string(ids[0]));
    EXPECT_EQ(hops[0][3], "chan receive");
    EXPECT_EQ(hops[0][6], std::to_string(ids[1]));
    EXPECT_EQ(hops[1][1], std::to_string(ids[1]));
    EXPECT_EQ(hops[1][3], "sync");
    EXPECT_EQ(hops[1][6], std::to_string(ids[2]));
    EXPECT_EQ(hops[2][1], std::to_string(ids[2]));
    EXPECT_EQ(hops[2][6], "null");
    EXPECT_LT(std::stoll(hops[0][4]), std::stoll(hops[0][5]));
}

TEST(ChainCli, AtSelectsTheWaitCoveringTheTime)
{
    const auto ids = chanScenario();
    // Long before the scenario's goroutines exist there is no wait to follow.
    const CliRun early = runCliCaptured({"chain", kTrace, "--goroutine", std::to_string(ids[0]), "--at", "0s"});
    EXPECT_EQ(early.code, 1);
    EXPECT_NE(early.err.find("not waiting at 0s"), std::string::npos) << early.err;
}

TEST(ChainCli, ReadableErrors)
{
    EXPECT_EQ(runCliCaptured({"chain", kTrace}).code, 2);
    EXPECT_EQ(runCliCaptured({"chain", kTrace, "--goroutine", "x"}).code, 2);
    EXPECT_EQ(runCliCaptured({"chain", kTrace, "--goroutine", "1", "--at", "soon"}).code, 2);
    const CliRun missing = runCliCaptured({"chain", kTrace, "--goroutine", "123456"});
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.err.find("no goroutine 123456"), std::string::npos) << missing.err;
    const CliRun profile = runCliCaptured(
        {"chain", std::string(GOROSCOPE_TEST_DATA_DIR) + "/pprof/cpu.pb.gz", "--goroutine", "1"});
    EXPECT_EQ(profile.code, 1);
    EXPECT_NE(profile.err.find("needs an execution trace"), std::string::npos) << profile.err;
}

} // namespace
} // namespace gs::cli::test
