// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>

namespace gs::gotrace {

// Wire event types of the Go 1.22–1.26 execution trace format. The numbering never changed
// between versions (new types were only appended), so one table serves every v2 header.
enum WireType : uint8_t
{
    EvNone = 0,
    EvEventBatch = 1,
    EvStacks = 2,
    EvStack = 3,
    EvStrings = 4,
    EvString = 5,
    EvCPUSamples = 6,
    EvCPUSample = 7,
    EvFrequency = 8,
    EvProcsChange = 9,
    EvProcStart = 10,
    EvProcStop = 11,
    EvProcSteal = 12,
    EvProcStatus = 13,
    EvGoCreate = 14,
    EvGoCreateSyscall = 15,
    EvGoStart = 16,
    EvGoDestroy = 17,
    EvGoDestroySyscall = 18,
    EvGoStop = 19,
    EvGoBlock = 20,
    EvGoUnblock = 21,
    EvGoSyscallBegin = 22,
    EvGoSyscallEnd = 23,
    EvGoSyscallEndBlocked = 24,
    EvGoStatus = 25,
    EvSTWBegin = 26,
    EvSTWEnd = 27,
    EvGCActive = 28,
    EvGCBegin = 29,
    EvGCEnd = 30,
    EvGCSweepActive = 31,
    EvGCSweepBegin = 32,
    EvGCSweepEnd = 33,
    EvGCMarkAssistActive = 34,
    EvGCMarkAssistBegin = 35,
    EvGCMarkAssistEnd = 36,
    EvHeapAlloc = 37,
    EvHeapGoal = 38,
    EvGoLabel = 39,
    EvUserTaskBegin = 40,
    EvUserTaskEnd = 41,
    EvUserRegionBegin = 42,
    EvUserRegionEnd = 43,
    EvUserLog = 44,
    EvGoSwitch = 45,
    EvGoSwitchDestroy = 46,
    EvGoCreateBlocked = 47,
    EvGoStatusStack = 48,
    EvExperimentalBatch = 49,
    EvSync = 50,
    EvClockSnapshot = 51,
    EvEndOfGeneration = 52,
    EvSpan = 128,
    EvSpanAlloc = 129,
    EvSpanFree = 130,
    EvHeapObject = 131,
    EvHeapObjectAlloc = 132,
    EvHeapObjectFree = 133,
    EvGoroutineStack = 134,
    EvGoroutineStackAlloc = 135,
    EvGoroutineStackFree = 136,
    // Not on the wire: the reader's synthesized generation-boundary event.
    EvSyncMarker = 255,
};

// Most arguments a timed event carries after its timestamp delta, plus the slots the ordering
// engine uses to smuggle derived values ("extra" arguments) along with the event.
constexpr int kMaxEventArgs = 4;
constexpr uint64_t kMaxBatchSize = 64 << 10;
constexpr uint64_t kMaxFramesPerStack = 128;
constexpr uint64_t kMaxStringSize = 1 << 10;

// Static facts about one wire type: how to size it on the wire and how to interpret its
// arguments. `argCount` excludes the timestamp delta; argument indexes below count from the
// first argument after the delta.
struct WireSpec
{
    const char* name = nullptr; // null: unknown type
    uint8_t argCount = 0;
    bool timed = false;
    int8_t stackArg = -1;          // the event's own stack
    int8_t newStackArg = -1;       // GoCreate*: the new goroutine's start stack
    int8_t stringArgs[2] = {-1, -1};
    uint8_t startType = EvNone;    // for End/Active events: the matching Begin
    bool experimental = false;     // AllocFree experiment event
    const char* argNames[kMaxEventArgs] = {};
    // What each argument names, from the fields above: the tokenizer checks them against the
    // generation's tables argument by argument.
    enum IdKind : uint8_t
    {
        NoId,
        StackId,
        StringId,
    };
    IdKind argIds[kMaxEventArgs] = {};
};

// Indexed by wire type; entries without a name are unknown types.
extern const std::array<WireSpec, 256> kWireSpecs;

inline const WireSpec& wireSpec(uint8_t type)
{
    return kWireSpecs[type];
}

} // namespace gs::gotrace
