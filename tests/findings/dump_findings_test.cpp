// SPDX-License-Identifier: MIT
// The goroutine-dump rules against dumps the runtime wrote: a leak between two dumps, a deadlock
// and a panic the runtime reported, a healthy pool (tests/data/gen/findings/dumps), and the real
// dumps of tests/data/dumps.
#include "core/load/load_file.h"
#include "tests/cli/cli_test_support.h"
#include "tests/findings/planted.h"
#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <unistd.h>

namespace gs::test {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::set<int64_t> plantedGoroutines(const PlantedRun& run)
{
    std::set<int64_t> ids;
    for (const std::string& id : run.planted("goroutine"))
        ids.insert(std::stoll(id));
    return ids;
}

std::string dumpFixture(const std::string& name)
{
    return std::string(GOROSCOPE_TEST_DATA_DIR) + "/dumps/" + name;
}

const Evidence* evidence(const Finding& f, const std::string& name)
{
    const auto it =
        std::find_if(f.evidence.begin(), f.evidence.end(), [&](const Evidence& e) { return e.name == name; });
    return it == f.evidence.end() ? nullptr : &*it;
}

// The findings of a capture the program wrote (and a base); nothing when the program failed.
std::vector<Finding> plantedFindings(const PlantedRun& run, const std::string& file, const std::string& base = {})
{
    if (!run.ok()) {
        ADD_FAILURE() << run.log();
        return {};
    }
    return findingsOfFile(run.file(file), base.empty() ? std::string() : run.file(base));
}

// The top finding, checked to be a high one of `kind` about exactly the goroutines the program
// planted; an empty finding when there is none.
Finding plantedTop(const PlantedRun& run, const std::vector<Finding>& found, const std::string& kind)
{
    if (found.empty()) {
        ADD_FAILURE() << "no findings; expected " << kind;
        return {};
    }
    const Finding& top = found.front();
    EXPECT_EQ(top.kind, kind) << describeFindings(found);
    EXPECT_EQ(top.severity, Severity::High) << describeFindings(found);
    EXPECT_EQ(std::set<int64_t>(top.goroutines.begin(), top.goroutines.end()), plantedGoroutines(run)) << top.title;
    return top;
}

TEST(DumpFindings, LeakGrowingBetweenDumpsIsTheTopFinding)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const PlantedRun run("dumps", "leak");
    const auto found = plantedFindings(run, "after.txt", "before.txt");
    const Finding top = plantedTop(run, found, "goroutine-leak");
    ASSERT_FALSE(top.functions.empty());
    EXPECT_EQ(top.functions.front(), run.planted("function").at(0));
    EXPECT_EQ(int64_t(top.goroutines.size()), std::stoll(run.planted("count").at(0)));
    const Evidence* growth = evidence(top, "growth");
    ASSERT_TRUE(growth);
    EXPECT_EQ(growth->value, std::stod(run.planted("growth").at(0)));
    EXPECT_NE(top.title.find("chan receive"), std::string::npos) << top.title;
}

TEST(DumpFindings, HealthyPoolDumpedTwiceIsNoHighFinding)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const PlantedRun run("dumps", "clean");
    for (const auto& found : {plantedFindings(run, "after.txt", "before.txt"), plantedFindings(run, "after.txt")})
        for (const Finding& f : found)
            EXPECT_NE(f.severity, Severity::High) << describeFindings(found);
}

TEST(DumpFindings, RuntimeDeadlockNamesEveryGoroutineAndItsWait)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const PlantedRun run("dumps", "deadlock");
    const auto found = plantedFindings(run, "deadlock.txt");
    const Finding top = plantedTop(run, found, "deadlock");
    for (const std::string& function : run.planted("function"))
        EXPECT_TRUE(contains(top.functions, function)) << function << " in " << top.title;
    EXPECT_NE(top.title.find("sync.Mutex.Lock"), std::string::npos) << top.title;
    // The runtime's deadlock is a fatal error, but not a crash of the goroutine printed first.
    for (const Finding& f : found)
        EXPECT_NE(f.kind, "crash") << describeFindings(found);
}

TEST(DumpFindings, PanicIsTheTopFindingWithTheCrashedGoroutine)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const PlantedRun run("dumps", "panic");
    const auto found = plantedFindings(run, "panic.txt");
    const Finding top = plantedTop(run, found, "crash");
    ASSERT_FALSE(top.functions.empty());
    EXPECT_EQ(top.functions.front(), run.planted("function").at(0));
    EXPECT_TRUE(top.title.starts_with("panic: planted: empty order")) << top.title;
}

TEST(DumpFindings, CliJsonHasTheShapeOfAFinding)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const PlantedRun run("dumps", "leak");
    ASSERT_TRUE(run.ok()) << run.log();
    const cli::test::CliRun r =
        cli::test::runCliCaptured({"findings", run.file("after.txt"), run.file("before.txt"), "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\"kind\": \"goroutine-leak\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"severity\": \"high\""), std::string::npos) << r.out;
    for (const char* key : {"\"title\"", "\"evidence\": {", "\"growth\":", "\"goroutines\": [", "\"functions\": [",
                            "\"main.leakyWorker\"", "\"start_ns\": null", "\"end_ns\": null"})
        EXPECT_NE(r.out.find(key), std::string::npos) << key << " in " << r.out;
}

TEST(DumpFindings, FixtureLeakBetweenTwoServiceDumps)
{
    const auto found = findingsOfFile(dumpFixture("leak_after.txt"), dumpFixture("leak_before.txt"));
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found.front().kind, "goroutine-leak") << describeFindings(found);
    EXPECT_EQ(found.front().severity, Severity::High);
    EXPECT_EQ(found.front().goroutines.size(), 50u);
    ASSERT_FALSE(found.front().functions.empty());
    EXPECT_EQ(found.front().functions.front(), "main.(*service).awaitReply");
    // The count profiles of the same run: the same group, without goroutine IDs.
    const auto counted = findingsOfFile(dumpFixture("leak_after_debug1.txt"), dumpFixture("leak_before_debug1.txt"));
    ASSERT_FALSE(counted.empty());
    EXPECT_EQ(counted.front().kind, "goroutine-leak") << describeFindings(counted);
    ASSERT_FALSE(counted.front().functions.empty());
    EXPECT_EQ(counted.front().functions.front(), "main.(*service).awaitReply");
}

// The rate of growth comes from the two files' modification times: two minutes apart here.
TEST(DumpFindings, GrowthRateFromTheFilesTimes)
{
    const std::filesystem::path folder
        = std::filesystem::temp_directory_path() / ("goroscope_dump_rate_" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const std::filesystem::path before = folder / "before.txt", after = folder / "after.txt";
    std::filesystem::copy_file(dumpFixture("leak_before.txt"), before);
    std::filesystem::copy_file(dumpFixture("leak_after.txt"), after);
    const auto now = std::filesystem::file_time_type::clock::now();
    std::filesystem::last_write_time(before, now - std::chrono::minutes(2));
    std::filesystem::last_write_time(after, now);
    const auto found = findingsOfFile(after.string(), before.string());
    ASSERT_FALSE(found.empty());
    const Evidence* growth = evidence(found.front(), "growth");
    const Evidence* rate = evidence(found.front(), "growth_per_minute");
    ASSERT_TRUE(growth && rate) << describeFindings(found);
    EXPECT_DOUBLE_EQ(rate->value, growth->value / 2);
    EXPECT_NE(found.front().detail.find("written 120s apart"), std::string::npos) << found.front().detail;
    // The other way round the files' times say nothing about the order: no rate.
    const auto reversed = findingsOfFile(before.string(), after.string());
    for (const Finding& f : reversed)
        EXPECT_FALSE(evidence(f, "growth_per_minute")) << describeFindings(reversed);
    std::filesystem::remove_all(folder);
}

TEST(DumpFindings, FixtureCrashesAndDeadlock)
{
    const auto deadlock = findingsOfFile(dumpFixture("deadlock.txt"));
    ASSERT_FALSE(deadlock.empty());
    EXPECT_EQ(deadlock.front().kind, "deadlock") << describeFindings(deadlock);
    EXPECT_EQ(deadlock.front().goroutines.size(), 4u);
    const std::pair<const char*, const char*> crashes[] = {
        {"panic_all.txt", "main.explode"},
        {"panic_all_go119.txt", "main.explode"},
        {"panic_labels_go126.txt", "goroscope/gen/dumps/labelled.Panic"},
    };
    for (const auto& [name, function] : crashes) {
        const auto found = findingsOfFile(dumpFixture(name));
        ASSERT_FALSE(found.empty()) << name;
        EXPECT_EQ(found.front().kind, "crash") << name << "\n" << describeFindings(found);
        EXPECT_EQ(found.front().goroutines, std::vector<int64_t> {1}) << name;
        ASSERT_FALSE(found.front().functions.empty()) << name;
        EXPECT_EQ(found.front().functions.front(), function) << name;
    }
}

StorePtr loadDump(const std::string& path)
{
    LoadContext context;
    auto loaded = loadFile(path, context);
    EXPECT_TRUE(loaded.ok()) << path;
    return loaded.ok() ? *loaded : nullptr;
}

// One dump alone: the leaked group is reported from its size and its wait, as a leak once both
// cross the thresholds for a clear one.
TEST(DumpFindings, ManyGoroutinesWaitingLongInOneDump)
{
    const StorePtr after = loadDump(dumpFixture("leak_after.txt"));
    ASSERT_TRUE(after);
    FindingThresholds limits;
    limits.leakManyGoroutines = 50;
    limits.leakLongWaitMinutes = 2;
    for (const auto& [strict, severity] : {std::pair(true, Severity::Low), std::pair(false, Severity::High)}) {
        const auto found = strict ? findFindings(*after) : findFindings(*after, nullptr, limits);
        ASSERT_TRUE(found.ok() && !found->empty());
        const Finding& top = found->front();
        EXPECT_EQ(top.kind, "goroutine-leak") << describeFindings(*found);
        EXPECT_EQ(top.severity, severity) << top.title;
        EXPECT_EQ(top.goroutines.size(), 50u);
        ASSERT_TRUE(evidence(top, "wait_ns"));
        EXPECT_EQ(evidence(top, "wait_ns")->value, 120e9);
        EXPECT_FALSE(evidence(top, "growth"));
    }
}

// The runtime's deadlock dump without its headline, as a SIGQUIT of the stuck process would show
// it: every goroutine blocked on another, reported with less certainty.
TEST(DumpFindings, EveryGoroutineBlockedWithoutTheRuntimeSayingSo)
{
    std::ifstream in(dumpFixture("deadlock.txt"));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_TRUE(text.starts_with("fatal error: all goroutines are asleep - deadlock!\n"));
    const auto path =
        std::filesystem::temp_directory_path() / ("goroscope_blocked_" + std::to_string(::getpid()) + ".txt");
    std::ofstream(path) << text.substr(text.find('\n') + 1);
    const auto found = findingsOfFile(path.string());
    std::filesystem::remove(path);
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found.front().kind, "deadlock") << describeFindings(found);
    EXPECT_EQ(found.front().severity, Severity::Medium);
    EXPECT_EQ(found.front().goroutines.size(), 4u);
}

// Every real dump gives findings without failing, none of them about the runtime's own goroutines,
// and the one taken with SIGQUIT of a healthy process none that is high.
TEST(DumpFindings, EveryFixtureDumpGivesSensibleFindings)
{
    int dumps = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(GOROSCOPE_TEST_DATA_DIR) + "/dumps")) {
        LoadContext context;
        const auto loaded = loadFile(entry.path().string(), context);
        if (!loaded.ok() || !(*loaded)->dump)
            continue;
        ++dumps;
        const auto found = findFindings(**loaded);
        ASSERT_TRUE(found.ok()) << entry.path();
        for (const Finding& f : *found) {
            EXPECT_FALSE(f.title.empty());
            EXPECT_GT(f.weight, 0) << f.title;
            for (const std::string& function : f.functions)
                EXPECT_FALSE(function.starts_with("runtime.")) << entry.path() << ": " << f.title;
        }
        if (entry.path().filename() == "sigquit_system.txt") {
            for (const Finding& f : *found)
                EXPECT_NE(f.severity, Severity::High) << f.title;
        }
    }
    EXPECT_GE(dumps, 8);
}

} // namespace
} // namespace gs::test
