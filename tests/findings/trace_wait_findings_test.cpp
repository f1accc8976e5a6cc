// SPDX-License-Identifier: MIT
// The trace rules about waiting (long-wait, lock-contention, blocking-syscall, long-region) against
// traces the runtime wrote from tests/data/gen/findings/trace_waits, and over the recorded traces.
// Each planted problem must be the top finding overall, naming the goroutines and functions the
// program says it planted.
#include "tests/findings/planted.h"
#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace gs::test {

namespace {

template<typename T>
bool contains(const std::vector<T>& values, const T& value)
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

const Finding* firstOfKind(const std::vector<Finding>& found, const std::string& kind)
{
    const auto it = std::find_if(found.begin(), found.end(), [&](const Finding& f) { return f.kind == kind; });
    return it == found.end() ? nullptr : &*it;
}

int64_t plantedId(const PlantedRun& run, const std::string& key)
{
    const auto values = run.planted(key);
    return values.empty() ? -1 : int64_t(std::stoll(values.front()));
}

TEST(TraceWaitFindings, LockHeldWhileSleepingIsTheTopFindingRootFirst)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    PlantedRun run("trace_waits", "lockheld");
    ASSERT_TRUE(run.ok()) << run.log();
    const auto found = findingsOfFile(run.file("trace.out"));
    ASSERT_FALSE(found.empty());
    const Finding& top = found.front();
    const int64_t holder = plantedId(run, "holder_goroutine");
    EXPECT_EQ(top.kind, "long-wait") << describeFindings(found);
    EXPECT_EQ(top.severity, Severity::High) << describeFindings(found);
    ASSERT_FALSE(top.goroutines.empty());
    EXPECT_EQ(top.goroutines.front(), holder) << describeFindings(found);
    ASSERT_FALSE(top.functions.empty());
    EXPECT_EQ(top.functions.front(), "main.holdLock") << describeFindings(found);
    EXPECT_TRUE(contains(top.functions, std::string("main.lockWorker"))) << describeFindings(found);
    for (const std::string& waiter : run.planted("waiter_goroutine"))
        EXPECT_TRUE(contains(top.goroutines, int64_t(std::stoll(waiter)))) << "G" << waiter << "\n" << describeFindings(found);
    EXPECT_LT(top.startNs, top.endNs);

    // The same wait, charged by function: the holder, not the worker that unlocked before each waiter.
    const Finding* contention = firstOfKind(found, "lock-contention");
    ASSERT_NE(contention, nullptr) << describeFindings(found);
    EXPECT_EQ(contention->functions.front(), "main.holdLock") << describeFindings(found);
    EXPECT_EQ(contention->goroutines.front(), holder) << describeFindings(found);
}

TEST(TraceWaitFindings, BlockingSyscallIsTheTopFinding)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    PlantedRun run("trace_waits", "syscall");
    ASSERT_TRUE(run.ok()) << run.log();
    const auto found = findingsOfFile(run.file("trace.out"));
    ASSERT_FALSE(found.empty());
    const Finding& top = found.front();
    EXPECT_EQ(top.kind, "blocking-syscall") << describeFindings(found);
    EXPECT_EQ(top.severity, Severity::High) << describeFindings(found);
    ASSERT_FALSE(top.functions.empty());
    EXPECT_EQ(top.functions.front(), "main.readPipe") << describeFindings(found);
    ASSERT_FALSE(top.goroutines.empty());
    EXPECT_EQ(top.goroutines.front(), plantedId(run, "syscall_goroutine")) << describeFindings(found);
}

TEST(TraceWaitFindings, LongRegionIsTheTopFinding)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    PlantedRun run("trace_waits", "region");
    ASSERT_TRUE(run.ok()) << run.log();
    const auto found = findingsOfFile(run.file("trace.out"));
    ASSERT_FALSE(found.empty());
    const Finding& top = found.front();
    EXPECT_EQ(top.kind, "long-region") << describeFindings(found);
    EXPECT_NE(top.title.find("\"step\""), std::string::npos) << top.title;
    ASSERT_FALSE(top.goroutines.empty());
    EXPECT_EQ(top.goroutines.front(), plantedId(run, "region_goroutine")) << describeFindings(found);
}

TEST(TraceWaitFindings, HealthyWorkerPoolHasNoHighFinding)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    PlantedRun run("trace_waits", "clean");
    ASSERT_TRUE(run.ok()) << run.log();
    const auto found = findingsOfFile(run.file("trace.out"));
    for (const Finding& f : found)
        EXPECT_NE(f.severity, Severity::High) << describeFindings(found);
}

// Every recorded trace, old and new formats, small and big: the rules run through and what they
// report refers to the trace.
TEST(TraceWaitFindings, RecordedTracesGiveSaneFindings)
{
    const std::filesystem::path dir = std::filesystem::path(GOROSCOPE_TEST_DATA_DIR) / "trace";
    size_t traces = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(".trace") && !name.ends_with(".trace.gz"))
            continue;
        ++traces;
        for (const Finding& f : findingsOfFile(entry.path().string())) {
            EXPECT_FALSE(f.title.empty()) << name;
            EXPECT_GE(f.weight, 0) << name << ": " << f.title;
            EXPECT_LE(f.weight, 1) << name << ": " << f.title;
            EXPECT_LE(f.startNs, f.endNs) << name << ": " << f.title;
        }
    }
    EXPECT_GT(traces, 0u);
}

} // namespace

} // namespace gs::test
