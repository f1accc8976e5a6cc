// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/v2_decoder.h"

#include "core/formats/gotrace/go_sort.h"

#include <algorithm>
#include <string>

namespace gs::gotrace {

namespace {

// Unsigned LEB128 with Go's binary.Uvarint rules (padded encodings allowed, at most 10 bytes,
// no overflow). Returns false on a truncated or invalid encoding.
inline bool readUvarint(const uint8_t*& p, const uint8_t* end, uint64_t& out)
{
    // Most arguments (IDs, sequence numbers, time deltas) fit one or two bytes: take those
    // without a loop when two bytes are in range.
    if (end - p >= 2) {
        const uint64_t b0 = p[0];
        if (b0 < 0x80) {
            out = b0;
            p += 1;
            return true;
        }
        const uint64_t b1 = p[1];
        if (b1 < 0x80) {
            out = (b0 & 0x7f) | b1 << 7;
            p += 2;
            return true;
        }
    }
    uint64_t v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
        if (p == end)
            return false;
        const uint8_t b = *p++;
        if (b < 0x80) {
            if (shift == 63 && b > 1)
                return false;
            out = v | uint64_t(b) << shift;
            return true;
        }
        v |= uint64_t(b & 0x7f) << shift;
    }
    return false;
}

} // namespace

V2Decoder::V2Decoder(std::span<const uint8_t> input, size_t bodyOffset, int minorVersion)
    : m_loader(input, bodyOffset, minorVersion)
    , m_completeBytes(bodyOffset)
{
}

Event V2Decoder::syncEvent(const GenerationTables* tables, int64_t time)
{
    Event ev;
    ev.type = EvSyncMarker;
    ev.time = time;
    ev.tables = tables;
    ev.args[0] = ++m_syncs;
    return ev;
}

void V2Decoder::failUnknownId(const Event& ev) const
{
    const WireSpec& spec = wireSpec(ev.type);
    for (int8_t i : {spec.stackArg, spec.newStackArg}) {
        if (i >= 0 && !ev.tables->hasStack(ev.args[i]))
            throw DecodeError(m_loader.offset(), "found invalid stack ID " + std::to_string(ev.args[i])
                                                     + " for event " + spec.name);
    }
    for (int8_t i : spec.stringArgs) {
        if (i >= 0 && !ev.tables->hasString(ev.args[i]))
            throw DecodeError(m_loader.offset(), "found invalid string ID " + std::to_string(ev.args[i])
                                                     + " for event " + spec.name);
    }
    throw DecodeError(m_loader.offset(), std::string("found invalid ID for event ") + spec.name);
}

bool V2Decoder::enterNextBatch(Cursor& c)
{
    // Next non-empty batch; times restart from its base timestamp.
    const std::vector<BatchRef>& batches = c.thread->batches;
    do {
        if (++c.batch >= batches.size())
            return false;
    } while (batches[c.batch].data.empty());
    const BatchRef& b = batches[c.batch];
    c.start = c.p = b.data.data();
    c.end = c.start + b.data.size();
    c.startOffset = b.offset;
    c.lastTs = m_gen.tables->toNs(b.time);
    return true;
}

void V2Decoder::failEvent(const Cursor& c, uint8_t type, bool inTimestamp) const
{
    const WireSpec& spec = wireSpec(type);
    if (!spec.name)
        throw DecodeError(c.evOffset, "found invalid event type: " + std::to_string(type));
    if (!spec.timed)
        throw DecodeError(c.evOffset, "found event without a timestamp: type=" + std::to_string(type));
    if (inTimestamp)
        throw DecodeError(c.evOffset, std::string("found invalid uvarint for timestamp of ") + spec.name);
    throw DecodeError(c.evOffset, std::string("found invalid uvarint in ") + spec.name + " event");
}

// Defined inline, as are tryAdvance and the heap steps below: next() is their hot caller, and
// folding them into it saves a call layer per event (about 10% of the instructions).
inline bool V2Decoder::readCursorEvent(Cursor& c)
{
    if (c.p == c.end && !enterNextBatch(c))
        return false;
    const uint8_t* p = c.p;
    const uint8_t* const end = c.end;
    c.evOffset = c.startOffset + uint64_t(p - c.start);
    const uint8_t type = *p++;
    const WireSpec& spec = wireSpec(type);
    uint64_t dt = 0;
    if (!spec.timed || !readUvarint(p, end, dt))
        failEvent(c, type, true);
    Event& ev = c.ev;
    ev.type = type;
    ev.args[0] = ev.args[1] = ev.args[2] = ev.args[3] = 0;
    uint64_t* arg = ev.args;
    for (const uint64_t* const argEnd = arg + spec.argCount; arg != argEnd; ++arg) {
        if (!readUvarint(p, end, *arg))
            failEvent(c, type, false);
    }
    const GenerationTables* t = m_gen.tables.get();
    ev.time = t->toNs(dt) + c.lastTs;
    ev.tables = t;
    ev.taskEndType = {};
    c.lastTs = ev.time;
    c.p = p;
    return true;
}

void V2Decoder::install()
{
    m_cursors.clear();
    m_heap.clear();
    m_nextSample = m_gen.samples.data();
    m_samplesEnd = m_nextSample + m_gen.samples.size();
    m_cursors.reserve(m_gen.threads.size());
    for (const ThreadBatches& t : m_gen.threads) {
        Cursor c;
        c.thread = &t;
        if (!readCursorEvent(c))
            continue;
        m_cursors.push_back(c);
        heapInsert(uint32_t(m_cursors.size() - 1));
    }
}

inline bool V2Decoder::tryAdvance(size_t heapIndex)
{
    Cursor& c = m_cursors[m_heap[heapIndex].cursor];
    if (!c.stateKnown) {
        c.state = m_order.thread(c.thread->m);
        c.stateKnown = true;
    }
    if (!m_order.advance(c.ev, c.thread->m, c.state, m_gen.tables->gen, c.evOffset))
        return false;
    if (readCursorEvent(c)) {
        m_heap[heapIndex].time = c.ev.time;
        heapUpdate(heapIndex);
    } else
        heapRemove(heapIndex);
    return true;
}

bool V2Decoder::next(Event& out)
{
    for (;;) {
        if (m_order.pop(out)) {
            finishEvent(out);
            return true;
        }
        if (m_pendingError) {
            const DecodeError e = *m_pendingError;
            m_pendingError.reset();
            m_done = true;
            throw e;
        }
        if (m_done)
            return false;
        const bool samplesLeft = m_nextSample != m_samplesEnd;
        if (m_heap.empty() && !samplesLeft) {
            if (m_haveGen) {
                m_completeBytes = m_loader.generationEnd();
                ++m_completeGenerations;
            }
            std::unique_ptr<GenerationTables> previous = std::move(m_gen.tables);
            m_nextSample = m_samplesEnd = nullptr; // m_gen.samples is about to be replaced
            try {
                if (!m_loader.next(m_gen)) {
                    m_done = true;
                    m_haveGen = false;
                    m_previousTables = std::move(previous);
                    out = syncEvent(nullptr, m_lastTs);
                    finishEvent(out);
                    return true;
                }
            } catch (const DecodeError& e) {
                m_pendingError = e;
                m_haveGen = false;
                m_gen = Generation{};
                m_previousTables = std::move(previous);
                out = syncEvent(nullptr, m_lastTs);
                finishEvent(out);
                return true;
            }
            m_previousTables = std::move(previous);
            m_haveGen = true;
            install();
            out = syncEvent(m_gen.tables.get(), m_gen.tables->toNs(m_gen.minTs));
            finishEvent(out);
            return true;
        }
        if (samplesLeft && (m_heap.empty() || m_nextSample->time < heapTime(0))) {
            const CpuSample& s = *m_nextSample++;
            out = Event{};
            out.type = EvCPUSample;
            out.time = s.time;
            out.m = s.m;
            out.p = s.p;
            out.g = s.g;
            out.args[0] = s.stack;
            out.tables = m_gen.tables.get();
            finishEvent(out);
            return true;
        }
        // An advance usually yields exactly one event: the engine writes it straight into `out`.
        m_order.setDirectOutput(&out);
        if (tryAdvance(0)) {
            if (m_order.takeDirectOutput()) {
                finishEvent(out);
                return true;
            }
            continue;
        }
        // The earliest event cannot happen yet: try the others, earliest first. Go sorts the
        // heap array itself here (a sorted array is still a valid heap), with its own unstable
        // sort; the same algorithm keeps cursors with equal times in Go's order.
        goSortFunc(std::span<HeapEntry>(m_heap),
                   [](const HeapEntry& a, const HeapEntry& b) { return a.time < b.time; });
        bool advanced = false;
        for (size_t i = 1; i < m_heap.size() && !advanced; ++i)
            advanced = tryAdvance(i);
        if (m_order.takeDirectOutput()) {
            finishEvent(out);
            return true;
        }
        if (!advanced)
            throw DecodeError(m_cursors[m_heap[0].cursor].evOffset,
                              "broken trace: failed to advance: no thread's next event can happen in generation "
                                  + std::to_string(m_gen.tables->gen));
    }
}

void V2Decoder::heapInsert(uint32_t cursor)
{
    m_heap.push_back(HeapEntry{m_cursors[cursor].ev.time, cursor});
    siftUp(m_heap.size() - 1);
}

inline void V2Decoder::heapUpdate(size_t i)
{
    if (siftUp(i) != i)
        return;
    siftDown(i);
}

void V2Decoder::heapRemove(size_t i)
{
    // Same steps as Go's heap, so ties between threads resolve the same way.
    while (i > 0) {
        std::swap(m_heap[(i - 1) / 2], m_heap[i]);
        i = (i - 1) / 2;
    }
    std::swap(m_heap[0], m_heap.back());
    m_heap.pop_back();
    siftDown(0);
}

inline size_t V2Decoder::siftUp(size_t i)
{
    while (i > 0 && heapTime((i - 1) / 2) > heapTime(i)) {
        std::swap(m_heap[(i - 1) / 2], m_heap[i]);
        i = (i - 1) / 2;
    }
    return i;
}

inline void V2Decoder::siftDown(size_t i)
{
    // Go's heap.down: the smaller child (the left one on ties) moves up while it is earlier.
    HeapEntry* h = m_heap.data();
    const size_t n = m_heap.size();
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= n)
            return;
        if (child + 1 < n && h[child + 1].time < h[child].time)
            ++child;
        if (!(h[child].time < h[i].time))
            return;
        std::swap(h[i], h[child]);
        i = child;
    }
}

} // namespace gs::gotrace
