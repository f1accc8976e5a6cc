// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gs::gotrace::v1 {

// Old-format (Go 1.11–1.21) event types.
enum Type : uint8_t
{
    EvNone = 0,
    EvBatch = 1,
    EvFrequency = 2,
    EvStack = 3,
    EvGomaxprocs = 4,
    EvProcStart = 5,
    EvProcStop = 6,
    EvGCStart = 7,
    EvGCDone = 8,
    EvSTWStart = 9,
    EvSTWDone = 10,
    EvGCSweepStart = 11,
    EvGCSweepDone = 12,
    EvGoCreate = 13,
    EvGoStart = 14,
    EvGoEnd = 15,
    EvGoStop = 16,
    EvGoSched = 17,
    EvGoPreempt = 18,
    EvGoSleep = 19,
    EvGoBlock = 20,
    EvGoUnblock = 21,
    EvGoBlockSend = 22,
    EvGoBlockRecv = 23,
    EvGoBlockSelect = 24,
    EvGoBlockSync = 25,
    EvGoBlockCond = 26,
    EvGoBlockNet = 27,
    EvGoSysCall = 28,
    EvGoSysExit = 29,
    EvGoSysBlock = 30,
    EvGoWaiting = 31,
    EvGoInSyscall = 32,
    EvHeapAlloc = 33,
    EvHeapGoal = 34,
    EvTimerGoroutine = 35,
    EvFutileWakeup = 36,
    EvString = 37,
    EvGoStartLocal = 38,
    EvGoUnblockLocal = 39,
    EvGoSysExitLocal = 40,
    EvGoStartLabel = 41,
    EvGoBlockGC = 42,
    EvGCMarkAssistStart = 43,
    EvGCMarkAssistDone = 44,
    EvUserTaskCreate = 45,
    EvUserTaskEnd = 46,
    EvUserRegion = 47,
    EvUserLog = 48,
    EvCPUSample = 49,
    EvCount = 50,
};

// Pseudo procs the old parser assigns to events that are not tied to a real P.
constexpr int32_t kTimerP = 1000001;
constexpr int32_t kNetpollP = 1000002;
constexpr int32_t kSyscallP = 1000003;
constexpr int32_t kGCP = 1000004;
constexpr int32_t kProfileP = 1000005;

// One old-format event after ordering; `ts` in ns since the first event.
struct Event
{
    int64_t ts = 0;
    uint64_t g = 0;
    uint64_t args[4] = {};
    uint32_t stack = 0;
    int32_t p = 0;
    uint8_t type = EvNone;
};

struct Frame
{
    uint64_t pc = 0;
    uint64_t funcString = 0;
    uint64_t fileString = 0;
    uint64_t line = 0;
};

// A whole old-format trace, parsed and ordered the way Go's internal/tracev1 does it: events
// merged across Ps by goroutine sequence numbers and time, "local" event types renamed,
// syscall-exit times fixed up, pseudo procs assigned. Strings and inline strings point into
// the input bytes.
struct Trace
{
    int version = 0;
    std::vector<Event> events;
    std::unordered_map<uint64_t, std::string_view> strings;
    std::vector<std::string_view> inlineStrings; // UserLog messages, by first appearance
    std::unordered_map<uint32_t, std::vector<uint64_t>> stacks;
    std::unordered_map<uint64_t, Frame> frames;
};

// Parses the body (after the 16-byte header). Throws DecodeError. O(n log P) time for n
// events; memory O(n).
Trace parse(std::span<const uint8_t> input, size_t bodyOffset, int version);

// STW kind argument → reason index (0 unknown, 1 GC mark termination, ...), by trace version.
uint64_t stwReason(int version, uint64_t kind);

} // namespace gs::gotrace::v1
