// SPDX-License-Identifier: MIT
#pragma once

#include "core/formats/gotrace/generation.h"
#include "core/formats/gotrace/order_engine.h"
#include "core/formats/gotrace/trace_event.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace gs::gotrace {

// Decodes a Go 1.22–1.26 trace one event at a time, in the order Go's parser reports them.
//
// Per generation: the loader tokenizes all batches (tables, per-thread batch lists, samples);
// then a cursor per thread walks its batches lazily. Cursors sit in a binary min-heap keyed by
// the time of their next event; the heap top is tried first, and if the ordering engine cannot
// apply it yet, the other cursors are tried in time order. CPU samples are merged in by time.
// Each event costs O(log threads) plus the engine's O(1) work; nothing is allocated per event
// once the generation's vectors have grown. Every generation starts with a Sync event and the
// trace ends with one; times are forced strictly increasing, as Go does.
//
// Errors throw DecodeError. As in Go, an error while reading a generation is reported after a
// Sync event that closes the events delivered so far.
class V2Decoder
{
public:
    V2Decoder(std::span<const uint8_t> input, size_t bodyOffset, int minorVersion);

    // Returns false after the last event; throws DecodeError for a broken trace.
    bool next(Event& out);

    uint64_t bytesConsumed() const { return m_loader.offset(); }
    // End offset of the last generation whose events were all delivered, and how many
    // generations that is.
    uint64_t completeBytes() const { return m_completeBytes; }
    uint64_t completeGenerations() const { return m_completeGenerations; }

private:
    // Walks one thread's batches; [p, end) is what is left of the current batch.
    struct Cursor
    {
        const ThreadBatches* thread = nullptr;
        size_t batch = ~size_t(0); // none yet
        const uint8_t* start = nullptr;
        const uint8_t* p = nullptr;
        const uint8_t* end = nullptr;
        uint64_t startOffset = 0; // absolute offset of *start
        int64_t lastTs = 0;
        Event ev;
        uint64_t evOffset = 0;
        OrderEngine::ThreadState* state = nullptr; // looked up at the first advance, as Go does
        bool stateKnown = false;
    };

    bool readCursorEvent(Cursor& c);
    bool enterNextBatch(Cursor& c);
    // Throws the error for the undecodable event of `type` at the cursor.
    [[noreturn]] void failEvent(const Cursor& c, uint8_t type, bool inTimestamp) const;
    bool tryAdvance(size_t heapIndex);
    void install();
    // Checks the event's stack and string IDs exist (as Go does for every event it returns) and
    // forces times strictly increasing.
    void finishEvent(Event& ev)
    {
        // Inline: about two events in three carry IDs; the error report is out of line.
        const WireSpec& spec = wireSpec(ev.type);
        if (spec.checksIds && !idsKnown(ev, spec))
            failUnknownId(ev);
        if (ev.time <= m_lastTs)
            ev.time = m_lastTs + 1;
        m_lastTs = ev.time;
    }
    static bool idsKnown(const Event& ev, const WireSpec& spec)
    {
        const GenerationTables& t = *ev.tables;
        return (spec.stackArg < 0 || t.hasStack(ev.args[spec.stackArg]))
            && (spec.newStackArg < 0 || t.hasStack(ev.args[spec.newStackArg]))
            && (spec.stringArgs[0] < 0 || t.hasString(ev.args[spec.stringArgs[0]]))
            && (spec.stringArgs[1] < 0 || t.hasString(ev.args[spec.stringArgs[1]]));
    }
    [[noreturn]] void failUnknownId(const Event& ev) const;
    Event syncEvent(const GenerationTables* tables, int64_t time);

    void heapInsert(uint32_t cursor);
    void heapUpdate(size_t i);
    void heapRemove(size_t i);
    size_t siftUp(size_t i);
    void siftDown(size_t i);
    int64_t heapTime(size_t i) const { return m_heap[i].time; }

    GenerationLoader m_loader;
    OrderEngine m_order;
    Generation m_gen;
    std::unique_ptr<GenerationTables> m_previousTables;
    std::vector<Cursor> m_cursors;
    // Min-heap of cursors by the time of their next event; the time is cached in the entry so
    // sifting touches one array.
    struct HeapEntry
    {
        int64_t time = 0;
        uint32_t cursor = 0;
    };
    std::vector<HeapEntry> m_heap;
    // The generation's samples not yet delivered (pointers: no size division per event).
    const CpuSample* m_nextSample = nullptr;
    const CpuSample* m_samplesEnd = nullptr;
    bool m_haveGen = false;
    bool m_done = false;
    std::optional<DecodeError> m_pendingError;
    int64_t m_lastTs = 0;
    uint64_t m_syncs = 0;
    uint64_t m_completeBytes = 0;
    uint64_t m_completeGenerations = 0;
};

} // namespace gs::gotrace
