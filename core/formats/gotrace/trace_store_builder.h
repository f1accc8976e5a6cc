// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/chunked_list.h"
#include "core/base/flat_id_map.h"
#include "core/base/windowed_id_map.h"
#include "core/base/error.h"
#include "core/base/load_context.h"
#include "core/formats/gotrace/closed_spans.h"
#include "core/formats/gotrace/mmu_recorder.h"
#include "core/formats/gotrace/span_row_queue.h"
#include "core/formats/gotrace/trace_event.h"
#include "core/model/event_store.h"
#include "core/model/trace_data.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

namespace gs::gotrace {

// Builds TraceData (and the shared symbol tables) from the ordered event stream of a
// TraceReader. One pass, O(events). Only live goroutines have a record here: their fields, open
// span and closed spans (ClosedSpans). When a goroutine exits, its row is written to the store's
// columns, its spans are queued for the span table (written on a worker thread, SpanRowQueue) and
// its record is freed, so a server trace with millions of short-lived goroutines holds a few
// hundred records at a time; goroutines still alive are written by finish(). Rows are therefore
// in the order goroutines ended. A processor's runs (and where its thread changes), and a
// thread's syscalls, are noted as they close, which is their time order, by (goroutine serial,
// span index) until every goroutine's first span is known.
//
// Per-goroutine statistics follow the rules of Go's goroutine analysis (internal/trace
// summary): a goroutine first seen in an undetermined state counts as created at the last
// sync; blocking "forever" ends it; the part of a syscall after its P went idle is syscall
// block time.
class TraceStoreBuilder
{
public:
    // `recordThreads`: whether events name the thread (M) they happened on, as from Go 1.22.
    TraceStoreBuilder(EventStore& store, bool recordThreads);

    void add(const Event& ev);
    // Closes open spans and ranges at the last event's time and builds the indexes.
    void finish();

private:
    struct OpenSpan
    {
        TimeNs start = 0;
        SpanState state = SpanState::Running;
        StringId reason = 0;
        StackId stack = 0;
        int32_t proc = -1;
        uint32_t waker = SpanTableWriter::kNoWaker; // the waker's serial
        int64_t thread = kNoThread; // the M that started it (Running) or made it (syscalls)
    };
    // A goroutine not yet written to the store.
    struct LiveGoroutine
    {
        Goroutine info;
        uint32_t serial = 0;    // order of first appearance
        bool open = false;      // a span is in progress
        bool finalized = false; // exited or blocked forever: stats are final
        // The P it entered its current syscall on (Go's analysis keeps this per goroutine too).
        std::optional<int64_t> syscallP;
        OpenSpan span;
        ClosedSpans spans;
        std::vector<uint32_t> regionStack; // indexes into regions
    };
    // A Running span on a processor, until its absolute index is known.
    struct Run
    {
        uint32_t serial = 0;
        uint32_t local = 0;
    };

    // The live record of goroutine `id`, made on its first appearance.
    LiveGoroutine& live(int64_t id);
    LiveGoroutine* findLive(int64_t id);
    // Writes the goroutine's row to the store, queues its spans and frees its record.
    void writeGoroutine(int64_t id);
    // Clears a written record for the next goroutine, keeping its small buffers.
    static void recycle(LiveGoroutine& g);
    void transition(const Event& ev, const StateTransition& st);
    void procTransition(const Event& ev, const StateTransition& st);
    void closeSpan(LiveGoroutine& g, TimeNs end);
    void openSpan(LiveGoroutine& g, const OpenSpan& span);
    void finalize(LiveGoroutine& g, TimeNs end);
    void range(const Event& ev);
    void region(const Event& ev);
    void task(const Event& ev);
    void changeGoroutineCount(TimeNs t, int delta);
    StackId internStack(const Event& ev, uint64_t wireStack);
    void useTables(const GenerationTables* tables);
    StringId intern(std::string_view s) { return m_symbols.strings.intern(s); }
    StringId internReason(std::string_view reason);
    // Indexes into m_runs, m_threadChanges and m_procIds; into m_threadOwnSpans and m_threadIds.
    uint32_t procSlot(int32_t proc);
    uint32_t threadSlot(int64_t thread);
    // The next run of processor slot `proc` is on thread slot `thread` (or Processor::kNoThread).
    void noteThreadOfRun(uint32_t proc, uint32_t thread);
    // Moves the runs to the processors and threads, each as its span's index (not yet sorted).
    void collectRuns();
    std::vector<uint32_t> spanIndexes(ChunkedList<Run>& runs) const;
    template<typename Id>
    static std::vector<uint32_t> slotsById(const std::vector<Id>& ids);

    static constexpr size_t kReasonCache = 64;
    struct ReasonSlot
    {
        const char* data = nullptr;
        size_t size = 0;
        StringId id = 0;
    };

    const bool m_recordThreads;
    Symbols& m_symbols;
    TraceData& m_trace;

    WindowedIdMap<uint32_t> m_liveById; // goroutine ID -> index into m_live
    // The records of recently seen goroutines by ID modulo kRecent, in front of m_liveById: a
    // goroutine's events come close together, and this small table stays in the L1 cache.
    static constexpr size_t kRecent = 16;
    struct RecentLive
    {
        int64_t id = 0;
        uint32_t index = UINT32_MAX; // UINT32_MAX: empty
    };
    RecentLive m_recentLive[kRecent];
    RecentLive& recentSlot(int64_t id) { return m_recentLive[uint64_t(id) % kRecent]; }
    std::vector<LiveGoroutine> m_live;
    std::vector<uint32_t> m_freeLive; // unused entries of m_live
    uint32_t m_serials = 0;
    TimeColumn m_idBySerial;           // the waker codes' IDs
    std::vector<uint32_t> m_firstSpan; // per serial, once its goroutine is written
    uint32_t m_spansQueued = 0;        // spans of the goroutines written so far
    SpanTraitsInterner m_traits;
    SpanTableWriter m_spans; // written by m_rows' worker until m_rows.flush()
    SpanRowQueue m_rows;
    // Runs per processor, in closing order, and where their thread changes (Processor's
    // threadChanges, by thread slot); processors with small IDs by index, others by map.
    std::vector<int32_t> m_procIds;
    std::vector<ChunkedList<Run>> m_runs;
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> m_threadChanges;
    std::vector<uint32_t> m_runsByProc;
    std::unordered_map<int32_t, uint32_t> m_runsByWideProc;
    // Per thread (M), the spans it ran besides runs on a processor: syscalls, in closing order;
    // the last thread used in front.
    std::vector<int64_t> m_threadIds;
    std::vector<ChunkedList<Run>> m_threadOwnSpans;
    std::unordered_map<int64_t, uint32_t> m_threadSlot;
    int64_t m_lastThread = kNoThread;
    uint32_t m_lastThreadSlot = 0;

    // Syscall bookkeeping, as Go's analysis does it: which goroutine is in a syscall on which P.
    FlatIdMap<int64_t> m_syscallingP; // P -> goroutine ID; the other way is LiveGoroutine::syscallP

    // Open ranges: key (range family, scope ID) -> index into the matching TraceData vector.
    std::unordered_map<uint64_t, uint32_t> m_openRanges;
    std::unordered_map<uint64_t, uint32_t> m_taskIndex;
    MmuRecorder m_mmu;

    // Stacks and frames are per generation on the wire; cache their conversion per generation.
    const GenerationTables* m_cacheTables = nullptr;
    uint64_t m_cacheGeneration = 0;
    FlatIdMap<StackId> m_stackCache;
    FlatIdMap<FrameId> m_frameCache;
    std::vector<FrameId> m_frameScratch;
    // Reason strings per generation by address: the reader's views stay put within a generation.
    ReasonSlot m_reasonCache[kReasonCache];

    TimeNs m_syncTs = 0;
    TimeNs m_lastTs = 0;
    bool m_sawEvent = false;
    int64_t m_liveGoroutines = 0;
    SeriesPoint m_countPoint;   // the goroutine count's latest point, not yet in the series
    bool m_countPending = false;
};

// Decodes an execution trace of any supported version into a store. A trace damaged after its
// first complete generation loads what precedes the damage, with a warning on `context`.
Result<std::shared_ptr<EventStore>> decodeGoTrace(std::span<const uint8_t> bytes, LoadContext& context);

} // namespace gs::gotrace
