// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/symbols.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace gs {

using TimeNs = int64_t;     // nanoseconds of the trace clock (absolute, as Go's parser reports them)
using GoroutineRow = uint32_t; // dense row in TraceData::goroutines
constexpr GoroutineRow kNoRow = UINT32_MAX;
constexpr int64_t kNoGoroutineId = -1;

// What a goroutine is doing during a span. SyscallBlocked is the part of a syscall after its
// processor was taken away (Go's "Block time (syscall)").
enum class SpanState : uint8_t
{
    Running,
    Runnable,
    Waiting,
    Syscall,
    SyscallBlocked,
};
constexpr size_t kSpanStateCount = 5;
const char* spanStateName(SpanState s);

// Go's execution statistics of one goroutine, with the meaning of `go tool trace`'s goroutine
// analysis (internal/trace summary): the non-overlapping times, plus the total presence.
struct GoroutineStats
{
    TimeNs execNs = 0;
    TimeNs schedWaitNs = 0;
    TimeNs syscallNs = 0;
    TimeNs syscallBlockNs = 0;
    TimeNs totalNs = 0;
    std::vector<std::pair<StringId, TimeNs>> blockNsByReason; // sorted by reason string id
};

struct Goroutine
{
    int64_t id = 0;                         // Go's goroutine ID
    int64_t creatorId = kNoGoroutineId;     // goroutine whose GoCreate made it, if seen
    StackId creationStack = 0;              // the creator's stack at GoCreate
    FunctionId startFunction = UINT32_MAX;  // outermost frame of its first transition stack
    StringId label = 0;                     // GoLabel, e.g. "GC (dedicated)"
    TimeNs createdNs = 0;                   // creation, or the start of the trace if it predates it
    TimeNs startNs = -1;                    // first time it ran; -1 if it never did
    TimeNs endNs = -1;                      // exit (or block "forever"); -1 if alive at the end
    GoroutineStats stats;

    bool hasStartFunction() const { return startFunction != UINT32_MAX; }
};

// State spans of every goroutine, stored by column in one table. Goroutine r owns rows
// [offsets[r], offsets[r+1]), sorted by start and non-overlapping, so ends are sorted too and one
// binary search finds the span covering a time.
//
// For level-of-detail drawing, `checkpoints` holds, for every goroutine and every kCheckpointEvery-th
// span of it, the cumulative duration per state of the spans before it; the state mix of any
// span range then costs O(kCheckpointEvery + states), whatever the range's length.
struct SpanTable
{
    static constexpr uint32_t kCheckpointEvery = 64;

    std::vector<TimeNs> start;           // span start
    std::vector<TimeNs> end;             // span end (the next transition, or the trace end)
    std::vector<SpanState> state;
    std::vector<StringId> reason;        // wait reason ("chan receive"), stop reason ("preempted")
    std::vector<StackId> stack;          // stack at the transition into this span
    std::vector<int32_t> proc;           // processor at the transition; -1 if none
    std::vector<int64_t> waker;          // Runnable after Waiting: ID of the goroutine that woke it
    std::vector<uint32_t> offsets;       // per goroutine row; size goroutines + 1
    std::vector<uint32_t> checkpointOffsets; // per goroutine row; size goroutines + 1
    std::vector<TimeNs> checkpoints;     // kSpanStateCount cumulative durations per checkpoint

    size_t size() const { return start.size(); }
    // Per-span accessors. Code outside the store builder reads spans only through these, so the
    // column encoding can change without touching the views and analyses.
    TimeNs startOf(uint32_t i) const { return start[i]; }
    TimeNs endOf(uint32_t i) const { return end[i]; }
    TimeNs durationOf(uint32_t i) const { return end[i] - start[i]; }
    SpanState stateOf(uint32_t i) const { return state[i]; }
    StringId reasonOf(uint32_t i) const { return reason[i]; }
    StackId stackOf(uint32_t i) const { return stack[i]; }
    int32_t procOf(uint32_t i) const { return proc[i]; }
    int64_t wakerOf(uint32_t i) const { return waker[i]; }
    std::pair<uint32_t, uint32_t> rowRange(GoroutineRow r) const { return {offsets[r], offsets[r + 1]}; }
    // First span of row r whose end is after t (the span covering t, or the next one).
    uint32_t firstEndingAfter(GoroutineRow r, TimeNs t) const;
    // Fills checkpointOffsets and checkpoints from the spans and offsets (one pass).
    void buildCheckpoints();
    // Total time per state over spans [begin, end) of row r (absolute span indexes).
    void stateMix(GoroutineRow r, uint32_t begin, uint32_t end, TimeNs out[kSpanStateCount]) const;
};

// Which goroutine a processor ran, and when.
struct ProcSpan
{
    TimeNs start = 0;
    TimeNs end = 0;
    int64_t goroutine = kNoGoroutineId;
};

struct Processor
{
    int64_t id = 0;
    std::vector<ProcSpan> spans; // sorted by start, non-overlapping
};

// A named time range: GC mark phase, stop-the-world (with its kind), mark assist, sweep.
struct TimeRange
{
    TimeNs start = 0;
    TimeNs end = 0;
    StringId name = 0;
    int64_t goroutine = kNoGoroutineId; // for ranges scoped to a goroutine
    int32_t proc = -1;                  // for ranges scoped to a processor
};

struct SeriesPoint
{
    TimeNs time = 0;
    int64_t value = 0;
};

struct UserTask
{
    uint64_t id = 0;
    uint64_t parent = 0; // 0: none
    StringId name = 0;
    TimeNs start = -1;   // -1: began before the trace
    TimeNs end = -1;     // -1: still running at the end
    int64_t goroutine = kNoGoroutineId;
};

struct UserRegion
{
    int64_t goroutine = kNoGoroutineId;
    uint64_t task = 0;
    StringId name = 0;
    TimeNs start = 0;
    TimeNs end = 0;
    uint32_t depth = 0; // nesting depth on its goroutine, 0 = outermost
};

struct UserLog
{
    TimeNs time = 0;
    int64_t goroutine = kNoGoroutineId;
    uint64_t task = 0;
    StringId category = 0;
    StringId message = 0;
};

struct CpuSample
{
    TimeNs time = 0;
    int64_t goroutine = kNoGoroutineId;
    StackId stack = 0;
};

// Everything an execution trace tells, as the views and analyses read it. Built once by
// TraceStoreBuilder, immutable afterwards. Times are absolute trace-clock nanoseconds;
// [startNs, endNs] is the traced interval.
struct TraceData
{
    std::string goVersion; // "1.26"
    TimeNs startNs = 0;
    TimeNs endNs = 0;
    uint64_t eventCount = 0;
    uint64_t generations = 0;
    bool truncated = false;

    std::vector<Goroutine> goroutines;      // in order of first appearance
    std::vector<std::pair<int64_t, GoroutineRow>> rowById; // sorted by goroutine ID
    SpanTable spans;
    std::vector<Processor> processors;      // sorted by ID
    std::vector<TimeRange> gcRanges;        // "GC concurrent mark phase"
    std::vector<TimeRange> stwRanges;       // name: the stop-the-world kind
    std::vector<TimeRange> assistRanges;    // GC mark assist, per goroutine
    std::vector<SeriesPoint> heapAlloc;
    std::vector<SeriesPoint> heapGoal;
    std::vector<SeriesPoint> gomaxprocs;
    std::vector<SeriesPoint> goroutineCount; // live goroutines after every change
    std::vector<UserTask> tasks;
    std::vector<UserRegion> regions;        // sorted by (goroutine row order, start)
    std::vector<UserLog> logs;
    std::vector<CpuSample> cpuSamples;

    GoroutineRow rowOf(int64_t goroutineId) const;

    // Fills every goroutine's stats from its spans, with the rules of Go's goroutine analysis:
    // waiting with reason `foreverReason` (the id of "forever"; UINT32_MAX for none) is not counted, and a
    // syscall still blocked at the end counts whole as syscall time and its blocked part as
    // scheduler wait. Needs spans grouped by goroutine and endNs set.
    void computeGoroutineStats(StringId foreverReason);
};

} // namespace gs
