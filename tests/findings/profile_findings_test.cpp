// SPDX-License-Identifier: MIT
// The profile rules against profiles runtime/pprof wrote from tests/data/gen/findings/profiles:
// each planted cost must be the top finding and name the planted function; a healthy workload of
// the same shapes gives no high-severity finding; every fixture profile goes through the rules.
#include "core/analysis/go_packages.h"
#include "core/findings/findings.h"
#include "tests/findings/planted.h"
#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace gs::test {
namespace {

bool names(const Finding& f, const std::string& function)
{
    return std::find(f.functions.begin(), f.functions.end(), function) != f.functions.end();
}

// The top finding of `profile` is of `kind` and names the planted function first.
void expectTop(const PlantedRun& run, const std::string& profile, const std::string& kind, const std::string& base = {})
{
    ASSERT_FALSE(run.planted("function").empty()) << run.log();
    const std::string function = run.planted("function").front();
    const auto found = findingsOfFile(run.file(profile), base.empty() ? std::string {} : run.file(base));
    ASSERT_FALSE(found.empty()) << profile << ": no findings";
    const Finding& top = found.front();
    EXPECT_EQ(top.kind, kind) << describeFindings(found);
    ASSERT_FALSE(top.functions.empty()) << describeFindings(found);
    EXPECT_EQ(top.functions.front(), function) << describeFindings(found);
    EXPECT_NE(top.title.find(function), std::string::npos) << top.title;
    EXPECT_FALSE(top.evidence.empty());
}

// Which frames the rules name as the program's own: not the runtime, not the standard library.
TEST(ProfileFindings, ProgramFramesAreNeitherRuntimeNorStandardLibrary)
{
    EXPECT_TRUE(isGoRuntimeFunction("runtime.mallocgc"));
    EXPECT_TRUE(isGoRuntimeFunction("internal/runtime/syscall/linux.Syscall6"));
    EXPECT_FALSE(isGoRuntimeFunction("runtime/pprof.Do"));
    EXPECT_TRUE(isGoStandardLibraryFunction("encoding/json.(*encodeState).marshal"));
    EXPECT_TRUE(isGoStandardLibraryFunction("internal/poll.(*FD).Write"));
    EXPECT_FALSE(isGoStandardLibraryFunction("main.churn"));
    EXPECT_FALSE(isGoStandardLibraryFunction("main.main.func1.1"));
    EXPECT_FALSE(isGoStandardLibraryFunction("github.com/a/b.(*T).M"));
    EXPECT_FALSE(isGoStandardLibraryFunction("example.com/m.F[go.shape.string]"));
    // A module path without a dot is still the program's; a name without a package is not.
    EXPECT_FALSE(isGoStandardLibraryFunction("goroscope/gen/dumps/labelled.worker"));
    EXPECT_TRUE(isGoStandardLibraryFunction("panic"));
    EXPECT_EQ(goPackage("google.golang.org/protobuf/proto.Marshal"), "google.golang.org/protobuf/proto");
}

TEST(ProfileFindings, AllocationPressureNamesTheAllocatingFunction)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const PlantedRun run("profiles", "alloc");
    ASSERT_TRUE(run.ok()) << run.log();
    expectTop(run, "cpu.pb.gz", "allocation-pressure");
    expectTop(run, "heap.pb.gz", "allocation-pressure");
}

TEST(ProfileFindings, LockContentionNamesTheLockHolder)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const PlantedRun run("profiles", "mutex");
    ASSERT_TRUE(run.ok()) << run.log();
    expectTop(run, "mutex.pb.gz", "lock-contention");
    expectTop(run, "block.pb.gz", "lock-contention");
    const auto found = findingsOfFile(run.file("mutex.pb.gz"));
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found.front().severity, Severity::High) << describeFindings(found);
    EXPECT_TRUE(names(found.front(), "sync.(*Mutex).Unlock")) << describeFindings(found);
}

TEST(ProfileFindings, ReflectionNamesTheEncodingCaller)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const PlantedRun run("profiles", "reflect");
    ASSERT_TRUE(run.ok()) << run.log();
    expectTop(run, "cpu.pb.gz", "reflection-serialisation");
}

TEST(ProfileFindings, SyscallsNameTheCaller)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const PlantedRun run("profiles", "syscall");
    ASSERT_TRUE(run.ok()) << run.log();
    expectTop(run, "cpu.pb.gz", "syscalls");
}

TEST(ProfileFindings, DiffGrowthAgainstTheBaseNamesTheGrownFunction)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const PlantedRun run("profiles", "grow");
    ASSERT_TRUE(run.ok()) << run.log();
    expectTop(run, "cpu.pb.gz", "diff-growth", "base.pb.gz");
    // Without the base nothing says the function grew.
    for (const Finding& f : findingsOfFile(run.file("cpu.pb.gz")))
        EXPECT_NE(f.kind, "diff-growth");
}

TEST(ProfileFindings, HealthyWorkloadHasNoHighSeverityFinding)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const PlantedRun run("profiles", "clean");
    ASSERT_TRUE(run.ok()) << run.log();
    ASSERT_FALSE(run.planted("profile").empty()) << run.log();
    for (const std::string& profile : run.planted("profile")) {
        const auto found = findingsOfFile(run.file(profile));
        for (const Finding& f : found)
            EXPECT_NE(f.severity, Severity::High) << profile << ":\n" << describeFindings(found);
    }
}

// Every profile of the pprof fixtures goes through the rules (with itself as the base, which
// grows nothing); each finding has a title, a weight in 0..1 and evidence.
TEST(ProfileFindings, FixtureProfilesGiveWellFormedFindings)
{
    const std::filesystem::path folder = std::filesystem::path(GOROSCOPE_TEST_DATA_DIR) / "pprof";
    size_t profiles = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".gz")
            continue;
        ++profiles;
        const std::string path = entry.path().string();
        for (const auto& found : {findingsOfFile(path), findingsOfFile(path, path)}) {
            for (const Finding& f : found) {
                EXPECT_FALSE(f.title.empty()) << path;
                EXPECT_NE(f.kind, "diff-growth") << path << ": " << f.title;
                EXPECT_GE(f.weight, 0.0) << path << ": " << f.title;
                EXPECT_LE(f.weight, 1.0) << path << ": " << f.title;
                EXPECT_FALSE(f.evidence.empty()) << path << ": " << f.title;
            }
        }
    }
    EXPECT_GT(profiles, 0u);
}

} // namespace
} // namespace gs::test
