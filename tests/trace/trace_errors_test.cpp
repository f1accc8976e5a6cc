// SPDX-License-Identifier: MIT
// Error paths of the execution-trace reader: every problem is one message with the byte
// offset, never a crash; a trace cut inside its last generation keeps the earlier ones.
#include "core/base/load_context.h"
#include "core/formats/gotrace/batch.h"
#include "core/formats/gotrace/event_format.h"
#include "core/formats/gotrace/trace_reader.h"
#include "core/io/file_bytes.h"
#include "core/load/load_file.h"

#include "tests/support/trace_wire.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace {

using namespace gs::test::tracewire;

// Sync batch and one event batch: a minimal valid 1.26 generation.
void putGeneration(Bytes& out, uint64_t gen)
{
    putSyncBatch(out, gen, 100);
    Bytes events = {13}; // ProcStatus dt=1 p=0 status=Idle
    for (uint64_t v : {1u, 0u, 2u})
        putUvarint(events, v);
    putBatch(out, gen, 7, 100 + gen * 10, events);
    out.push_back(52); // EndOfGeneration
}

struct Outcome
{
    bool ok = false;
    std::string message;
    std::optional<uint64_t> offset;
    std::string summary;
    std::vector<std::string> lines;
    std::vector<std::string> warnings;
    gs::gotrace::TraceReadStats stats;
};

Outcome read(const Bytes& bytes)
{
    Outcome o;
    gs::LoadContext ctx;
    auto result = gs::gotrace::readTrace(bytes, ctx, [&](const gs::gotrace::Event& ev) {
        std::string line;
        gs::gotrace::appendEventLine(ev, line);
        o.lines.push_back(line);
    });
    o.ok = result.ok();
    if (result.ok()) {
        o.stats = *result;
    } else {
        o.message = result.error().message;
        o.offset = result.error().offset;
        o.summary = result.error().summary;
    }
    o.warnings = ctx.warnings();
    return o;
}

TEST(TraceErrors, NotATrace)
{
    const std::string text = "hello, this is not a trace at all";
    const Outcome o = read(Bytes(text.begin(), text.end()));
    ASSERT_FALSE(o.ok);
    EXPECT_NE(o.message.find("not a Go execution trace"), std::string::npos) << o.message;
    EXPECT_EQ(o.offset, 0u);
}

TEST(TraceErrors, EmptyInput)
{
    EXPECT_FALSE(read(Bytes{}).ok);
}

TEST(TraceErrors, UnknownVersion)
{
    const Outcome o = read(header(24));
    ASSERT_FALSE(o.ok);
    EXPECT_NE(o.message.find("unknown or unsupported trace version go 1.24"), std::string::npos) << o.message;
}

TEST(TraceErrors, GarbageInsteadOfBatch)
{
    Bytes b = header(26);
    for (int i = 0; i < 64; ++i)
        b.push_back(uint8_t(0xab + i));
    const Outcome o = read(b);
    ASSERT_FALSE(o.ok);
    EXPECT_NE(o.message.find("expected a batch"), std::string::npos) << o.message;
    EXPECT_EQ(o.offset, 16u);
    EXPECT_EQ(o.summary, "") << "damage inside the file is not a cut";
}

TEST(TraceErrors, AbsurdBatchSize)
{
    Bytes b = header(26);
    b.push_back(1);
    putUvarint(b, 1);
    putUvarint(b, 7);
    putUvarint(b, 100);
    const size_t sizeOffset = b.size();
    putUvarint(b, uint64_t(1) << 40);
    const Outcome o = read(b);
    ASSERT_FALSE(o.ok);
    EXPECT_NE(o.message.find("invalid batch size 1099511627776, maximum is 65536"), std::string::npos) << o.message;
    EXPECT_EQ(o.offset, sizeOffset);
}

TEST(TraceErrors, TruncatedBatch)
{
    Bytes b = header(26);
    b.push_back(1);
    putUvarint(b, 1);
    putUvarint(b, 7);
    putUvarint(b, 100);
    putUvarint(b, 500);
    const size_t payloadOffset = b.size();
    b.insert(b.end(), 20, 0x10);
    const Outcome o = read(b);
    ASSERT_FALSE(o.ok);
    EXPECT_NE(o.message.find("batch truncated: wanted 500 bytes, only 20 left"), std::string::npos) << o.message;
    EXPECT_EQ(o.offset, payloadOffset);
}

TEST(TraceErrors, OverlongVarint)
{
    Bytes b = header(26);
    b.push_back(1);
    b.insert(b.end(), 12, 0xff);
    const Outcome o = read(b);
    ASSERT_FALSE(o.ok);
    EXPECT_NE(o.message.find("varint"), std::string::npos) << o.message;
    EXPECT_EQ(o.offset, 17u);
}

TEST(TraceErrors, OversizedStringAndStack)
{
    Bytes strings = {4, 5};
    putUvarint(strings, 1);
    putUvarint(strings, 5000);
    Bytes b = header(26);
    putBatch(b, 1, ~uint64_t(0), 1, strings);
    Outcome o = read(b);
    ASSERT_FALSE(o.ok);
    EXPECT_NE(o.message.find("invalid string size 5000, maximum is 1024"), std::string::npos) << o.message;

    Bytes stacks = {2, 3};
    putUvarint(stacks, 1);
    putUvarint(stacks, 1000);
    b = header(26);
    putBatch(b, 1, ~uint64_t(0), 1, stacks);
    o = read(b);
    ASSERT_FALSE(o.ok);
    EXPECT_NE(o.message.find("invalid stack size 1000, maximum is 128"), std::string::npos) << o.message;
}

TEST(TraceErrors, UnknownEventTypeInBatch)
{
    Bytes b = header(26);
    putGeneration(b, 1);
    // A second generation whose event batch holds an undefined event type.
    putSyncBatch(b, 2, 200);
    const Bytes events = {120, 1, 2};
    putBatch(b, 2, 7, 200, events);
    const size_t eventOffset = b.size() - events.size();
    b.push_back(52);
    const Outcome o = read(b);
    // Generation 1 was delivered completely, so the damage is a warning, as in go tool trace.
    ASSERT_TRUE(o.ok) << o.message;
    EXPECT_TRUE(o.stats.truncated);
    EXPECT_EQ(o.stats.generations, 1u);
    ASSERT_EQ(o.warnings.size(), 1u);
    EXPECT_NE(o.warnings[0].find("at byte " + std::to_string(eventOffset) + ": found invalid event type: 120"),
              std::string::npos)
        << o.warnings[0];
}

// The reader takes events far from a batch's end without bound checks and the last ones with
// them: an overlong varint is the same error with the same offset either way.
TEST(TraceErrors, OverlongVarintArgumentFarFromAndNearTheBatchEnd)
{
    for (size_t validAfter : {0u, 1u, 40u}) {
        Bytes b = header(26);
        putGeneration(b, 1);
        putSyncBatch(b, 2, 200);
        // ProcStatus dt=1 p=0 status=Idle, then one whose p is an 11-byte varint, then more.
        Bytes events;
        auto putProcStatus = [&] {
            for (uint64_t v : {13u, 1u, 0u, 2u})
                putUvarint(events, v);
        };
        putProcStatus();
        const size_t badAt = events.size();
        events.push_back(13);
        events.push_back(1);
        events.insert(events.end(), 10, 0xff);
        events.push_back(1);
        for (size_t i = 0; i < validAfter; ++i)
            putProcStatus();
        putBatch(b, 2, 7, 200, events);
        const size_t eventOffset = b.size() - events.size() + badAt;
        b.push_back(52);
        const Outcome o = read(b);
        const std::string expected = "at byte " + std::to_string(eventOffset) + ": found invalid uvarint in ProcStatus event";
        ASSERT_TRUE(o.ok) << validAfter << ": " << o.message;
        ASSERT_EQ(o.warnings.size(), 1u) << validAfter;
        EXPECT_NE(o.warnings[0].find(expected), std::string::npos) << validAfter << ": " << o.warnings[0];
    }
}

// Each thread's token buffer is sized from its bytes: the smallest batches (one two-byte event)
// still get room for their event.
TEST(TraceReader, ThreadsWithOneTinyEvent)
{
    Bytes b = header(26);
    putGeneration(b, 1);
    putSyncBatch(b, 2, 200);
    const Bytes procStatus = {13, 1, 0, 2}; // ProcStatus dt=1 p=0 status=Idle
    putBatch(b, 2, 7, 200, procStatus);
    putBatch(b, 2, 8, 200, Bytes{11, 1}); // ProcStop dt=1: thread 8 has no proc to stop
    const size_t stopAt = b.size() - 2;
    b.push_back(52);
    const Outcome o = read(b);
    // Generation 1 and the first event of generation 2 were delivered; the rest is lost.
    ASSERT_TRUE(o.ok) << o.message;
    EXPECT_EQ(o.lines.size(), 4u);
    ASSERT_EQ(o.warnings.size(), 1u);
    EXPECT_NE(o.warnings[0].find("at byte " + std::to_string(stopAt) + ": broken trace: event ProcStop for proc -1 that doesn't exist"),
              std::string::npos)
        << o.warnings[0];
}

// Values that do not fit a narrow token (a 2^40 heap size; times more than 2^32 ns into the
// generation) are kept aside per thread while threads are decoded, possibly at the same time,
// and must come back with the right event.
TEST(TraceReader, WideValuesOnSeveralThreads)
{
    Bytes b = header(26);
    putSyncBatch(b, 1, 100);
    // Thread 7 holds proc 0 and reports two heap sizes; thread 8, 100 s later (1.5625e9 ticks of
    // 64 ns), holds proc 1 and reports one.
    auto putThread = [&](uint64_t m, uint64_t time, uint64_t proc, std::initializer_list<uint64_t> heapSizes) {
        Bytes events;
        for (uint64_t v : {13u, 1u, unsigned(proc), 1u}) // ProcStatus dt=1 p status=Running
            putUvarint(events, v);
        for (uint64_t size : heapSizes) {
            events.push_back(37); // HeapAlloc
            putUvarint(events, 1);
            putUvarint(events, size);
        }
        putBatch(b, 1, m, time, events);
    };
    putThread(7, 100, 0, {uint64_t(1) << 40, 5});
    putThread(8, 100 + 1'562'500'000, 1, {(uint64_t(1) << 40) + 3});
    b.push_back(52); // EndOfGeneration
    const Outcome o = read(b);
    ASSERT_TRUE(o.ok) << o.message;
    std::vector<std::string> metrics;
    for (const std::string& line : o.lines)
        if (line.find(" Metric ") != std::string::npos)
            metrics.push_back(line);
    ASSERT_EQ(metrics.size(), 3u);
    const std::string name = " Name=\"/memory/classes/heap/objects:bytes\" ";
    EXPECT_EQ(metrics[0], "M=7 P=0 G=-1 Metric Time=6528" + name + "Value=Value{Uint64(1099511627776)}");
    EXPECT_EQ(metrics[1], "M=7 P=0 G=-1 Metric Time=6592" + name + "Value=Value{Uint64(5)}");
    EXPECT_EQ(metrics[2], "M=8 P=1 G=-1 Metric Time=100000006528" + name + "Value=Value{Uint64(1099511627779)}");
}

TEST(TraceErrors, ValidMinimalTrace)
{
    Bytes b = header(26);
    putGeneration(b, 1);
    putGeneration(b, 2);
    const Outcome o = read(b);
    ASSERT_TRUE(o.ok) << o.message;
    EXPECT_FALSE(o.stats.truncated);
    ASSERT_EQ(o.lines.size(), 5u);
    // As checked with `go tool trace -d=parsed`: the context is the thread's before the event.
    EXPECT_EQ(o.lines[0], "M=-1 P=-1 G=-1 Sync Time=6400 N=1 Trace=6464 Mono=1000 Wall=2023-11-14T22:13:20.000000005Z");
    EXPECT_EQ(o.lines[1], "M=7 P=-1 G=-1 StateTransition Time=7104 ProcID=0 Undetermined->Idle Reason=\"\"");
    EXPECT_EQ(o.lines[3], "M=7 P=-1 G=-1 StateTransition Time=7744 ProcID=0 Idle->Idle Reason=\"\"");
    EXPECT_EQ(o.lines[4], "M=-1 P=-1 G=-1 Sync Time=7745 N=3");
}

TEST(TraceErrors, GarbageSurvivesEveryCut)
{
    // Every prefix and a byte flip at every position of a small trace: errors, never crashes.
    Bytes good = header(26);
    putGeneration(good, 1);
    putGeneration(good, 2);
    for (size_t n = 0; n < good.size(); ++n)
        read(Bytes(good.begin(), good.begin() + long(n)));
    for (size_t i = 16; i < good.size(); ++i) {
        Bytes bad = good;
        bad[i] ^= 0x5a;
        read(bad);
    }
}

// Offsets of the bytes just past each end-of-generation marker of a 1.26 trace.
std::vector<size_t> generationEnds(const Bytes& trace)
{
    std::vector<size_t> ends;
    gs::ByteReader in(std::span<const uint8_t>(trace).subspan(16), 16);
    while (!in.atEnd()) {
        const gs::gotrace::Batch b = gs::gotrace::readBatch(in);
        if (b.type == gs::gotrace::Batch::Type::EndOfGeneration)
            ends.push_back(size_t(in.offset()));
    }
    return ends;
}

TEST(TraceTruncated, CutInsideLastGenerationKeepsEarlierOnes)
{
    auto input = gs::readInput(std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/go126_sched.trace");
    ASSERT_TRUE(input.ok()) << input.error().describe();
    const Bytes& full = input->data;
    const std::vector<size_t> ends = generationEnds(full);
    ASSERT_GE(ends.size(), 2u) << "fixture should have several generations";
    const size_t cut = (ends[ends.size() - 2] + ends.back()) / 2;

    const Outcome whole = read(full);
    ASSERT_TRUE(whole.ok) << whole.message;
    const Outcome part = read(Bytes(full.begin(), full.begin() + long(cut)));
    ASSERT_TRUE(part.ok) << part.message;
    EXPECT_TRUE(part.stats.truncated);
    EXPECT_EQ(part.stats.generations, ends.size() - 1);
    ASSERT_EQ(part.warnings.size(), 1u);
    const std::string& w = part.warnings[0];
    EXPECT_EQ(w.rfind("the file ends early, at byte ", 0), 0u) << w;
    EXPECT_NE(w.find(" in " + std::to_string(ends.size() - 1) + " complete generations before the cut; lost the last "),
              std::string::npos)
        << w;
    EXPECT_NE(w.find("; detail: at byte "), std::string::npos) << w;
    // Everything before the closing Sync matches the full trace event for event.
    ASSERT_GE(part.lines.size(), 2u);
    for (size_t i = 0; i + 1 < part.lines.size(); ++i)
        ASSERT_EQ(part.lines[i], whole.lines[i]) << "line " << i;
    EXPECT_NE(part.lines.back().find(" Sync "), std::string::npos);
}

// The first 60% of a real capture, as a capture stopped early leaves it.
std::vector<uint8_t> firstPartOf(const char* name)
{
    auto input = gs::readInput(std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/" + name);
    EXPECT_TRUE(input.ok()) << name;
    std::vector<uint8_t> bytes = input.ok() ? input->data : std::vector<uint8_t>();
    bytes.resize(bytes.size() * 6 / 10);
    return bytes;
}

gs::Result<gs::StorePtr> load(const std::string& name, std::vector<uint8_t> bytes, gs::LoadContext& ctx)
{
    auto input = gs::inputFromBytes(std::move(bytes));
    if (!input)
        return input.error();
    return gs::loadInput(name, std::move(*input), ctx);
}

// Cut inside its first generation, a capture has nothing to show: the error says so in plain
// words, naming the file and where it ends, and then gives the decoder's detail, on one line.
TEST(TraceTruncated, CutInsideFirstGenerationSaysTheFileEndsEarly)
{
    gs::LoadContext ctx;
    const auto loaded = load("go126_sched.trace", firstPartOf("go126_sched.trace"), ctx);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().message,
              "go126_sched.trace: the file ends early, at byte 15,034 (the capture was cut short); no complete part "
              "of the trace comes before the cut, so no events could be read; detail: at byte 13599: batch "
              "truncated: wanted 3561 bytes, only 1435 left");
}

// Cut after complete generations, the capture opens with a warning saying how much was read.
TEST(TraceTruncated, CutAfterCompleteGenerationsSaysHowMuchWasRead)
{
    gs::LoadContext ctx;
    const auto loaded = load("go126_syscalls.trace", firstPartOf("go126_syscalls.trace"), ctx);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    ASSERT_EQ((*loaded)->warnings.size(), 1u);
    EXPECT_EQ((*loaded)->warnings[0],
              "the file ends early, at byte 36,454 (the capture was cut short); read 2,307 events covering 0.021 s "
              "in 3 complete generations before the cut; lost the last 5,466 bytes (14.99%); detail: at byte "
              "33995: batch truncated: wanted 2827 bytes, only 2459 left");
}

TEST(TraceTruncated, CutOldFormatTraceIsAnError)
{
    // The old format has no generations: Go parses it whole, so a cut trace has nothing to keep.
    auto input = gs::readInput(std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/go119_sched.trace");
    ASSERT_TRUE(input.ok());
    const Bytes& full = input->data;
    const Outcome o = read(Bytes(full.begin(), full.begin() + long(full.size() / 2)));
    EXPECT_FALSE(o.ok);
    EXPECT_FALSE(o.message.empty());
}

} // namespace

namespace {

TEST(TraceErrors, MutatedFixturesNeverCrash)
{
    // Deterministic byte flips, insertions and cuts over small real traces of both formats:
    // every outcome must be events or one error, never a crash or a runaway allocation.
    for (const char* name : {"go126_iterpull.trace", "go119_procs.trace", "go126_procs.trace"}) {
        auto input = gs::readInput(std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/" + name);
        ASSERT_TRUE(input.ok()) << name;
        const Bytes& base = input->data;
        uint64_t rng = 0x9e3779b97f4a7c15ull;
        auto next = [&] {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            return rng;
        };
        for (int round = 0; round < 300; ++round) {
            Bytes b = base;
            const int edits = 1 + int(next() % 4);
            for (int e = 0; e < edits; ++e) {
                const size_t at = 16 + size_t(next() % (b.size() - 16));
                switch (next() % 3) {
                case 0: b[at] = uint8_t(next()); break;
                case 1: b.insert(b.begin() + long(at), uint8_t(next())); break;
                default: b[at] = 0xff; break;
                }
            }
            if (next() % 4 == 0)
                b.resize(16 + size_t(next() % (b.size() - 16)));
            const Outcome o = read(b);
            if (!o.ok) {
                EXPECT_FALSE(o.message.empty());
            }
        }
    }
}

} // namespace

namespace {

TEST(TraceReader, CancellationStopsWithAnError)
{
    auto input = gs::readInput(std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/go126_flight.trace");
    ASSERT_TRUE(input.ok());
    std::stop_source stop;
    uint64_t progressCalls = 0;
    gs::LoadContext ctx(stop.get_token(), [&](uint64_t, uint64_t) { ++progressCalls; });
    uint64_t events = 0;
    auto result = gs::gotrace::readTrace(input->span(), ctx, [&](const gs::gotrace::Event&) {
        if (++events == 5000)
            stop.request_stop();
    });
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().message, "cancelled");
    EXPECT_LT(events, 10000u);
    EXPECT_GE(progressCalls, 1u);
}

TEST(TraceReader, PullApiMatchesCallbackApi)
{
    auto input = gs::readInput(std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/go126_iterpull.trace");
    ASSERT_TRUE(input.ok());
    auto reader = gs::gotrace::TraceReader::open(input->span());
    ASSERT_TRUE(reader.ok());
    EXPECT_EQ((*reader)->header().minorVersion, 26);
    std::vector<std::string> pulled;
    gs::gotrace::Event ev;
    while ((*reader)->next(ev)) {
        std::string line;
        gs::gotrace::appendEventLine(ev, line);
        pulled.push_back(line);
    }
    EXPECT_FALSE((*reader)->error().has_value());
    EXPECT_EQ((*reader)->completeGenerations(), 1u);
    const Outcome pushed = read(input->data);
    EXPECT_EQ(pulled, pushed.lines);
}

} // namespace
