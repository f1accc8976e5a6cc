// SPDX-License-Identifier: MIT
// The scheduler, GC and goroutine-count rules on traces the runtime wrote of a program with one
// such problem planted (tests/data/gen/findings/trace_sched), and on the checked-in traces.
#include "core/load/load_file.h"
#include "tests/findings/planted.h"
#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace gs {
namespace {

using test::describeFindings;
using test::findingsOfFile;
using test::PlantedRun;

StorePtr loadTrace(const std::string& path)
{
    LoadContext context;
    auto loaded = loadFile(path, context);
    EXPECT_TRUE(loaded.ok()) << path;
    return loaded.ok() ? *loaded : nullptr;
}

// The start function of goroutine `id` in the trace, "" if it has none.
std::string startFunctionOf(const EventStore& store, int64_t id)
{
    const GoroutineRow row = store.trace->rowOf(id);
    if (row == kNoRow)
        return "(no such goroutine)";
    const FunctionId f = store.trace->goroutines.startFunctionOf(row);
    return f < store.symbols.functions.size() ? std::string(store.symbols.functionName(f)) : std::string();
}

double evidenceOf(const Finding& f, const std::string& name)
{
    for (const Evidence& e : f.evidence)
        if (e.name == name)
            return e.value;
    ADD_FAILURE() << f.kind << " has no evidence " << name;
    return -1;
}

bool names(const Finding& f, const std::string& function)
{
    return std::find(f.functions.begin(), f.functions.end(), function) != f.functions.end();
}

// Runs `scenario` and checks that the top finding is a high-severity `kind` naming first the
// function the program planted; `found` is empty when it is not.
struct Planted
{
    PlantedRun run;
    StorePtr store;
    std::vector<Finding> found;

    Planted(const std::string& scenario, const std::string& kind)
        : run("trace_sched", scenario)
    {
        if (!run.ok()) {
            ADD_FAILURE() << run.log();
            return;
        }
        store = loadTrace(run.file("trace.out"));
        found = findingsOfFile(run.file("trace.out"));
        const std::string function = run.planted("function").at(0);
        if (found.empty() || found.front().kind != kind || found.front().severity != Severity::High
            || found.front().functions.empty() || found.front().functions.front() != function) {
            ADD_FAILURE() << "expected a high " << kind << " naming " << function << " first, found:\n"
                          << describeFindings(found);
            found.clear();
        }
    }

    // Checks that every goroutine the top finding names runs `function`.
    void expectGoroutinesOf(const std::string& function) const
    {
        const Finding& f = found.front();
        EXPECT_FALSE(f.goroutines.empty());
        for (const int64_t g : f.goroutines)
            EXPECT_EQ(startFunctionOf(*store, g), function) << "goroutine " << g;
    }
};

TEST(TraceSchedFindings, CpuBoundGoroutinesQueueingForFewProcessors)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const Planted p("saturated", "scheduler-latency");
    if (p.found.empty())
        return;
    const Finding& f = p.found.front();
    EXPECT_EQ(evidenceOf(f, "gomaxprocs"), std::stod(p.run.planted("gomaxprocs").at(0)));
    EXPECT_GT(evidenceOf(f, "saturated_share"), 0.5);
    p.expectGoroutinesOf("main.spin");
    EXPECT_LT(f.startNs, f.endNs); // the worst saturated stretch
}

TEST(TraceSchedFindings, AllocationDrivingTheGc)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const Planted p("gc", "gc-pressure");
    if (p.found.empty())
        return;
    const Finding& f = p.found.front();
    ASSERT_FALSE(f.goroutines.empty());
    EXPECT_EQ(startFunctionOf(*p.store, f.goroutines.front()), "main.churn"); // the one that assisted most
    EXPECT_GT(evidenceOf(f, "assist_ns"), 0);
    EXPECT_GT(evidenceOf(f, "gc_share"), 0.5);
    EXPECT_LT(f.startNs, f.endNs); // the worst 10 ms window
    EXPECT_LE(f.endNs - f.startNs, 10'000'000);
}

TEST(TraceSchedFindings, GoroutineStorm)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const Planted p("storm", "goroutine-storm");
    if (p.found.empty())
        return;
    const Finding& f = p.found.front();
    // The creator first, then what its goroutines run.
    for (const std::string& function : p.run.planted("function"))
        EXPECT_TRUE(names(f, function)) << function << " not in\n" << describeFindings(p.found);
    EXPECT_GE(evidenceOf(f, "created"), 10000);
    p.expectGoroutinesOf("main.stormWorker");
    // The storm's goroutines all end: it is no growth.
    for (const Finding& other : p.found)
        EXPECT_NE(other.kind, "goroutine-growth") << describeFindings(p.found);
}

TEST(TraceSchedFindings, GoroutinesLeftBlockedGrowTheCount)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const Planted p("leak", "goroutine-growth");
    if (p.found.empty())
        return;
    const Finding& f = p.found.front();
    const double leaked = std::stod(p.run.planted("leaked").at(0));
    EXPECT_GE(evidenceOf(f, "never_ended"), leaked);
    EXPECT_GE(evidenceOf(f, "goroutines_end") - evidenceOf(f, "goroutines_start"), leaked * 0.9);
    p.expectGoroutinesOf("main.leaky");
    EXPECT_NE(f.title.find("chan receive"), std::string::npos) << f.title;
}

TEST(TraceSchedFindings, HealthyWorkloadHasNoHighFinding)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    PlantedRun run("trace_sched", "clean");
    ASSERT_TRUE(run.ok()) << run.log();
    const auto found = findingsOfFile(run.file("trace.out"));
    for (const Finding& f : found)
        EXPECT_NE(f.severity, Severity::High) << describeFindings(found);
}

// Every checked-in trace, from Go 1.19 to 1.27: the rules run, and what they report is about the
// trace (times inside it, figures that are numbers).
TEST(TraceSchedFindings, CheckedInTracesGiveWellFormedFindings)
{
    const std::filesystem::path folder = std::filesystem::path(GOROSCOPE_TEST_DATA_DIR) / "trace";
    size_t traces = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const std::string path = entry.path().string();
        if (path.find(".trace") == std::string::npos)
            continue;
        ++traces;
        const StorePtr store = loadTrace(path);
        if (!store)
            continue;
        const auto found = findFindings(*store);
        ASSERT_TRUE(found.ok()) << path;
        for (const Finding& f : *found) {
            SCOPED_TRACE(path + ": " + f.kind + ": " + f.title);
            EXPECT_FALSE(f.title.empty());
            for (const Evidence& e : f.evidence)
                EXPECT_TRUE(std::isfinite(e.value)) << e.name;
            if (f.startNs >= 0) {
                EXPECT_LE(store->trace->startNs, f.startNs);
                EXPECT_LE(f.startNs, f.endNs);
            }
            for (const int64_t g : f.goroutines)
                EXPECT_NE(store->trace->rowOf(g), kNoRow) << "goroutine " << g;
        }
    }
    EXPECT_GT(traces, 0u);
}

} // namespace
} // namespace gs
