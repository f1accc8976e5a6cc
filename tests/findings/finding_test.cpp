// SPDX-License-Identifier: MIT
// What every rule shares: the ranking, how evidence reads, and which bases a capture accepts.
#include "core/findings/findings.h"
#include "core/load/load_file.h"

#include <gtest/gtest.h>

namespace gs {
namespace {

Finding finding(std::string kind, Severity severity, double weight)
{
    Finding f;
    f.kind = std::move(kind);
    f.severity = severity;
    f.weight = weight;
    f.title = f.kind;
    return f;
}

TEST(Findings, RankedBySeverityThenWeight)
{
    std::vector<Finding> found = {finding("a", Severity::Low, 0.9), finding("b", Severity::High, 0.1),
                                  finding("c", Severity::Medium, 0.5), finding("d", Severity::High, 0.7),
                                  finding("e", Severity::Info, 1.0)};
    rankFindings(found);
    std::string order;
    for (const Finding& f : found)
        order += f.kind;
    EXPECT_EQ(order, "dbcae");
}

TEST(Findings, EvidenceReadsInItsUnit)
{
    EXPECT_EQ(formatEvidence({"wait", 1.5e9, "nanoseconds"}), "1.50s");
    EXPECT_EQ(formatEvidence({"heap", 12.0 * 1024 * 1024, "bytes"}), "12MB");
    EXPECT_EQ(formatEvidence({"share", 0.372, "ratio"}), "37%");
    EXPECT_EQ(formatEvidence({"share", 0.0042, "ratio"}), "0.4%");
    EXPECT_EQ(formatEvidence({"goroutines", 412, "count"}), "412");
    EXPECT_EQ(formatEvidence({"rate", 3.25, "per_second"}), "3.2/s");
}

StorePtr load(const std::string& relative)
{
    LoadContext context;
    auto loaded = loadFile(std::string(GOROSCOPE_TEST_DATA_DIR) + "/" + relative, context);
    EXPECT_TRUE(loaded.ok()) << relative;
    return loaded.ok() ? *loaded : nullptr;
}

TEST(Findings, ABaseMustBeOfTheSameKind)
{
    const StorePtr trace = load("trace/go126_sched.trace");
    const StorePtr profile = load("pprof/cpu.pb.gz");
    ASSERT_TRUE(trace && profile);
    EXPECT_FALSE(findFindings(*trace, trace.get()).ok());
    EXPECT_FALSE(findFindings(*profile, trace.get()).ok());
    EXPECT_TRUE(findFindings(*profile, profile.get()).ok());
    EXPECT_TRUE(findFindings(*trace).ok());
}

} // namespace
} // namespace gs
