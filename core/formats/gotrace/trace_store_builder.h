// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/load_context.h"
#include "core/formats/gotrace/trace_event.h"
#include "core/model/event_store.h"
#include "core/model/trace_data.h"

#include <cstdint>
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

namespace gs::gotrace {

// Builds TraceData (and the shared symbol tables) from the ordered event stream of a
// TraceReader. Single-threaded, one pass, O(events): every event updates a small per-goroutine
// record; closed spans are appended to one table in closing order and grouped by goroutine in
// finish() with a stable counting sort, which keeps each goroutine's spans in time order.
//
// Per-goroutine statistics follow the rules of Go's goroutine analysis (internal/trace
// summary): a goroutine first seen in an undetermined state counts as created at the last
// sync; blocking "forever" ends it; the part of a syscall after its P went idle is syscall
// block time.
class TraceStoreBuilder
{
public:
    explicit TraceStoreBuilder(EventStore& store);

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
        int64_t waker = kNoGoroutineId;
    };
    struct GoroutineBuild
    {
        bool open = false;      // a span is in progress
        bool finalized = false; // exited or blocked forever: stats are final
        OpenSpan span;
        std::vector<uint32_t> regionStack; // indexes into regions
    };

    GoroutineRow rowFor(int64_t id, bool* created = nullptr);
    void transition(const Event& ev, const StateTransition& st);
    void procTransition(const Event& ev, const StateTransition& st);
    void closeSpan(GoroutineRow row, TimeNs end);
    void openSpan(GoroutineRow row, const OpenSpan& span);
    void finalize(GoroutineRow row, TimeNs end);
    void range(const Event& ev);
    void region(const Event& ev);
    void task(const Event& ev);
    void changeGoroutineCount(TimeNs t, int delta);
    StackId internStack(const Event& ev, uint64_t wireStack);
    StringId intern(std::string_view s) { return m_symbols.strings.intern(s); }
    void groupSpansByGoroutine();
    void buildProcessors();

    Symbols& m_symbols;
    TraceData& m_trace;

    std::unordered_map<int64_t, GoroutineRow> m_rows;
    std::vector<GoroutineBuild> m_build;
    std::vector<GoroutineRow> m_spanRow; // goroutine row of each closed span, until grouped

    // Syscall bookkeeping, as Go's analysis does it: which goroutine is in a syscall on which P.
    std::unordered_map<int64_t, int64_t> m_syscallingP; // P -> goroutine ID
    std::unordered_map<int64_t, int64_t> m_syscallingG; // goroutine ID -> P

    // Open ranges: key (range family, scope ID) -> index into the matching TraceData vector.
    std::unordered_map<uint64_t, uint32_t> m_openRanges;
    std::unordered_map<uint64_t, uint32_t> m_taskIndex;

    // Stacks and frames are per generation on the wire; cache their conversion per generation.
    const GenerationTables* m_cacheTables = nullptr;
    std::unordered_map<uint64_t, StackId> m_stackCache;
    std::unordered_map<uint64_t, FrameId> m_frameCache;
    std::vector<FrameId> m_frameScratch;

    TimeNs m_syncTs = 0;
    TimeNs m_lastTs = 0;
    bool m_sawEvent = false;
    int64_t m_liveGoroutines = 0;
};

// Decodes an execution trace of any supported version into a store. A trace damaged after its
// first complete generation loads what precedes the damage, with a warning on `context`.
Result<std::shared_ptr<EventStore>> decodeGoTrace(std::span<const uint8_t> bytes, LoadContext& context);

} // namespace gs::gotrace
