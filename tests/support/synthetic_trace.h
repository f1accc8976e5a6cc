// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace gs::fixtures {

// One span of a hand-made goroutine row; `reason` is interned into the store's strings.
struct SyntheticSpan
{
    TimeNs start = 0;
    TimeNs end = 0;
    SpanState state = SpanState::Running;
    std::string_view reason;
    int32_t proc = -1;
    int64_t waker = kNoGoroutineId;
};

// What a hand-made goroutine has besides its spans.
struct SyntheticGoroutineInfo
{
    TimeNs endNs = -1; // -1: alive at the end
    std::string_view label;
};

// Fills an EventStore's TraceData directly, bypassing the decoder, with the layout rules of
// trace_data.h: rows appended in order, spans sorted and non-overlapping per row, then finish()
// seals the span table and the goroutines, sorts rowsById and builds the processors (each runs the
// Running spans on it that do not overlap an earlier one, at most `maxRunsPerProc`).
// Single-threaded.
class SyntheticTraceBuilder
{
public:
    SyntheticTraceBuilder(TimeNs startNs, TimeNs endNs);

    // Appends goroutine `id` (next row) with its spans; returns the row.
    GoroutineRow addGoroutine(int64_t id, std::string_view startFunction, std::span<const SyntheticSpan> spans,
                              const SyntheticGoroutineInfo& info = {});
    void reserve(size_t spans) { m_spans->reserve(spans); }
    EventStore& store() { return *m_store; }
    TraceData& trace() { return *m_store->trace; }
    std::shared_ptr<EventStore> finish(uint64_t maxRunsPerProc = UINT64_MAX);

private:
    void buildProcessors(uint64_t maxRunsPerProc);

    std::shared_ptr<EventStore> m_store;
    std::unique_ptr<SpanTableWriter> m_spans;
    SpanTraitsInterner m_traits;
    Interner<int64_t, IntegerHash> m_wakers; // waker ID -> code
};

// Shape of the large generated trace for benchmarks.
struct SyntheticTraceSpec
{
    uint32_t goroutines = 100'000;
    uint64_t spans = 10'000'000;
    // The first `heavyGoroutines` rows share `heavyShare` of the spans (busy workers with tens of
    // thousands of sub-pixel spans each); the rest split the remainder evenly.
    uint32_t heavyGoroutines = 100;
    double heavyShare = 0.5;
    TimeNs durationNs = 10'000'000'000;
    uint32_t processors = 8;
    uint64_t procSpansEach = 200'000; // at most, per processor
    uint32_t startFunctions = 20;
    uint64_t seed = 7;
};

// A deterministic trace of the given shape: states cycle running -> waiting (channel, select,
// sync, network, sleep) -> runnable with random durations on random processors; GC/STW ranges and
// heap/goroutine series are included. Built directly, in O(spans) time.
std::shared_ptr<EventStore> makeSyntheticTrace(const SyntheticTraceSpec& spec);

} // namespace gs::fixtures
