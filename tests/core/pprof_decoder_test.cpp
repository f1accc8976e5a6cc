// SPDX-License-Identifier: MIT
#include "core/analysis/granularity.h"
#include "core/formats/pprof/pprof_decoder.h"
#include "core/io/file_bytes.h"
#include "core/load/load_file.h"
#include "tests/support/proto_builder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace gs {
namespace {

using test::ProtoBuilder;

const std::string kDataDir = GOROSCOPE_TEST_DATA_DIR "/pprof/";

std::shared_ptr<EventStore> decodeFixture(const std::string& name)
{
    auto input = readInput(kDataDir + name);
    EXPECT_TRUE(input.ok()) << name;
    if (!input)
        return nullptr;
    LoadContext context;
    auto decoded = decodePprof(input->span(), context);
    EXPECT_TRUE(decoded.ok()) << name << ": " << (decoded ? "" : decoded.error().describe());
    return decoded ? *decoded : nullptr;
}

Error decodeError(const ProtoBuilder& p)
{
    LoadContext context;
    auto decoded = decodePprof(p.data(), context);
    EXPECT_FALSE(decoded.ok());
    return decoded ? Error {"decoded unexpectedly", std::nullopt} : decoded.error();
}

std::vector<std::string> typeNames(const Profile& p)
{
    std::vector<std::string> out;
    for (const ValueType& t : p.sampleTypes)
        out.push_back(t.type + "/" + t.unit);
    return out;
}

std::vector<std::string> stackNames(const EventStore& s, size_t sample)
{
    std::vector<std::string> out;
    for (FrameId f : s.symbols.stacks.frames(s.profile->sampleStacks[sample]))
        out.emplace_back(s.symbols.functionName(s.symbols.frameFunction(f)));
    return out;
}

bool hasFunction(const EventStore& s, std::string_view name)
{
    for (size_t i = 0; i < s.symbols.functions.size(); ++i) {
        if (s.symbols.functionName(FunctionId(i)) == name)
            return true;
    }
    return false;
}

// ---- Real profiles written by the Go runtime (tests/data/gen/pprof) ----

TEST(PprofFixtures, Cpu)
{
    auto s = decodeFixture("cpu.pb.gz");
    ASSERT_TRUE(s);
    const Profile& p = *s->profile;
    EXPECT_EQ(typeNames(p), (std::vector<std::string> {"samples/count", "cpu/nanoseconds"}));
    EXPECT_EQ(p.defaultSampleType, 1u); // unset: the last one
    EXPECT_EQ(p.period, 10000000);
    EXPECT_EQ(p.periodType.type, "cpu");
    EXPECT_GT(p.durationNs, 0);
    EXPECT_GT(p.timeNanos, 0);
    EXPECT_GT(p.sampleCount(), 10u);
    EXPECT_FALSE(p.mappings.empty());
    EXPECT_TRUE(hasFunction(*s, "main.hashLoop"));
    EXPECT_TRUE(hasFunction(*s, "main.fib"));

    // Every sample carries worker=a or worker=b (pprof.Do labels).
    std::set<std::string> workers;
    for (size_t i = 0; i < p.sampleCount(); ++i) {
        for (const SampleLabel& l : p.sampleLabels(i)) {
            if (s->symbols.strings.get(l.key) == "worker")
                workers.insert(std::string(s->symbols.strings.get(l.str)));
        }
        // samples/count * period == cpu/nanoseconds
        EXPECT_EQ(p.value(i, 0) * p.period, p.value(i, 1));
    }
    EXPECT_EQ(workers, (std::set<std::string> {"a", "b"}));

    // main.mix is inlined into main.hashLoop: the expanded stack has mix directly under hashLoop's
    // frame, and fib recursion shows as repeated frames.
    bool inlined = false, recursive = false;
    for (size_t i = 0; i < p.sampleCount(); ++i) {
        const auto names = stackNames(*s, i);
        for (size_t k = 0; k + 1 < names.size(); ++k) {
            inlined |= names[k] == "main.mix" && names[k + 1] == "main.hashLoop";
            recursive |= names[k] == "main.fib" && names[k + 1] == "main.fib";
        }
    }
    EXPECT_TRUE(inlined);
    EXPECT_TRUE(recursive);
}

TEST(PprofFixtures, HeapAndAllocs)
{
    auto heap = decodeFixture("heap.pb.gz");
    auto allocs = decodeFixture("allocs.pb.gz");
    ASSERT_TRUE(heap && allocs);
    const std::vector<std::string> types = {"alloc_objects/count", "alloc_space/bytes", "inuse_objects/count",
                                            "inuse_space/bytes"};
    EXPECT_EQ(typeNames(*heap->profile), types);
    EXPECT_EQ(typeNames(*allocs->profile), types);
    EXPECT_EQ(heap->profile->defaultSampleType, 3u);   // unset: inuse_space, the last
    EXPECT_EQ(allocs->profile->defaultSampleType, 1u); // default_sample_type = "alloc_space"
    EXPECT_EQ(heap->profile->periodType.type, "space");
    EXPECT_EQ(heap->profile->period, 4096);
    EXPECT_TRUE(hasFunction(*heap, "main.allocList"));
    // Heap samples carry a numeric "bytes" label (the object size).
    bool numeric = false;
    for (const SampleLabel& l : heap->profile->labels)
        numeric |= heap->symbols.strings.get(l.key) == "bytes" && l.str == 0 && l.num > 0;
    EXPECT_TRUE(numeric);
}

TEST(PprofFixtures, CountProfiles)
{
    const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
        {"goroutine.pb.gz", {"goroutine/count"}},
        {"threadcreate.pb.gz", {"threadcreate/count"}},
        {"block.pb.gz", {"contentions/count", "delay/nanoseconds"}},
        {"mutex.pb.gz", {"contentions/count", "delay/nanoseconds"}},
        {"goroutineleak.pb.gz", {"goroutineleak/count"}},
    };
    for (const auto& [file, types] : cases) {
        auto s = decodeFixture(file);
        ASSERT_TRUE(s) << file;
        EXPECT_EQ(typeNames(*s->profile), types) << file;
        EXPECT_GT(s->profile->sampleCount(), 0u) << file;
        EXPECT_EQ(s->profile->defaultSampleType, types.size() - 1) << file;
    }
    // The threadcreate profile has a location without lines or mapping: pprof calls it <unknown>.
    EXPECT_TRUE(hasFunction(*decodeFixture("threadcreate.pb.gz"), "<unknown>"));
    EXPECT_TRUE(hasFunction(*decodeFixture("goroutineleak.pb.gz"), "main.leakOnChannel"));
}

// Generic functions are named as pprof names them (the rule itself: pprof_function_name_test).
TEST(PprofFixtures, GenericFunctionsAreNamedAsPprofNamesThem)
{
    auto s = decodeFixture("generics.pb.gz");
    ASSERT_TRUE(s);
    EXPECT_TRUE(hasFunction(*s, "main.waitIn[go.shape.func ]"));
    EXPECT_TRUE(hasFunction(*s, "main.waitIn[go.shape.interface { Read ; Write  }]"));
    EXPECT_TRUE(hasFunction(*s, "main.waitInClosure[go.shape.func int].func1"));
    EXPECT_TRUE(hasFunction(*s, "main.(*box[go.shape.func() int]).wait"));
    EXPECT_TRUE(hasFunction(*s, "main.box[go.shape.func int].hold"));
    EXPECT_FALSE(hasFunction(*s, "main.waitIn[go.shape.func(int)]"));
    // func(int) and func(string) are one function to pprof: main.waitIn[go.shape.func].
    const Profile& p = *s->profile;
    int64_t goroutines = 0;
    for (size_t i = 0; i < p.sampleCount(); ++i) {
        for (const std::string& name : stackNames(*s, i))
            goroutines += name == "main.waitIn[go.shape.func]" ? p.value(i, 0) : 0;
    }
    EXPECT_EQ(goroutines, 2);
}

TEST(PprofFixtures, LoadFileDetectsGzippedPprof)
{
    LoadContext context;
    auto loaded = loadFile(kDataDir + "cpu.pb.gz", context);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ((*loaded)->format, Format::Pprof);
}

// ---- A hand-built profile exercising every field ----

// strings: 0 "", 1 samples, 2 count, 3 cpu, 4 nanoseconds, 5 main.main, 6 main.go, 7 main.leaf,
// 8 worker, 9 a, 10 size, 11 bytes, 12 a comment, 13 /bin/app, 14 main.inl
ProtoBuilder strings(ProtoBuilder p)
{
    for (const char* s : {"", "samples", "count", "cpu", "nanoseconds", "main.main", "main.go", "main.leaf", "worker",
                          "a", "size", "bytes", "a comment", "/bin/app", "main.inl"})
        p.bytes(6, s);
    return p;
}

ProtoBuilder valueType(uint64_t type, uint64_t unit)
{
    return ProtoBuilder().varint(1, type).varint(2, unit);
}

ProtoBuilder line(uint64_t function, uint64_t lineNo)
{
    return ProtoBuilder().varint(1, function).varint(2, lineNo);
}

ProtoBuilder fullProfile()
{
    ProtoBuilder p;
    p.varint(9, 5); // time first, as Go writes it
    p.message(1, valueType(1, 2)).message(1, valueType(3, 4));
    // Sample values before locations (Go's order); location ids unpacked in the first sample.
    p.message(2, ProtoBuilder()
                     .packed(2, {1, 10})
                     .varint(1, 1)
                     .varint(1, 2)
                     .message(3, ProtoBuilder().varint(1, 8).varint(2, 9))
                     .message(3, ProtoBuilder().varint(1, 10).varint(3, 64).varint(4, 11)));
    p.message(2, ProtoBuilder().packed(1, {3, 2}).packed(2, {2, 20}));
    p.message(3, ProtoBuilder().varint(1, 1).varint(2, 0x1000).varint(3, 0x2000).varint(5, 13));
    // Location 1: main.leaf inlined into main.inl (innermost line first).
    p.message(4, ProtoBuilder().varint(1, 1).varint(2, 1).message(4, line(2, 10)).message(4, line(3, 20)));
    p.message(4, ProtoBuilder().varint(1, 2).varint(2, 1).message(4, line(1, 3)));
    p.message(4, ProtoBuilder().varint(1, 3).varint(2, 1).varint(3, 0x1234)); // no lines
    p.message(5, ProtoBuilder().varint(1, 1).varint(2, 5).varint(3, 5).varint(4, 6));
    p.message(5, ProtoBuilder().varint(1, 2).varint(2, 7).varint(4, 6));
    p.message(5, ProtoBuilder().varint(1, 3).varint(2, 14).varint(4, 6));
    p.varint(10, 1000).message(11, valueType(3, 4)).varint(12, 10).varint(13, 12).varint(14, 1);
    return strings(p);
}

TEST(PprofDecoder, DecodesEveryField)
{
    LoadContext context;
    auto decoded = decodePprof(fullProfile().data(), context);
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    const EventStore& s = **decoded;
    const Profile& p = *s.profile;
    EXPECT_EQ(typeNames(p), (std::vector<std::string> {"samples/count", "cpu/nanoseconds"}));
    EXPECT_EQ(p.defaultSampleType, 0u); // default_sample_type = "samples"
    EXPECT_EQ(p.timeNanos, 5);
    EXPECT_EQ(p.durationNs, 1000);
    EXPECT_EQ(p.period, 10);
    EXPECT_EQ(p.periodType.unit, "nanoseconds");
    EXPECT_EQ(p.comments, std::vector<std::string> {"a comment"});
    ASSERT_EQ(p.mappings.size(), 1u);
    EXPECT_EQ(p.mappings[0].filename, "/bin/app");
    EXPECT_EQ(p.mappings[0].memoryLimit, 0x2000u);

    ASSERT_EQ(p.sampleCount(), 2u);
    EXPECT_EQ(stackNames(s, 0), (std::vector<std::string> {"main.leaf", "main.inl", "main.main"}));
    EXPECT_EQ(stackNames(s, 1), (std::vector<std::string> {"[app]", "main.main"}));
    EXPECT_EQ(p.value(0, 1), 10);
    EXPECT_EQ(p.value(1, 0), 2);
    // Inlined frames keep their own lines.
    const auto frames = s.symbols.stacks.frames(p.sampleStacks[0]);
    EXPECT_EQ(s.symbols.frames[frames[0]].line, 10);
    EXPECT_EQ(s.symbols.frames[frames[1]].line, 20);

    const auto labels = p.sampleLabels(0);
    ASSERT_EQ(labels.size(), 2u);
    EXPECT_EQ(s.symbols.strings.get(labels[0].key), "worker");
    EXPECT_EQ(s.symbols.strings.get(labels[0].str), "a");
    EXPECT_EQ(s.symbols.strings.get(labels[1].key), "size");
    EXPECT_EQ(labels[1].num, 64);
    EXPECT_EQ(s.symbols.strings.get(labels[1].numUnit), "bytes");
    EXPECT_TRUE(p.sampleLabels(1).empty());
}

// ---- pprof's granularities, from the locations the decoder keeps ----

std::vector<std::string> regroupedStack(const EventStore& store, NodeGranularity g, size_t sample)
{
    auto regrouped = regroupProfile(store, g);
    EXPECT_TRUE(regrouped.ok());
    return regrouped.ok() ? stackNames(**regrouped, sample) : std::vector<std::string> {};
}

TEST(PprofGranularity, NodesAreNamedAsPprofPrintsThem)
{
    LoadContext context;
    auto decoded = decodePprof(fullProfile().data(), context);
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    const EventStore& s = **decoded;
    using G = Granularity;
    EXPECT_EQ(regroupedStack(s, {G::Lines, false}, 0),
              (std::vector<std::string> {"main.leaf main.go:10", "main.inl main.go:20", "main.main main.go:3"}));
    EXPECT_EQ(regroupedStack(s, {G::Lines, false}, 1), (std::vector<std::string> {"[app]", "main.main main.go:3"}));
    // Location 3 has an address and no lines.
    EXPECT_EQ(regroupedStack(s, {G::Addresses, false}, 1),
              (std::vector<std::string> {"0000000000001234 [app]", "main.main main.go:3"}));
    // One file, one binary, no start lines: one node.
    EXPECT_EQ(regroupedStack(s, {G::Files, false}, 0), (std::vector<std::string> {"main.go", "main.go", "main.go"}));
    // Without inlines, a location is its outermost function.
    EXPECT_EQ(regroupedStack(s, {G::Functions, true}, 0), (std::vector<std::string> {"main.inl", "main.main"}));
    EXPECT_EQ(regroupedStack(s, {G::Lines, true}, 0),
              (std::vector<std::string> {"main.inl main.go:20", "main.main main.go:3"}));

    // The inlined call keeps its mark; values and labels stay.
    auto lines = regroupProfile(s, {G::Lines, false});
    ASSERT_TRUE(lines.ok());
    const EventStore& l = **lines;
    const auto frames = l.symbols.stacks.frames(l.profile->sampleStacks[0]);
    EXPECT_TRUE(l.symbols.frames[frames[0]].inlined);
    EXPECT_FALSE(l.symbols.frames[frames[1]].inlined);
    EXPECT_EQ(l.profile->value(0, 1), 10);
    EXPECT_EQ(l.symbols.strings.get(l.profile->sampleLabels(0)[0].str), "a");
}

TEST(PprofGranularity, OnlyPprofProfilesHaveThem)
{
    EventStore store;
    store.profile.emplace();
    EXPECT_FALSE(regroupProfile(store, {Granularity::Lines, false}).ok());
}

TEST(PprofGranularity, FilePathsAreCleanedAsGoCleansThem)
{
    const std::pair<const char*, const char*> cases[] = {
        {"/proc/self/cwd/./a//b/../c.go", "a/c.go"}, {"/proc/self/cwd/x.go", "x.go"}, {"../x/./y.go", "../x/y.go"},
        {"/a/../../b.go", "/b.go"}, {"a/..", "."}, {"runtime/proc.go", "runtime/proc.go"},
    };
    for (const auto& [path, shown] : cases)
        EXPECT_EQ(pprofNodeFile(path), shown) << path;
}

// ---- Malformed input: one test per error path, each checking message and offset ----

ProtoBuilder oneType()
{
    return ProtoBuilder().message(1, valueType(1, 2));
}

TEST(PprofDecoderErrors, EmptyInput)
{
    const Error e = decodeError(ProtoBuilder());
    EXPECT_EQ(e.offset, 0u);
    EXPECT_NE(e.message.find("empty"), std::string::npos);
}

TEST(PprofDecoderErrors, TruncatedFixture)
{
    auto input = readInput(kDataDir + "cpu.pb.gz");
    ASSERT_TRUE(input.ok());
    // Cut in the middle: the field straddling the cut must be reported, at or before the cut.
    for (size_t cut : {size_t(1), input->data.size() / 3, input->data.size() - 1}) {
        std::vector<uint8_t> bytes(input->data.begin(), input->data.begin() + long(cut));
        LoadContext context;
        auto decoded = decodePprof(bytes, context);
        ASSERT_FALSE(decoded.ok()) << cut;
        ASSERT_TRUE(decoded.error().offset.has_value());
        EXPECT_LE(*decoded.error().offset, cut);
        // A cut between two fields leaves a well-formed prefix whose references dangle instead.
        if (cut == 1 || cut == input->data.size() - 1) {
            const std::string& m = decoded.error().message;
            EXPECT_TRUE(m.find("truncated varint") != std::string::npos
                        || m.find("runs past the end") != std::string::npos)
                << m;
        }
    }
}

TEST(PprofDecoderErrors, TruncatedLengthIsReportedAtTheLength)
{
    ProtoBuilder p = oneType();
    const size_t at = p.size();
    p.tag(2, 2).raw(50).byte(0x08); // a sample claiming 50 bytes, 1 present
    const Error e = decodeError(p);
    EXPECT_EQ(e.offset, at + 1);
    EXPECT_NE(e.message.find("length 50 runs past the end"), std::string::npos) << e.message;
}

TEST(PprofDecoderErrors, AbsurdLengthDoesNotAllocate)
{
    ProtoBuilder p;
    p.tag(6, 2).raw(uint64_t(1) << 60);
    const Error e = decodeError(p);
    EXPECT_EQ(e.offset, 1u);
    EXPECT_NE(e.message.find("runs past the end"), std::string::npos) << e.message;
}

TEST(PprofDecoderErrors, WrongWireTypeAtTopLevel)
{
    ProtoBuilder p = strings(oneType());
    const size_t at = p.size();
    p.varint(2, 7); // sample as a varint
    const Error e = decodeError(p);
    EXPECT_EQ(e.offset, at);
    EXPECT_NE(e.message.find("Profile.sample (field 2) has wire type 0 (varint), expected 2"), std::string::npos)
        << e.message;
}

TEST(PprofDecoderErrors, WrongWireTypeInsideASample)
{
    ProtoBuilder p = strings(oneType());
    const size_t at = p.size();
    // location_id as a 32-bit field: protobuf parses it as an unknown field, the walker catches it.
    ProtoBuilder sample;
    sample.varint(2, 1).tag(1, 5).byte(1).byte(0).byte(0).byte(0);
    p.message(2, sample);
    const Error e = decodeError(p);
    EXPECT_EQ(e.offset, at + 2 + 2); // tag + length of the sample, then value field (2 bytes)
    EXPECT_NE(e.message.find("Sample.location_id (field 1) has wire type 5 (32-bit)"), std::string::npos)
        << e.message;
}

TEST(PprofDecoderErrors, GroupWireTypeIsRejected)
{
    ProtoBuilder p = oneType();
    const size_t at = p.size();
    p.tag(5, 3);
    const Error e = decodeError(p);
    EXPECT_EQ(e.offset, at);
    EXPECT_NE(e.message.find("wire type 3"), std::string::npos) << e.message;
}

TEST(PprofDecoderErrors, StringIndexOutOfRange)
{
    ProtoBuilder p;
    p.message(1, valueType(99, 2));
    const Error e = decodeError(strings(p));
    EXPECT_EQ(e.offset, 0u);
    EXPECT_NE(e.message.find("sample_type.type refers to string 99, but the string table has 15 entries"),
              std::string::npos)
        << e.message;
}

TEST(PprofDecoderErrors, FirstStringMustBeEmpty)
{
    ProtoBuilder p = oneType();
    const size_t at = p.size();
    p.bytes(6, "oops").bytes(6, "count");
    const Error e = decodeError(p);
    EXPECT_EQ(e.offset, at);
    EXPECT_NE(e.message.find("string_table[0] must be the empty string"), std::string::npos) << e.message;
}

// A damaged profile's first string is binary garbage: the message quotes it escaped and cut, so
// it stays one readable line.
TEST(PprofDecoderErrors, FirstStringIsQuotedOnOneLine)
{
    ProtoBuilder p = oneType();
    p.bytes(6, std::string("\x1f\x8b\x08\n\xff\x1b[2J", 9) + std::string(500, 'x')).bytes(6, "count");
    const Error e = decodeError(p);
    EXPECT_NE(e.message.find("found \"\\x1f\\x8b\\x08\\n\\xff\\x1b[2Jxxx"), std::string::npos) << e.message;
    EXPECT_NE(e.message.find("x\u2026\""), std::string::npos) << e.message;
    EXPECT_EQ(e.message.find('\n'), std::string::npos) << e.message;
    EXPECT_LT(e.message.size(), 200u) << e.message;
}

TEST(PprofDecoderErrors, SampleRefersToMissingLocation)
{
    ProtoBuilder p = oneType();
    p.message(4, ProtoBuilder().varint(1, 1));
    p.message(2, ProtoBuilder().varint(1, 1).varint(2, 1));
    const size_t at = p.size();
    p.message(2, ProtoBuilder().varint(1, 99).varint(2, 1));
    const Error e = decodeError(strings(p));
    EXPECT_EQ(e.offset, at);
    EXPECT_NE(e.message.find("sample 1 refers to location id 99, which is not in the profile"), std::string::npos)
        << e.message;
}

TEST(PprofDecoderErrors, LocationRefersToMissingFunction)
{
    ProtoBuilder p = oneType();
    const size_t at = p.size();
    p.message(4, ProtoBuilder().varint(1, 1).message(4, line(7, 1)));
    const Error e = decodeError(strings(p));
    EXPECT_EQ(e.offset, at);
    EXPECT_NE(e.message.find("location 1 refers to function id 7"), std::string::npos) << e.message;
}

TEST(PprofDecoderErrors, ValueCountMustMatchSampleTypes)
{
    ProtoBuilder p = oneType();
    const size_t at = p.size();
    p.message(2, ProtoBuilder().packed(2, {1, 2, 3}));
    const Error e = decodeError(strings(p));
    EXPECT_EQ(e.offset, at);
    EXPECT_NE(e.message.find("sample 0 has 3 values, but the profile has 1 sample types"), std::string::npos)
        << e.message;
}

// Every total, flame node and top row is a sum of sample values: values whose magnitudes add up
// past INT64_MAX are refused rather than overflowed later.
TEST(PprofDecoderErrors, ValuesThatCannotBeSummedAreRefused)
{
    ProtoBuilder p = oneType();
    p.message(2, ProtoBuilder().packed(2, {uint64_t(INT64_MAX)}));
    p.message(2, ProtoBuilder().packed(2, {uint64_t(-1)}));
    const Error e = decodeError(strings(p));
    EXPECT_NE(e.message.find("the values of sample type 'samples' add up to more than 2^63-1"), std::string::npos)
        << e.message;

    ProtoBuilder fits = oneType();
    fits.message(2, ProtoBuilder().packed(2, {uint64_t(INT64_MAX - 1)}));
    fits.message(2, ProtoBuilder().packed(2, {uint64_t(-1)}));
    LoadContext context;
    EXPECT_TRUE(decodePprof(strings(fits).data(), context).ok());
}

TEST(PprofDecoderErrors, DuplicateLocationId)
{
    ProtoBuilder p = oneType();
    p.message(4, ProtoBuilder().varint(1, 4));
    const size_t at = p.size();
    p.message(4, ProtoBuilder().varint(1, 4));
    const Error e = decodeError(strings(p));
    EXPECT_EQ(e.offset, at);
    EXPECT_NE(e.message.find("duplicate location id 4"), std::string::npos) << e.message;
}

TEST(PprofDecoderErrors, SparseIdsStayCheap)
{
    // Ids near 2^64 must not size a dense table.
    ProtoBuilder p = oneType();
    p.message(4, ProtoBuilder().varint(1, UINT64_MAX - 1));
    p.message(2, ProtoBuilder().varint(1, UINT64_MAX - 1).varint(2, 5));
    LoadContext context;
    auto decoded = decodePprof(strings(p).data(), context);
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    EXPECT_EQ((*decoded)->profile->value(0, 0), 5);
}

TEST(PprofDecoderErrors, CorruptedFixturesNeverCrash)
{
    // Deterministic byte flips, insertions and cuts of real profiles: every outcome is either a
    // decoded store or an error whose offset lies inside the input.
    for (const char* name : {"cpu.pb.gz", "heap.pb.gz", "threadcreate.pb.gz"}) {
        auto input = readInput(kDataDir + name);
        ASSERT_TRUE(input.ok());
        uint64_t state = 0x243f6a8885a308d3ull;
        auto next = [&] {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return state;
        };
        for (int round = 0; round < 400; ++round) {
            std::vector<uint8_t> bytes = input->data;
            for (int k = 0; k < 1 + round % 4; ++k) {
                const size_t at = next() % bytes.size();
                switch (next() % 3) {
                case 0:
                    bytes[at] = uint8_t(next());
                    break;
                case 1:
                    bytes.insert(bytes.begin() + long(at), uint8_t(next()));
                    break;
                default:
                    bytes.resize(std::max<size_t>(at, 1));
                    break;
                }
            }
            LoadContext context;
            auto decoded = decodePprof(bytes, context);
            if (!decoded) {
                ASSERT_TRUE(decoded.error().offset.has_value()) << decoded.error().message;
                EXPECT_LE(*decoded.error().offset, bytes.size());
                EXPECT_EQ(decoded.error().message.find('\n'), std::string::npos);
            }
        }
    }
}

// ---- Through loadFile: gzip and sniffing errors ----

class TempFile
{
public:
    explicit TempFile(const std::vector<uint8_t>& bytes)
        : m_path(std::filesystem::temp_directory_path()
                 / ("goroscope_pprof_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_"
                    + ::testing::UnitTest::GetInstance()->current_test_info()->name()))
    {
        std::ofstream(m_path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), long(bytes.size()));
    }
    ~TempFile() { std::filesystem::remove(m_path); }
    std::string path() const { return m_path.string(); }

private:
    std::filesystem::path m_path;
};

TEST(PprofLoadFile, GarbageIsNotRecognised)
{
    const std::string text = "hello, this is not a profile\n";
    TempFile f(std::vector<uint8_t>(text.begin(), text.end()));
    LoadContext context;
    auto loaded = loadFile(f.path(), context);
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.error().message.find("not a recognised capture"), std::string::npos) << loaded.error().message;
}

TEST(PprofLoadFile, CorruptGzip)
{
    TempFile f({0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x00, 0x99, 0x99, 0x99});
    LoadContext context;
    auto loaded = loadFile(f.path(), context);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().message.rfind(f.path() + ": at byte ", 0), 0u) << loaded.error().message;
    EXPECT_NE(loaded.error().message.find("gzip"), std::string::npos) << loaded.error().message;
}

TEST(PprofLoadFile, DecodeErrorNamesFileAndDecompressedOffset)
{
    auto raw = readFile(kDataDir + "cpu.pb.gz");
    auto input = readInput(kDataDir + "cpu.pb.gz");
    ASSERT_TRUE(raw.ok() && input.ok());
    std::vector<uint8_t> cut(input->data.begin(), input->data.begin() + long(input->data.size() / 2));
    TempFile f(cut); // uncompressed, so the message has no "(decompressed)"
    LoadContext context;
    auto loaded = loadFile(f.path(), context);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().message.rfind(f.path() + ": at byte ", 0), 0u) << loaded.error().message;
    EXPECT_EQ(loaded.error().message.find("(decompressed)"), std::string::npos);
}

} // namespace
} // namespace gs
