// SPDX-License-Identifier: MIT
// The stack blocks of an event's text, on a hand-made trace with the cases no fixture has:
// stack ID 0 where Go still prints an (empty) block, and one stack ID naming different frames in
// two generations. The expected texts are what `go tool trace -d=parsed` printed for these bytes.
#include "core/base/load_context.h"
#include "core/formats/gotrace/event_format.h"
#include "core/formats/gotrace/trace_reader.h"

#include "tests/support/trace_wire.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace gs::test::tracewire;

constexpr uint64_t kNone = ~uint64_t(0);

void putStrings(Bytes& out, uint64_t gen, const std::vector<std::string>& strings)
{
    Bytes b = {4}; // EvStrings, then EvString id len bytes; IDs from 1
    for (size_t i = 0; i < strings.size(); ++i) {
        b.push_back(5);
        putUvarint(b, i + 1);
        putUvarint(b, strings[i].size());
        b.insert(b.end(), strings[i].begin(), strings[i].end());
    }
    putBatch(out, gen, kNone, 100 * gen, b);
}

// Stack 1 of the generation: frames of {pc, func string, file string, line}.
void putStack(Bytes& out, uint64_t gen, const std::vector<std::vector<uint64_t>>& frames)
{
    Bytes b = {2, 3, 1}; // EvStacks, EvStack id=1
    putUvarint(b, frames.size());
    for (const auto& f : frames)
        for (uint64_t v : f)
            putUvarint(b, v);
    putBatch(out, gen, kNone, 100 * gen, b);
}

// Events of thread 7: {type, arguments after the timestamp delta}, each 1 tick after the last.
void putEvents(Bytes& out, uint64_t gen, const std::vector<std::pair<uint8_t, std::vector<uint64_t>>>& events)
{
    Bytes b;
    for (const auto& [type, args] : events) {
        b.push_back(type);
        putUvarint(b, 1);
        for (uint64_t v : args)
            putUvarint(b, v);
    }
    putBatch(out, gen, 7, 100 * gen, b);
}

Bytes handMadeTrace()
{
    Bytes t = header(26);
    putSyncBatch(t, 1, 100);
    putStrings(t, 1, {"main.f", "/src/f.go", "main.g"});
    putStack(t, 1, {{0x401000, 1, 2, 10}, {0x402abc, 3, 2, 20}});
    Bytes samples = {6}; // EvCPUSamples; EvCPUSample time m p g stack, at ticks 109 and 110
    for (uint64_t stack : {0u, 1u}) {
        samples.push_back(7);
        for (uint64_t v : {109 + stack, uint64_t(7), uint64_t(0), uint64_t(1), stack})
            putUvarint(samples, v);
    }
    putBatch(t, 1, kNone, 100, samples);
    putEvents(t, 1,
              {{13, {0, 1}},          // ProcStatus p=0 running
               {25, {1, 7, 2}},       // GoStatus g=1 m=7 running
               {14, {2, 0, 0}},       // GoCreate g=2, no stacks
               {14, {3, 1, 1}},       // GoCreate g=3, both stacks 1
               {20, {0, 1}}});        // GoBlock reason="" stack=1
    t.push_back(52);                  // EndOfGeneration
    putSyncBatch(t, 2, 200);
    putStrings(t, 2, {"main.h", "/src/h.go"});
    putStack(t, 2, {{0x403000, 1, 2, 30}});
    putEvents(t, 2,
              {{13, {0, 1}},          // ProcStatus p=0 running
               {25, {3, kNone, 1}},   // GoStatus g=3 runnable
               {16, {3, 1}},          // GoStart g=3
               {20, {0, 1}}});        // GoBlock reason="" stack=1 (this generation's)
    t.push_back(52);
    return t;
}

TEST(EventText, StackBlocksAsGoPrintsThem)
{
    std::vector<std::string> texts;
    gs::gotrace::StackTextCache stacks;
    gs::LoadContext ctx;
    const Bytes trace = handMadeTrace();
    auto result = gs::gotrace::readTrace(trace, ctx, [&](const gs::gotrace::Event& ev) {
        texts.emplace_back();
        gs::gotrace::appendEvent(ev, stacks, texts.back());
    });
    ASSERT_TRUE(result.ok()) << result.error().describe();
    ASSERT_EQ(texts.size(), 14u);
    const std::string frames1 = "\tmain.f @ 0x401000\n\t\t/src/f.go:10\n\tmain.g @ 0x402abc\n\t\t/src/f.go:20\n";
    // A GoCreate's new-goroutine stack prints its header even for ID 0; its own ID 0 does not.
    EXPECT_EQ(texts[3], "M=7 P=0 G=1 StateTransition Time=6592 GoID=2 NotExist->Runnable Reason=\"\"\n"
                        "TransitionStack=\n");
    EXPECT_EQ(texts[4], "M=7 P=0 G=1 StateTransition Time=6656 GoID=3 NotExist->Runnable Reason=\"\"\n"
                        "TransitionStack=\n" + frames1 + "\nStack=\n" + frames1);
    EXPECT_EQ(texts[5], "M=7 P=0 G=1 StateTransition Time=6720 GoID=1 Running->Waiting Reason=\"\"\n"
                        "TransitionStack=\n" + frames1 + "\nStack=\n" + frames1);
    // So does a CPU sample's.
    EXPECT_EQ(texts[6], "M=7 P=0 G=1 StackSample Time=6976\nStack=\n");
    EXPECT_EQ(texts[7], "M=7 P=0 G=1 StackSample Time=7040\nStack=\n" + frames1);
    EXPECT_EQ(texts[9], "M=7 P=0 G=-1 StateTransition Time=12864 ProcID=0 Running->Running Reason=\"\"");
    // Stack 1 of the second generation is another stack: the cached text of the first is not reused.
    const std::string frames2 = "\tmain.h @ 0x403000\n\t\t/src/h.go:30\n";
    EXPECT_EQ(texts[12], "M=7 P=0 G=3 StateTransition Time=13056 GoID=3 Running->Waiting Reason=\"\"\n"
                         "TransitionStack=\n" + frames2 + "\nStack=\n" + frames2);
}

} // namespace
