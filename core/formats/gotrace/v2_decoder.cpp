// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/v2_decoder.h"

#include "core/formats/gotrace/event_batch.h"
#include "core/formats/gotrace/go_sort.h"

#include <algorithm>
#include <string>

namespace gs::gotrace {

V2Decoder::V2Decoder(std::span<const uint8_t> input, size_t bodyOffset, int minorVersion)
    : m_heap(3, HeapEntry{INT64_MAX, 0}) // an empty heap's top has sentinel children
    , m_completeBytes(bodyOffset)
    , m_prefetch(input, bodyOffset, minorVersion)
{
    m_gen.loadedOffset = bodyOffset;
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
    // The offset is where reading stood, as in Go: the end of the generation being ordered.
    const uint64_t at = m_gen.loadedOffset;
    const WireSpec& spec = wireSpec(ev.type);
    for (int8_t i : {spec.stackArg, spec.newStackArg}) {
        if (i >= 0 && !ev.tables->hasStack(ev.args[i]))
            throw DecodeError(at, "found invalid stack ID " + std::to_string(ev.args[i]) + " for event " + spec.name);
    }
    for (int8_t i : spec.stringArgs) {
        if (i >= 0 && !ev.tables->hasString(ev.args[i]))
            throw DecodeError(at, "found invalid string ID " + std::to_string(ev.args[i]) + " for event " + spec.name);
    }
    throw DecodeError(at, std::string("found invalid ID for event ") + spec.name);
}

void V2Decoder::install()
{
    m_cursors.clear();
    // Room for every thread, and past the live entries a sentinel child for each of them.
    m_heap.assign(2 * m_gen.threads.size() + 3, HeapEntry{INT64_MAX, 0});
    m_heapSize = 0;
    m_nextSample = m_gen.gen.samples.data();
    m_samplesEnd = m_nextSample + m_gen.gen.samples.size();
    refreshNextSampleTime();
    m_cursors.reserve(m_gen.threads.size());
    for (const ThreadTokens& t : m_gen.threads) {
        Cursor c;
        c.thread = &t;
        c.m = t.m;
        c.next = t.begin;
        c.end = t.end;
        if (c.next == c.end) {
            if (t.error)
                throw *t.error;
            continue;
        }
        m_cursors.push_back(c);
        heapInsert(uint32_t(m_cursors.size() - 1));
    }
    if (m_heapSize != 0)
        m_order.beginGeneration(m_gen.gen.tables->gen);
}

// The event is built where it is delivered: the engine completes it in place.
[[gnu::always_inline]] inline void V2Decoder::loadEvent(const Token& t, int64_t time, const GenerationTables* tables,
                                                         Event& out) const
{
    uint64_t offset = 0; // only an error needs it: see advance
    tokenValues(m_gen, t, out.args, offset);
    out.type = t.type;
    out.time = time;
    out.tables = tables;
    out.taskEndType = {};
}

[[gnu::always_inline]] inline OrderEngine::Outcome V2Decoder::advance(const Token& t, Event& ev, int64_t m,
                                                                       OrderEngine::ThreadState* state, uint64_t gen)
{
    try {
        return m_order.advance(ev, m, state, gen);
    } catch (const OrderError& e) {
        throw DecodeError(tokenOffset(t), e.what());
    }
}

// Inline into nextEvent: a call layer fewer for each event the general step takes.
[[gnu::always_inline]] inline bool V2Decoder::tryAdvance(size_t heapIndex, Event& out)
{
    Cursor& c = m_cursors[m_heap[heapIndex].cursor];
    if (!c.stateKnown) {
        c.state = m_order.thread(c.m);
        c.stateKnown = true;
    }
    const Token& t = *c.next;
    loadEvent(t, m_heap[heapIndex].time, m_gen.gen.tables.get(), out);
    if (advance(t, out, c.m, c.state, m_gen.gen.tables->gen) == OrderEngine::Outcome::NotYet)
        return false;
    m_advancedBadIds = t.flags & Token::BadIds;
    if (stepCursor(c, c.next))
        heapUpdate(heapIndex, tokenTime(m_gen, *c.next));
    else
        heapRemove(heapIndex);
    return true;
}

uint64_t V2Decoder::tokenOffset(const Token& t) const
{
    uint64_t args[kMaxEventArgs];
    uint64_t offset = 0;
    tokenValues(m_gen, t, args, offset);
    return offset;
}

// Moves to the next generation: its Sync event goes to `out`. Returns false at the end.
bool V2Decoder::nextGeneration(Event& out)
{
    if (m_haveGen) {
        m_completeBytes = m_gen.end;
        ++m_completeGenerations;
    }
    std::unique_ptr<GenerationTables> previous = std::move(m_gen.gen.tables);
    m_nextSample = m_samplesEnd = nullptr; // the samples are about to be replaced
    refreshNextSampleTime();
    try {
        if (!m_prefetch.next(m_gen)) {
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
        m_gen.gen = Generation{};
        m_gen.threads.clear();
        m_previousTables = std::move(previous);
        out = syncEvent(nullptr, m_lastTs);
        finishEvent(out);
        return true;
    }
    m_previousTables = std::move(previous);
    m_haveGen = true;
    install();
    out = syncEvent(m_gen.gen.tables.get(), m_gen.gen.tables->toNs(m_gen.gen.minTs));
    finishEvent(out);
    return true;
}

// The general step: queued events, CPU samples, the next generation, a cursor whose event
// cannot happen yet, wide tokens and the first event of each thread.
bool V2Decoder::nextEvent(Event& out)
{
    if (m_order.pop(out)) {
        finishEvent(out);
        return true;
    }
    // A pending error or the end of the trace leaves no cursors (no generation is
    // installed), so they are checked only then.
    const bool samplesLeft = m_nextSample != m_samplesEnd;
    if (m_heapSize == 0) {
        if (m_pendingError)
            throwPending(m_pendingError, m_done);
        if (m_done)
            return false;
        if (!samplesLeft)
            return nextGeneration(out);
    }
    if (samplesLeft && (m_heapSize == 0 || m_nextSample->time < heapTime(0))) {
        const CpuSample& s = *m_nextSample++;
        refreshNextSampleTime();
        out = Event{};
        out.type = EvCPUSample;
        out.time = s.time;
        out.m = s.m;
        out.p = s.p;
        out.g = s.g;
        out.args[0] = s.stack;
        out.tables = m_gen.gen.tables.get();
        finishEvent(out);
        return true;
    }
    // The earliest event first. If it cannot happen yet, the others, earliest first: Go
    // sorts the heap array itself here (a sorted array is still a valid heap), with its own
    // unstable sort; the same algorithm keeps cursors with equal times in Go's order. One
    // call site, so that the inlined engine is not copied. The advance leaves its first
    // event in `out` (the others, if any, are queued for the next steps).
    bool advanced = false;
    for (size_t i = 0; i < m_heapSize; ++i) {
        advanced = tryAdvance(i, out);
        if (advanced)
            break;
        if (i == 0)
            goSortFunc(std::span<HeapEntry>(m_heap.data(), m_heapSize),
                       [](const HeapEntry& a, const HeapEntry& b) { return a.time < b.time; });
    }
    if (advanced) {
        if (m_advancedBadIds)
            failUnknownId(out);
        finishEvent(out);
        return true;
    }
    throw DecodeError(tokenOffset(*m_cursors[m_heap[0].cursor].next),
                      "broken trace: failed to advance: no thread's next event can happen in generation "
                          + std::to_string(m_gen.gen.tables->gen));
}

// Inline into fill(), the bulk path: a call per event would save and restore six registers.
[[gnu::always_inline]] inline void V2Decoder::fastRun(Event* out, size_t& n, size_t room)
{
    // The count and the last time in locals, written back on the way out (a throw included):
    // the engine's out-of-line handlers would make the compiler store and reload them around
    // every event, though nothing but this run changes them. The same for the copies below.
    struct WriteBack
    {
        size_t& count;
        int64_t& lastTs;
        size_t countValue;
        int64_t lastTsValue;
        ~WriteBack()
        {
            count = countValue;
            lastTs = lastTsValue;
        }
    } local{n, m_lastTs, n, m_lastTs};
    size_t& count = local.countValue;
    while (count < room && m_order.queueEmpty() && m_heapSize != 0) {
        HeapEntry& top = m_heap[0];
        // While the next event of the top cursor is no later than this, it is the next to try
        // and no CPU sample comes before it.
        const int64_t runLimit = std::min(m_topLimit, m_nextSampleTime);
        int64_t time = top.time;
        if (m_nextSampleTime < time)
            return;
        Cursor& c = m_cursors[top.cursor];
        // Events without a thread start from no context each time: the general step takes them,
        // so that the engine inlined here need not check for them, nor for a missing thread.
        OrderEngine::ThreadState* const state = c.state;
        const int64_t m = c.m;
        if (!state || m == kNoThread)
            return;
        const GenerationTables* const tables = m_gen.gen.tables.get();
        const uint64_t gen = tables->gen;
        // The cursor's position and the top's time stay in locals while the run is on this
        // cursor, and are written back when it leaves it.
        const Token* next = c.next;
        OrderEngine::Outcome outcome = OrderEngine::Outcome::NotYet;
        bool more = true;
        for (;;) {
            // Wide, with unknown IDs or the thread's first (whose state is looked up then).
            if (next->flags != 0) {
                outcome = OrderEngine::Outcome::NotYet;
                break;
            }
            Event& ev = out[count];
            loadEvent(*next, time, tables, ev);
            outcome = advance(*next, ev, m, state, gen);
            if (outcome == OrderEngine::Outcome::NotYet)
                break;
            const int64_t eventTime = time;
            more = stepCursor(c, next);
            if (more)
                time = tokenTime(m_gen, *next);
            ev.time = increasingTime(eventTime, local.lastTsValue);
            ++count;
            // Another top, a sample first, the batch full or more events of this advance queued
            // (delivered by the general step): the outer loop checks.
            if (!more || time > runLimit || outcome != OrderEngine::Outcome::One || count == room)
                break;
        }
        c.next = next;
        if (more && time <= m_topLimit) {
            top.time = time; // the top stays where it is
        } else {
            if (more)
                heapUpdate(0, time);
            else
                heapRemove(0);
            refreshTopLimit();
        }
        if (outcome == OrderEngine::Outcome::NotYet)
            return; // an event for the general step
    }
}

bool V2Decoder::generalStep(Event& out)
{
    const bool more = nextEvent(out);
    refreshTopLimit();
    return more;
}

bool V2Decoder::next(Event& out)
{
    size_t filled = 0;
    fill(std::span<Event>(&out, 1), filled);
    return filled == 1;
}

void V2Decoder::fill(std::span<Event> out, size_t& filled)
{
    fillEventBatch(
        out, filled, [this](Event& ev) { return generalStep(ev); },
        [this](Event* events, size_t& n, size_t room) { fastRun(events, n, room); });
}

void V2Decoder::heapInsert(uint32_t cursor)
{
    siftUp(m_heapSize++, HeapEntry{tokenTime(m_gen, *m_cursors[cursor].next), cursor});
}

inline void V2Decoder::heapUpdate(size_t i, int64_t time)
{
    const HeapEntry moved{time, m_heap[i].cursor};
    // The top (nearly every update) has nowhere to go but down.
    if (i != 0 && siftUp(i, moved) != i)
        return;
    siftDown(i, moved);
}

void V2Decoder::heapRemove(size_t i)
{
    // Same steps as Go's heap, so ties between threads resolve the same way.
    while (i > 0) {
        std::swap(m_heap[(i - 1) / 2], m_heap[i]);
        i = (i - 1) / 2;
    }
    --m_heapSize;
    std::swap(m_heap[0], m_heap[m_heapSize]);
    m_heap[m_heapSize] = HeapEntry{INT64_MAX, 0};
    if (m_heapSize != 0)
        siftDown(0, m_heap[0]);
}

// The sifts move the other entries over a hole and store `moved` once, where Go's swaps would
// leave it: the same arrangement, without reloading an entry just written.
inline size_t V2Decoder::siftUp(size_t i, HeapEntry moved)
{
    HeapEntry* h = m_heap.data();
    while (i > 0 && h[(i - 1) / 2].time > moved.time) {
        h[i] = h[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h[i] = moved;
    return i;
}

inline void V2Decoder::siftDown(size_t i, HeapEntry moved)
{
    // Go's heap.down: the smaller child (the left one on ties) moves up while it is earlier.
    // The sentinels past the live entries are never earlier, so no bound checks are needed.
    HeapEntry* h = m_heap.data();
    for (;;) {
        const HeapEntry* child = h + 2 * i + 1;
        child += child[1].time < child[0].time;
        if (!(child->time < moved.time))
            break;
        h[i] = *child;
        i = size_t(child - h);
    }
    h[i] = moved;
}

} // namespace gs::gotrace
