// SPDX-License-Identifier: MIT
// Folded stacks, perf script, bpftrace maps and gctrace logs: sniffing and decoding. The folded
// and bpftrace fixtures were made from the perf script fixture (tests/data/dumps/README.md), so
// all three must count the same samples.
#include "core/formats/bpftrace/bpftrace_decoder.h"
#include "core/formats/folded/folded_decoder.h"
#include "core/formats/gctrace/gctrace_decoder.h"
#include "core/formats/perf/perf_script_decoder.h"
#include "core/io/file_bytes.h"
#include "core/load/sniff.h"
#include "tests/dumps/dump_fixtures.h"

#include <fstream>
#include <sstream>

namespace gs::test {
namespace {

int64_t total(const EventStore& s, size_t type = 0)
{
    int64_t n = 0;
    for (size_t i = 0; i < s.profile->sampleCount(); ++i)
        n += s.profile->value(i, type);
    return n;
}

// Samples in the perf script text: one header line per sample.
int64_t perfSampleLines()
{
    std::ifstream in(dumpFixture("perf_script.txt"));
    std::string line;
    int64_t n = 0;
    while (std::getline(in, line))
        n += !line.empty() && line[0] != '\t' && line[0] != ' ' && line[0] != '#';
    return n;
}

bool hasFunction(const EventStore& s, std::string_view name)
{
    for (FunctionId f = 0; f < s.symbols.functions.size(); ++f) {
        if (s.symbols.functionName(f) == name)
            return true;
    }
    return false;
}

TEST(TextFormats, SniffedByContent)
{
    const std::pair<const char*, Format> cases[] = {
        {"perf_script.txt", Format::PerfScript},  {"perf.folded", Format::Folded},
        {"bpftrace_ustack.txt", Format::Bpftrace}, {"gctrace.txt", Format::GcTrace},
        {"leak_before.txt", Format::GoroutineDump}, {"leak_before_debug1.txt", Format::GoroutineDump},
        {"service.log", Format::GoroutineDump},
    };
    for (const auto& [name, format] : cases) {
        auto bytes = readFile(dumpFixture(name));
        ASSERT_TRUE(bytes.ok());
        EXPECT_EQ(sniffFormat(*bytes), format) << name;
    }
}

TEST(TextFormats, PerfScript)
{
    StorePtr s = loadDumpFixture("perf_script.txt");
    ASSERT_TRUE(s);
    ASSERT_EQ(s->profile->sampleTypes.size(), 1u);
    EXPECT_EQ(s->profile->sampleTypes[0].type, "cpu-clock:pppH");
    const int64_t samples = perfSampleLines();
    EXPECT_GT(samples, 10);
    EXPECT_EQ(total(*s), samples * 4000000); // period printed per sample (250 Hz)
    EXPECT_TRUE(hasFunction(*s, "main.sortLoop"));
    EXPECT_TRUE(hasFunction(*s, "main.hashLoop"));
    EXPECT_TRUE(s->warnings.empty()) << s->warnings.front();
}

TEST(TextFormats, PerfScriptWithSeveralEvents)
{
    const std::string text = "prog 10 1.000001:     100 cycles:u: \n"
                             "\t  401000 main.a+0x10 (/bin/prog)\n"
                             "\t  402000 main.main+0x20 (/bin/prog)\n\n"
                             "prog 10 1.000002:       7 instructions:u: \n"
                             "\t  401000 main.a+0x10 (/bin/prog)\n"
                             "\t  402000 main.main+0x20 (/bin/prog)\n\n";
    const std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(text.data()), text.size());
    ASSERT_EQ(sniffFormat(bytes), Format::PerfScript);
    LoadContext context;
    auto s = decodePerfScript(bytes, context);
    ASSERT_TRUE(s.ok());
    ASSERT_EQ((*s)->profile->sampleTypes.size(), 2u);
    ASSERT_EQ((*s)->profile->sampleCount(), 1u); // one stack, a value per event
    EXPECT_EQ((*s)->profile->value(0, 0), 100);
    EXPECT_EQ((*s)->profile->value(0, 1), 7);
}

TEST(TextFormats, FoldedAndBpftraceCountThePerfSamples)
{
    StorePtr folded = loadDumpFixture("perf.folded");
    StorePtr bpf = loadDumpFixture("bpftrace_ustack.txt");
    ASSERT_TRUE(folded && bpf);
    EXPECT_EQ(total(*folded), perfSampleLines());
    EXPECT_EQ(total(*bpf), perfSampleLines());
    EXPECT_TRUE(hasFunction(*folded, "main.sortLoop"));
    EXPECT_TRUE(hasFunction(*bpf, "main.sortLoop")); // "+106" offsets dropped
    // Folded stacks are root first: the leaf of a stack is its last name.
    const auto frames = folded->symbols.stacks.frames(folded->profile->sampleStacks[0]);
    ASSERT_FALSE(frames.empty());
    EXPECT_EQ(folded->symbols.functionName(folded->symbols.frameFunction(frames.back())), "dumpgen");
}

TEST(TextFormats, GcTrace)
{
    StorePtr s = loadDumpFixture("gctrace.txt");
    ASSERT_TRUE(s && s->gcTrace);
    const auto& cycles = s->gcTrace->cycles;
    ASSERT_GE(cycles.size(), 2u);
    for (size_t i = 0; i < cycles.size(); ++i) {
        EXPECT_EQ(cycles[i].number, int64_t(i + 1));
        EXPECT_GT(cycles[i].heapGoalMB, 0);
        EXPECT_GE(cycles[i].stacksMB, 0);
        EXPECT_GT(cycles[i].procs, 0);
        if (i) {
            EXPECT_GE(cycles[i].startSeconds, cycles[i - 1].startSeconds);
        }
    }
    EXPECT_TRUE(cycles.back().forced); // runtime.GC() at the end of dumpgen -mode gc
}

TEST(TextFormats, GcTraceLineFields)
{
    GcCycle c;
    ASSERT_TRUE(parseGcTraceLine("gc 12 @3.456s 7%: 0.021+1.5+0.030 ms clock, 0.17+0.40/2.1/0.5+0.24 ms cpu, "
                                 "10->12->6 MB, 13 MB goal, 1 MB stacks, 2 MB globals, 8 P (forced)",
                                 c));
    EXPECT_EQ(c.number, 12);
    EXPECT_DOUBLE_EQ(c.startSeconds, 3.456);
    EXPECT_EQ(c.cpuPercent, 7);
    EXPECT_DOUBLE_EQ(c.pauseMs(), 0.021 + 0.030);
    EXPECT_DOUBLE_EQ(c.cpuBackgroundMs, 2.1);
    EXPECT_EQ(c.heapStartMB, 10);
    EXPECT_EQ(c.heapEndMB, 12);
    EXPECT_EQ(c.heapLiveMB, 6);
    EXPECT_EQ(c.heapGoalMB, 13);
    EXPECT_EQ(c.globalsMB, 2);
    EXPECT_EQ(c.procs, 8);
    EXPECT_TRUE(c.forced);
    // Before Go 1.18 there were no stacks/globals fields.
    ASSERT_TRUE(parseGcTraceLine("gc 1 @0.01s 0%: 0.01+0.2+0.01 ms clock, 0.1+0.1/0.1/0+0.1 ms cpu, 4->4->0 MB, 5 MB goal, 4 P", c));
    EXPECT_EQ(c.stacksMB, -1);
    EXPECT_FALSE(c.forced);
    EXPECT_FALSE(parseGcTraceLine("gc 1 @0.01s 0%: 0.01+0.2", c));
}

TEST(TextFormats, BpftraceShapes)
{
    const std::string text = "Attaching 1 probe...\n"
                             "@calls[worker]: 3\n"
                             "@[\n    0x4a2b3c\n    main.work+28\n,\n    kfunc+1\n, prog]: 5\n";
    const std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(text.data()), text.size());
    LoadContext context;
    auto s = decodeBpftrace(bytes, context);
    ASSERT_TRUE(s.ok()) << s.error().message;
    const Profile& p = *(*s)->profile;
    ASSERT_EQ(p.sampleTypes.size(), 2u);
    EXPECT_EQ(p.sampleTypes[0].type, "calls");
    EXPECT_EQ(p.sampleTypes[1].type, "samples");
    ASSERT_EQ(p.sampleCount(), 2u);
    EXPECT_EQ((*s)->symbols.stacks.frames(p.sampleStacks[1]).size(), 4u); // 3 stack frames + comm
}

// Values whose sum no int64 holds (found by the folded fuzzer: one stack's merged count overflowed)
// are refused in all three decoders, so that no total downstream can overflow.
TEST(TextFormats, ValuesThatCannotBeSummedAreRefused)
{
    const auto decode = [](auto decoder, const std::string& text) {
        const std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(text.data()), text.size());
        LoadContext context;
        auto s = decoder(bytes, context);
        return s.ok() ? std::string() : s.error().message;
    };
    const std::string expected = "add up to more than 2^63-1";
    // The same stack twice: the merge overflows. Two stacks: only their total would.
    EXPECT_NE(decode(decodeFolded, "a;b 5000000000000000000\na;b 5000000000000000000\n").find(expected), std::string::npos);
    EXPECT_NE(decode(decodeFolded, "a;b 5000000000000000000\na;c 5000000000000000000\n").find(expected), std::string::npos);
    EXPECT_EQ(decode(decodeFolded, "a;b 4611686018427387903\na;c 4611686018427387904\n"), "");
    EXPECT_NE(decode(decodeBpftrace, "@[\n    main.a\n]: 5000000000000000000\n@[\n    main.b\n]: 5000000000000000000\n").find(expected),
              std::string::npos);
}

} // namespace
} // namespace gs::test
