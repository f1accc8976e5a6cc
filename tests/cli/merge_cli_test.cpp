// SPDX-License-Identifier: MIT
// --base/--diff-base, --mean and --divide-by on the stack commands: what needs no reference
// toolchain (the reports themselves are compared with go tool pprof in pprof_reference_test.cpp,
// merged flame graphs are in cli_commands_test.cpp).
#include "tests/cli/cli_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace gs::cli::test {
namespace {

const std::string kCpu = GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz";
const std::string kBlock = GOROSCOPE_TEST_DATA_DIR "/pprof/block.pb.gz";
const std::string kMutex = GOROSCOPE_TEST_DATA_DIR "/pprof/mutex.pb.gz";
const std::string kFolded = GOROSCOPE_TEST_DATA_DIR "/dumps/perf.folded";

TEST(CliMerge, BadOptionsAreOneLine)
{
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"top", kBlock, "--base", kMutex, "--diff-base", kMutex}, "--base and --diff-base cannot both be given"},
        {{"top", kBlock, "--base", kMutex, "--base", kMutex}, "--base may be given once"},
        {{"top", kCpu, "--divide-by", "0"}, "--divide-by: zero divisor specified"},
        {{"top", kCpu, "--divide-by", "half"}, "--divide-by needs a number, got 'half'"},
        {{"top", kCpu, kFolded}, kFolded + ": only pprof profiles can be merged"},
        {{"top", kCpu, "--base", GOROSCOPE_TEST_DATA_DIR "/pprof/missing.pb.gz"}, "missing.pb.gz"},
    };
    for (const auto& [argv, message] : cases) {
        const CliRun r = runCliCaptured(argv);
        EXPECT_EQ(r.code, 1) << message;
        EXPECT_EQ(r.out, "");
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
    const CliRun flame = runCliCaptured({"flame", kBlock, "-o", "never-written.svg", "--mean"});
    EXPECT_EQ(flame.code, 2);
    EXPECT_NE(flame.err.find("--mean is for top and peek"), std::string::npos) << flame.err;
}

TEST(CliMerge, MeanOfBlockIsDelayPerContention)
{
    const CliRun sums = runCliCaptured({"top", kBlock, "--json", "--nodefraction", "0"});
    const CliRun counts = runCliCaptured({"top", kBlock, "--json", "--nodefraction", "0", "--sample-index", "0"});
    const CliRun means = runCliCaptured({"top", kBlock, "--json", "--nodefraction", "0", "--mean"});
    ASSERT_EQ(means.code, 0) << means.err;
    const auto s = parseTopJson(sums.out), c = parseTopJson(counts.out), m = parseTopJson(means.out);
    ASSERT_EQ(s.size(), m.size());
    for (const JsonTopRow& row : m) {
        const auto sum = std::find_if(s.begin(), s.end(), [&](const JsonTopRow& r) { return r.function == row.function; });
        const auto count = std::find_if(c.begin(), c.end(), [&](const JsonTopRow& r) { return r.function == row.function; });
        ASSERT_NE(sum, s.end());
        ASSERT_NE(count, c.end());
        if (count->cum != 0) {
            EXPECT_EQ(row.cum, sum->cum / count->cum) << row.function;
        }
    }
}

} // namespace
} // namespace gs::cli::test
