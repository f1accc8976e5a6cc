// SPDX-License-Identifier: MIT
#pragma once

#include "core/formats/gotrace/event_tokens.h"
#include "core/formats/gotrace/generation_prefetcher.h"
#include "core/formats/gotrace/order_engine.h"
#include "core/formats/gotrace/trace_event.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace gs::gotrace {

// Decodes a Go 1.22–1.26 trace one event at a time, in the order Go's parser reports them.
//
// Per generation: a GenerationPrefetcher loads and tokenizes all batches on a worker thread,
// one generation ahead (tables, per-thread token lists, samples); then a cursor per thread walks
// its tokens. Cursors sit in a binary min-heap keyed by the time of their next event; the heap
// top is tried first, and if the ordering engine cannot apply it yet, the other cursors are
// tried in time order. CPU samples are merged in by time. Each event costs O(log threads) plus
// the engine's O(1) work; nothing is allocated per event once the buffers have grown. Nearly
// every event is delivered by a fast run (fastRun): the top cursor's events apply one after the
// other while it stays the earliest. Every
// generation starts with a Sync event and the trace ends with one; times are forced strictly
// increasing, as Go does.
//
// Errors throw DecodeError at the point of the event sequence where reading the trace lazily
// would meet them. As in Go, an error while reading a generation is reported after a Sync event
// that closes the events delivered so far.
class V2Decoder
{
public:
    V2Decoder(std::span<const uint8_t> input, size_t bodyOffset, int minorVersion);

    // Returns false after the last event; throws DecodeError for a broken trace.
    bool next(Event& out);
    // fillEventBatch with next() inlined: the bulk path.
    void fill(std::span<Event> out, size_t& filled);

    uint64_t bytesConsumed() const { return m_gen.loadedOffset; }
    // End offset of the last generation whose events were all delivered, and how many
    // generations that is.
    uint64_t completeBytes() const { return m_completeBytes; }
    uint64_t completeGenerations() const { return m_completeGenerations; }

private:
    // Walks one thread's tokens; [next, end) is what is left.
    struct Cursor
    {
        const Token* next = nullptr;
        const Token* end = nullptr;
        const ThreadTokens* thread = nullptr;
        int64_t m = kNoThread; // thread->m, one load fewer per event
        OrderEngine::ThreadState* state = nullptr; // looked up at the first advance, as Go does
        bool stateKnown = false;
    };

    // Moves `next`, the position of cursor `c` (c.next or a copy of it), past its event; false at
    // the end of its tokens. Throws the thread's decoding error when it is reached.
    static constexpr ptrdiff_t kPrefetchTokens = 16;
    static bool stepCursor(const Cursor& c, const Token*& next)
    {
        if (++next != c.end) {
            // The tokens were written a generation ago and are out of the caches by now; the
            // hardware prefetcher does not keep up with several interleaved cursors.
            __builtin_prefetch(next + kPrefetchTokens);
            return true;
        }
        if (c.thread->error)
            throw *c.thread->error;
        return false;
    }
    // The common case, inline in the batch loop: nothing queued, and while the earliest cursor's
    // events are narrow, have a thread, come before the next CPU sample and the engine applies
    // each in out[n], they are delivered one after the other, n counting them, up to `room`;
    // when the top cursor's next event is later than another's, the run goes on with the new
    // top. It stops at the first event the general step must take (nextEvent; anything written
    // to out[n] is then overwritten), and after an advance whose further events were queued.
    // Most events come in runs of one thread's.
    void fastRun(Event* out, size_t& n, size_t room);
    // The general step: nextEvent, then the heap's top limit is refreshed.
    bool generalStep(Event& out);
    // Builds the event of token `t`, whose time is `time` (its heap entry's), in `out` (type,
    // time, wire arguments, the generation's `tables`).
    void loadEvent(const Token& t, int64_t time, const GenerationTables* tables, Event& out) const;
    // m_order.advance of `ev`, the event of token `t`: a broken trace is reported at the token's
    // byte offset, which only an error needs.
    OrderEngine::Outcome advance(const Token& t, Event& ev, int64_t m, OrderEngine::ThreadState* state,
                                 uint64_t gen);
    // Tries the event of the cursor at heapIndex, building it in `out` (where the engine leaves
    // the first event it reports); moves the cursor on if the engine applied it.
    bool tryAdvance(size_t heapIndex, Event& out);
    bool nextEvent(Event& out);
    bool nextGeneration(Event& out);
    uint64_t tokenOffset(const Token& t) const;
    void install();
    // Forces times strictly increasing. Go also checks every returned event's stack and string
    // IDs: tokens carry the outcome (Token::BadIds); events the engine derives carry none.
    void finishEvent(Event& ev) { ev.time = increasingTime(ev.time, m_lastTs); }
    static int64_t increasingTime(int64_t time, int64_t& lastTs)
    {
        if (time <= lastTs)
            time = lastTs + 1;
        lastTs = time;
        return time;
    }
    [[noreturn]] void failUnknownId(const Event& ev) const;
    Event syncEvent(const GenerationTables* tables, int64_t time);

    // Min-heap of cursors by the time of their next event; the time is cached in the entry so
    // sifting touches one array. [0, m_heapSize) are live; the entries after them are
    // sentinels (time INT64_MAX), enough that every live entry's children exist.
    struct HeapEntry
    {
        int64_t time = 0;
        uint32_t cursor = 0;
    };
    void heapInsert(uint32_t cursor);
    // Gives the entry at i a new time and restores the heap order.
    void heapUpdate(size_t i, int64_t time);
    void heapRemove(size_t i);
    // Place `moved` at i or where the sift takes it; siftUp returns where that is.
    size_t siftUp(size_t i, HeapEntry moved);
    void siftDown(size_t i, HeapEntry moved);
    int64_t heapTime(size_t i) const { return m_heap[i].time; }
    // The earliest time among the top's children: while the top cursor's next event is no
    // later, the top stays where it is (Go's heap moves an entry down only past an earlier
    // child). Refreshed after every other change of the heap.
    void refreshTopLimit() { m_topLimit = std::min(m_heap[1].time, m_heap[2].time); }
    void refreshNextSampleTime() { m_nextSampleTime = m_nextSample != m_samplesEnd ? m_nextSample->time : INT64_MAX; }

    OrderEngine m_order;
    TokenizedGeneration m_gen;
    std::unique_ptr<GenerationTables> m_previousTables;
    std::vector<Cursor> m_cursors;
    std::vector<HeapEntry> m_heap;
    size_t m_heapSize = 0;
    // The generation's samples not yet delivered (pointers: no size division per event).
    const CpuSample* m_nextSample = nullptr;
    const CpuSample* m_samplesEnd = nullptr;
    int64_t m_nextSampleTime = INT64_MAX; // of *m_nextSample, INT64_MAX when none is left
    int64_t m_topLimit = INT64_MAX;       // see refreshTopLimit
    bool m_haveGen = false;
    bool m_done = false;
    std::optional<DecodeError> m_pendingError;
    bool m_advancedBadIds = false; // Token::BadIds of the event the last advance applied
    int64_t m_lastTs = 0;
    uint64_t m_syncs = 0;
    uint64_t m_completeBytes = 0;
    uint64_t m_completeGenerations = 0;
    GenerationPrefetcher m_prefetch; // last: its worker stops before the rest goes
};

} // namespace gs::gotrace
