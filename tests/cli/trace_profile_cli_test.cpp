// SPDX-License-Identifier: MIT
// `top` and `flame` on an execution trace: the trace is read through one of the profiles it
// yields (--trace-profile), optionally for one goroutine (--goroutine).
#include "tests/cli/cli_test_support.h"

#include <gtest/gtest.h>

#include <numeric>

namespace gs::cli::test {
namespace {

const std::string kSchedTrace = std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/go126_sched.trace";
const std::string kCpuTrace = std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/go126_cpuprof.trace";

int64_t flatSum(const std::vector<JsonTopRow>& rows)
{
    return std::accumulate(rows.begin(), rows.end(), int64_t(0), [](int64_t s, const JsonTopRow& r) { return s + r.flat; });
}

TEST(TraceProfileCli, SyncProfileRanksTheBlockingFunctions)
{
    const CliRun r = runCliCaptured({"top", kSchedTrace, "--trace-profile", "sync", "--json", "--nodefraction", "0"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto rows = parseTopJson(r.out);
    ASSERT_FALSE(rows.empty());
    // Blocking on channels and select is where sync delay lands, as runtime frames.
    bool sawChannelWait = false;
    for (const JsonTopRow& row : rows)
        sawChannelWait |= row.function == "runtime.selectgo" || row.function == "runtime.chanrecv1";
    EXPECT_TRUE(sawChannelWait) << r.out;
}

TEST(TraceProfileCli, OneGoroutineIsAPartOfTheWhole)
{
    const CliRun all = runCliCaptured({"top", kSchedTrace, "--trace-profile", "sched", "--json", "--nodefraction", "0"});
    const CliRun one = runCliCaptured(
        {"top", kSchedTrace, "--trace-profile", "sched", "--goroutine", "1", "--json", "--nodefraction", "0"});
    ASSERT_EQ(all.code, 0) << all.err;
    ASSERT_EQ(one.code, 0) << one.err;
    EXPECT_LT(flatSum(parseTopJson(one.out)), flatSum(parseTopJson(all.out)));
}

TEST(TraceProfileCli, CpuSamplesAreTheDefault)
{
    const CliRun r = runCliCaptured({"top", kCpuTrace, "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_FALSE(parseTopJson(r.out).empty());
}

TEST(TraceProfileCli, ExplainsWhatIsMissing)
{
    const CliRun noCpu = runCliCaptured({"top", kSchedTrace});
    EXPECT_EQ(noCpu.code, 1);
    EXPECT_NE(noCpu.err.find("no CPU samples"), std::string::npos) << noCpu.err;

    const CliRun badKind = runCliCaptured({"top", kSchedTrace, "--trace-profile", "mutex"});
    EXPECT_EQ(badKind.code, 1);
    EXPECT_NE(badKind.err.find("--trace-profile mutex"), std::string::npos) << badKind.err;

    const CliRun badGoroutine = runCliCaptured({"flame", kSchedTrace, "--trace-profile", "sync", "--goroutine", "99999",
                                                "-o", "unused.folded"});
    EXPECT_EQ(badGoroutine.code, 1);
    EXPECT_NE(badGoroutine.err.find("--goroutine 99999"), std::string::npos) << badGoroutine.err;
}

} // namespace
} // namespace gs::cli::test
