// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/lazy_value.h"
#include "core/model/series.h"
#include "core/model/span_table.h"
#include "core/model/symbols.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace gs {

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

// Which goroutine a processor or thread ran, and when: one of its spans, as
// TraceData::resourceSpan resolves it.
struct ProcSpan
{
    TimeNs start = 0;
    TimeNs end = 0;
    int64_t goroutine = kNoGoroutineId;
};

// The spans one scheduling resource ran, kept as indexes into TraceData::spans (not copied),
// sorted by start and non-overlapping, with prefix sums of their busy time.
struct ResourceSpans
{
    static constexpr uint32_t kBusyEvery = 64;

    int64_t id = 0;
    std::vector<uint32_t> spans;
    std::vector<TimeNs> busyBefore; // busy time of spans [0, k * kBusyEvery), per k

    // Sorts `spans` by start if needed and sums the busy time.
    void finish(const SpanTable& table);
    // Busy time of spans [b, e), in O(kBusyEvery), for the utilisation of a folded block.
    TimeNs busyNs(const SpanTable& table, uint32_t b, uint32_t e) const
    {
        return busyBeforeRun(table, e) - busyBeforeRun(table, b);
    }

protected:
    // Sums the busy time; false if the spans turn out not to be sorted by start.
    bool sumBusy(const SpanTable& table);

private:
    TimeNs busyBeforeRun(const SpanTable& table, uint32_t k) const;
};

// A processor's runs: the Running spans of goroutines on it, and the thread (M) that ran each.
struct Processor : ResourceSpans
{
    static constexpr uint32_t kNoThread = UINT32_MAX;
    // Where the running thread changes: (first run, index into TraceData::threads or kNoThread),
    // by run. An M keeps its P for many runs in a row, so this is far shorter than the runs.
    std::vector<std::pair<uint32_t, uint32_t>> threadChanges;

    // ResourceSpans::finish, keeping each run's thread if the runs need sorting.
    void finish(const SpanTable& table);
};

// An OS thread (Go's M), as go tool trace's thread view shows it: the Running spans of the
// goroutines it executed (on the thread of the transition that started them) and the syscalls it
// made (Syscall and SyscallBlocked spans, on the thread of the transition into the syscall). Its
// runs on a processor are stretches of that processor's runs (Processor::threadChanges); only
// the rest is listed here. TraceData::threadSpans lists them all.
struct Thread
{
    int64_t id = 0;
    std::vector<uint32_t> ownSpans; // syscalls, and runs on no processor
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

struct UserTask
{
    uint64_t id = 0;
    uint64_t parent = 0; // 0: none
    StringId name = 0;
    TimeNs start = -1;   // -1: began before the trace
    TimeNs end = -1;     // -1: still running at the end
    int64_t goroutine = kNoGoroutineId;    // the one that began it
    int64_t endGoroutine = kNoGoroutineId; // the one that ended it
};

struct UserRegion
{
    int64_t goroutine = kNoGoroutineId;
    uint64_t task = 0;
    StringId name = 0;
    TimeNs start = 0;
    TimeNs end = 0;
    uint32_t depth = 0;     // nesting depth on its goroutine, 0 = outermost
    StackId startStack = 0; // where it began and ended (0: not in the trace)
    StackId endStack = 0;
};

struct UserLog
{
    TimeNs time = 0;
    int64_t goroutine = kNoGoroutineId;
    uint64_t task = 0;
    StringId category = 0;
    StringId message = 0;
    StackId stack = 0;
};

// An event that can change how much of the processors' time the mutator gets, as go tool trace's
// minimum mutator utilisation reads the event stream (Go's internal/trace MutatorUtilizationV2).
// Kept in stream order, whatever the options the analysis is later run with (core/analysis/mmu.h).
struct MmuEvent
{
    enum class Kind : uint8_t
    {
        Procs,       // GOMAXPROCS became `id`
        StwBegin,    // a stop-the-world for the GC ("stop-the-world (GC ...)")
        StwEnd,
        SweepBegin,  // incremental sweep on processor `proc`
        SweepEnd,
        AssistBegin, // mark assist of goroutine `id`, on processor `proc`
        AssistEnd,
        Run,         // goroutine `id` (assisting, or a GC worker) began executing on `proc`
        Stop,        // ... stopped executing
        WorkerLabel, // goroutine `id` on `proc` was labelled a GC worker ("GC (dedicated)", "GC (fractional)")
    };
    static constexpr uint8_t kRestated = 1;  // Sweep/AssistBegin: a range already open when the trace began
    static constexpr uint8_t kExecuting = 2; // restated AssistBegin: the event's goroutine was executing
    static constexpr uint8_t kDedicated = 4; // WorkerLabel: "GC (dedicated)"

    TimeNs time = 0;
    int64_t id = 0;
    int32_t proc = -1;
    Kind kind = Kind::Procs;
    uint8_t flags = 0;
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

    GoroutineTable goroutines;              // see finishGoroutines
    std::vector<GoroutineRow> rowsById;     // sorted by goroutine ID
    SpanTable spans;
    std::vector<Processor> processors;      // sorted by ID
    std::vector<Thread> threads;            // sorted by ID; empty before Go 1.22 (unknown)
    std::vector<TimeRange> gcRanges;        // "GC concurrent mark phase"
    std::vector<TimeRange> stwRanges;       // name: the stop-the-world kind
    std::vector<TimeRange> assistRanges;    // GC mark assist, per goroutine
    std::vector<MmuEvent> mmuEvents;        // in stream order
    Series heapAlloc;
    Series heapGoal;
    Series gomaxprocs;
    Series goroutineCount; // live goroutines after every change
    std::vector<UserTask> tasks;
    std::vector<UserRegion> regions;        // sorted by (goroutine row order, start)
    std::vector<UserLog> logs;
    std::vector<CpuSample> cpuSamples;

    GoroutineRow rowOf(int64_t goroutineId) const;
    // Run k of processors[proc].
    ProcSpan procSpan(size_t proc, uint32_t k) const { return resourceSpan(processors[proc], k); }
    // Span k of a processor or thread.
    ProcSpan resourceSpan(const ResourceSpans& resource, uint32_t k) const;
    // Every span of threads[m], by start. The lists of all threads are made on the first call,
    // in O(their spans); most sessions never show threads. Safe to call from any thread.
    const ResourceSpans& threadSpans(size_t m) const;
    // The lists if threadSpans made them already, else nullptr.
    const std::vector<ResourceSpans>* threadSpansIfMade() const { return m_threadSpans.ifMade(); }

    StringId foreverReason = UINT32_MAX; // the id of wait reason "forever"; UINT32_MAX: none

    // A goroutine's statistics from its spans (O(its spans)), with the rules of Go's goroutine
    // analysis: waiting "forever" is not counted, and a syscall still blocked at the end counts
    // whole as syscall time and its blocked part as scheduler wait.
    GoroutineStats goroutineStats(GoroutineRow row) const;
    // Seals the goroutine table once every row is in and sorts rowsById.
    void finishGoroutines();

private:
    std::vector<ResourceSpans> makeThreadSpans() const;

    LazyValue<std::vector<ResourceSpans>> m_threadSpans;
};

} // namespace gs
