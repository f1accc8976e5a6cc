// SPDX-License-Identifier: MIT
// The traceback parser on real runtime output (tests/data/dumps/README.md says how each file was
// made): goroutine counts, states, wait flags, created-by, elided frames, labels, headlines.
#include "tests/dumps/dump_fixtures.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace gs::test {
namespace {

const DumpGoroutine* findByState(const EventStore& s, std::string_view state)
{
    for (const DumpGoroutine& g : s.dump->goroutines) {
        if (s.symbols.strings.get(g.state) == state)
            return &g;
    }
    return nullptr;
}

std::string leafFunction(const EventStore& s, const DumpGoroutine& g)
{
    const auto frames = s.symbols.stacks.frames(g.stack);
    return frames.empty() ? "" : std::string(s.symbols.functionName(s.symbols.frameFunction(frames[0])));
}

TEST(Traceback, PanicWithGotracebackAll)
{
    StorePtr s = loadDumpFixture("panic_all.txt");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->format, Format::GoroutineDump);
    const GoroutineDumpData& d = *s->dump;
    EXPECT_EQ(d.kind, GoroutineDumpData::Kind::Traceback);
    EXPECT_EQ(d.headline, "panic: dumpgen: boom");
    ASSERT_EQ(d.goroutines.size(), size_t(1 + kCrashWorkers));
    EXPECT_TRUE(s->warnings.empty()) << s->warnings.front();

    const DumpGoroutine& main = d.goroutines[0];
    EXPECT_EQ(main.id, 1u);
    EXPECT_EQ(s->symbols.strings.get(main.state), "running");
    EXPECT_EQ(leafFunction(*s, main), "main.explode");
    EXPECT_EQ(main.createdBy, kNoFrame); // the runtime prints no creator for goroutine 1

    for (size_t i = 1; i < d.goroutines.size(); ++i) {
        const DumpGoroutine& g = d.goroutines[i];
        EXPECT_EQ(g.creatorId, 1u);
        ASSERT_NE(g.createdBy, kNoFrame);
        EXPECT_EQ(s->symbols.functionName(s->symbols.frameFunction(g.createdBy)), "main.startCrashWorkers");
    }
    const DumpGoroutine* locked = findByState(*s, "chan receive");
    ASSERT_TRUE(locked);
    // Two goroutines receive: the deep recursion (elided) and the one locked to its thread.
    int lockedCount = 0, elided = 0;
    for (const DumpGoroutine& g : d.goroutines) {
        lockedCount += g.lockedToThread;
        if (g.elidedFrames > 0) {
            ++elided;
            EXPECT_EQ(leafFunction(*s, g), "main.recurse");
            EXPECT_EQ(s->symbols.stacks.frames(g.stack).size(), 100u); // first 50 + last 50
        }
    }
    EXPECT_EQ(lockedCount, 1);
    EXPECT_EQ(elided, 1);
    const DumpGoroutine* mutex = findByState(*s, "sync.Mutex.Lock");
    ASSERT_TRUE(mutex);
    const auto frames = s->symbols.stacks.frames(mutex->stack);
    const bool hasGenericMethod = std::any_of(frames.begin(), frames.end(), [&](FrameId f) {
        return s->symbols.functionName(s->symbols.frameFunction(f)) == "main.(*box[...]).wait";
    });
    EXPECT_TRUE(hasGenericMethod);
}

TEST(Traceback, FrameDetailsKeepArgumentsAndOffsets)
{
    StorePtr s = loadDumpFixture("panic_all.txt");
    ASSERT_TRUE(s);
    const GoroutineDumpData& d = *s->dump;
    const DumpGoroutine& main = d.goroutines[0];
    const auto frames = s->symbols.stacks.frames(main.stack);
    const auto details = d.details(main, frames.size());
    ASSERT_EQ(details.size(), frames.size());
    // "main.explode(...)" is inlined: no offset; "main.explode(0x...?)" has one.
    EXPECT_EQ(d.args(details[1]), "...");
    EXPECT_EQ(details[1].pcOffset, 0u);
    EXPECT_NE(details[0].pcOffset, 0u);
    EXPECT_EQ(s->symbols.frames[frames[0]].line, 78);
    EXPECT_EQ(s->symbols.strings.get(s->symbols.functions[s->symbols.frameFunction(frames[0])].file),
              "goroscope/gen/dumps/crash.go");
}

TEST(Traceback, Deadlock)
{
    StorePtr s = loadDumpFixture("deadlock.txt");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->dump->headline, "fatal error: all goroutines are asleep - deadlock!");
    std::multiset<std::string> states;
    for (const DumpGoroutine& g : s->dump->goroutines)
        states.insert(std::string(s->symbols.strings.get(g.state)));
    EXPECT_EQ(states, (std::multiset<std::string> {"sync.WaitGroup.Wait", "sync.Mutex.Lock", "chan send", "chan receive"}));
}

// The goroutine a crash happened on is the one the runtime printed first; SIGQUIT output and
// plain captures have none.
TEST(Traceback, CrashedGoroutineIsTheFirstOneOfAPanicOrFatalError)
{
    for (const char* name : {"panic_all.txt", "deadlock.txt", "panic_all_go119.txt"}) {
        StorePtr s = loadDumpFixture(name);
        ASSERT_TRUE(s) << name;
        const DumpGoroutine* crashed = s->dump->crashedGoroutine();
        ASSERT_TRUE(crashed) << name;
        EXPECT_EQ(crashed, &s->dump->goroutines.front()) << name;
        EXPECT_EQ(crashed->id, 1u) << name;
    }
    for (const char* name : {"sigquit_system.txt", "leak_after.txt", "leak_after_debug1.txt"}) {
        StorePtr s = loadDumpFixture(name);
        ASSERT_TRUE(s) << name;
        EXPECT_FALSE(s->dump->crashedGoroutine()) << name;
    }
}

TEST(Traceback, SigquitWithSystemFieldsAndLabels)
{
    StorePtr s = loadDumpFixture("sigquit_system.txt");
    ASSERT_TRUE(s);
    const GoroutineDumpData& d = *s->dump;
    EXPECT_EQ(d.headline, "SIGQUIT: quit");
    // GOTRACEBACK=system shows the runtime's goroutines too, and g0 of the signalled thread.
    EXPECT_EQ(d.goroutines.front().id, 0u);
    EXPECT_GE(d.goroutines.size(), size_t(1 + kCrashWorkers));
    for (const DumpGoroutine& g : d.goroutines) {
        const auto extras = d.extrasOf(g);
        ASSERT_FALSE(extras.empty());
        EXPECT_EQ(s->symbols.strings.get(extras[0]).substr(0, 5), "gp=0x");
    }
    const DumpGoroutine* sleeper = findByState(*s, "sleep");
    ASSERT_TRUE(sleeper);
    const auto labels = d.labelsOf(sleeper->labelBegin, sleeper->labelEnd);
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_EQ(s->symbols.strings.get(labels[0].key), "job");
    EXPECT_EQ(s->symbols.strings.get(labels[0].value), "sleeper");
    // The register dump after the goroutines is not read as a goroutine.
    EXPECT_TRUE(s->warnings.empty()) << s->warnings.front();
}

TEST(Traceback, Go119FormHasNoCreatorIds)
{
    StorePtr s = loadDumpFixture("panic_all_go119.txt");
    ASSERT_TRUE(s);
    ASSERT_EQ(s->dump->goroutines.size(), size_t(1 + kCrashWorkers));
    for (size_t i = 1; i < s->dump->goroutines.size(); ++i) {
        EXPECT_EQ(s->dump->goroutines[i].creatorId, 0u);
        EXPECT_NE(s->dump->goroutines[i].createdBy, kNoFrame);
    }
    EXPECT_EQ(findByState(*s, "semacquire") != nullptr, true); // 1.19's name for mutex and WaitGroup waits
}

TEST(Traceback, DumpInsideALog)
{
    StorePtr s = loadDumpFixture("service.log");
    ASSERT_TRUE(s);
    const GoroutineDumpData& d = *s->dump;
    EXPECT_EQ(d.goroutines.size(), size_t(1 + kCrashWorkers));
    EXPECT_GT(d.firstByte, 0u); // five log lines and the watchdog line come first
    EXPECT_EQ(leafFunction(*s, d.goroutines[0]), "main.runLogStack");
    EXPECT_TRUE(s->warnings.empty()) << s->warnings.front();
}

// Two dumps appended to one file (a script that dumps twice into the same log): the first is
// read, and a warning says the rest was left out.
TEST(Traceback, SecondDumpInOneFileIsReportedNotMerged)
{
    const std::filesystem::path path = std::filesystem::temp_directory_path() / "goroscope_two_dumps.txt";
    {
        std::ofstream out(path, std::ios::binary);
        for (const char* name : {"leak_before.txt", "leak_after.txt"})
            out << std::ifstream(dumpFixture(name), std::ios::binary).rdbuf();
    }
    LoadContext context;
    auto loaded = loadFile(path.string(), context);
    std::filesystem::remove(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    StorePtr first = loadDumpFixture("leak_before.txt");
    ASSERT_TRUE(first);
    EXPECT_EQ((*loaded)->dump->goroutines.size(), first->dump->goroutines.size());
    ASSERT_EQ((*loaded)->warnings.size(), 1u);
    EXPECT_NE((*loaded)->warnings.front().find("more than one goroutine dump; only the first is shown"), std::string::npos)
        << (*loaded)->warnings.front();
}

TEST(CountProfile, GoroutineDebug1WithLabels)
{
    StorePtr s = loadDumpFixture("leak_after_debug1.txt");
    ASSERT_TRUE(s);
    const GoroutineDumpData& d = *s->dump;
    EXPECT_EQ(d.kind, GoroutineDumpData::Kind::CountProfile);
    EXPECT_EQ(d.profileName, "goroutine");
    EXPECT_EQ(d.goroutineCount(), d.declaredTotal);
    ASSERT_FALSE(d.records.empty());
    const CountRecord& top = d.records.front();
    EXPECT_EQ(top.count, kLeakAfter);
    const auto labels = d.labelsOf(top.labelBegin, top.labelEnd);
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_EQ(s->symbols.strings.get(labels[0].key), "handler");
    EXPECT_EQ(s->symbols.strings.get(labels[0].value), "query");
    // The profile carries the records and their labels for the flame graph and tag filters.
    ASSERT_TRUE(s->profile);
    EXPECT_EQ(s->profile->sampleCount(), d.records.size());
    EXPECT_EQ(s->profile->sampleLabels(0).size(), 1u);
    EXPECT_TRUE(s->warnings.empty()) << s->warnings.front();
}

TEST(Traceback, ProfileWeightsStacksByGoroutines)
{
    StorePtr s = loadDumpFixture("leak_after.txt");
    ASSERT_TRUE(s);
    int64_t total = 0;
    for (size_t i = 0; i < s->profile->sampleCount(); ++i)
        total += s->profile->value(i, 0);
    EXPECT_EQ(total, int64_t(s->dump->goroutines.size()));
    EXPECT_EQ(s->profile->sampleTypes[0].type, "goroutine");
}

} // namespace
} // namespace gs::test
