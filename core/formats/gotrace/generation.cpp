// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/generation.h"

#include "core/formats/gotrace/go_sort.h"
#include "core/formats/gotrace/wire_spec.h"

#include <algorithm>
#include <string>

namespace gs::gotrace {

namespace {

bool isStructural(const Batch& b, uint8_t marker)
{
    return b.type == Batch::Type::Events && !b.payload.empty() && b.payload[0] == marker;
}

} // namespace

GenerationLoader::GenerationLoader(std::span<const uint8_t> input, size_t start, int minorVersion)
    : m_in(input.subspan(start), start)
    , m_version(minorVersion)
    , m_generationEnd(start)
{
}

bool GenerationLoader::next(Generation& out)
{
    out = Generation{};
    out.tables = std::make_unique<GenerationTables>();
    return m_version >= 26 ? nextWithMarkers(out) : nextWithSpill(out);
}

bool GenerationLoader::nextWithMarkers(Generation& g)
{
    std::unordered_map<int64_t, size_t> threadIndex;
    bool first = true;
    for (;;) {
        if (m_in.atEnd()) {
            if (!g.threads.empty())
                m_in.failAtEnd(m_in.offset(), "incomplete generation found; trace likely truncated");
            return false;
        }
        const Batch b = readBatch(m_in);
        if (first)
            g.tables->gen = b.gen;
        first = false;
        if (b.type == Batch::Type::EndOfGeneration)
            break;
        if (b.gen == 0)
            throw DecodeError(b.offset, "invalid generation number 0");
        if (b.gen != g.tables->gen)
            throw DecodeError(b.offset,
                              "broken trace: missing end-of-generation event, or generations are interleaved");
        if (g.minTs == 0 || b.time < g.minTs)
            g.minTs = b.time;
        process(g, threadIndex, b);
    }
    finish(g);
    m_generationEnd = m_in.offset();
    return true;
}

bool GenerationLoader::nextWithSpill(Generation& g)
{
    if (m_deferred)
        throwPending(m_deferred, m_done);
    if (m_done)
        return false;
    std::unordered_map<int64_t, size_t> threadIndex;
    bool haveGen = false;
    if (m_spill) {
        g.tables->gen = m_spill->gen;
        g.minTs = m_spill->time;
        haveGen = true;
        const Batch b = *m_spill;
        m_spill.reset();
        process(g, threadIndex, b);
    } else if (m_in.atEnd()) {
        return false;
    }
    for (;;) {
        if (m_in.atEnd()) {
            m_done = true;
            break;
        }
        Batch b;
        try {
            b = readBatch(m_in);
        } catch (const DecodeError& e) {
            if (!haveGen)
                throw;
            m_deferred = e; // deliver what we have, then report
            break;
        }
        if (b.type == Batch::Type::EndOfGeneration || b.gen == 0)
            throw DecodeError(b.offset, "invalid generation number 0");
        if (!haveGen) {
            g.tables->gen = b.gen;
            haveGen = true;
        }
        if (b.gen == g.tables->gen + 1) {
            m_spill = b;
            break;
        }
        if (b.gen != g.tables->gen)
            throw DecodeError(b.offset, "generations out of order");
        if (g.minTs == 0 || b.time < g.minTs)
            g.minTs = b.time;
        process(g, threadIndex, b);
    }
    finish(g);
    m_generationEnd = m_spill ? m_spill->offset : m_in.offset();
    return true;
}

void GenerationLoader::process(Generation& g, std::unordered_map<int64_t, size_t>& threadIndex, const Batch& b)
{
    GenerationTables& t = *g.tables;
    const bool syncBatch = m_version >= 25 ? isStructural(b, EvSync) : isStructural(b, EvFrequency);
    if (isStructural(b, EvStrings)) {
        addStrings(t, b);
    } else if (isStructural(b, EvStacks)) {
        addStacks(t, b);
    } else if (isStructural(b, EvCPUSamples)) {
        addSamples(g, b);
    } else if (syncBatch) {
        setSync(t, b);
    } else if (b.type == Batch::Type::Experimental) {
        ++g.experimentalBatches;
    } else {
        auto [it, inserted] = threadIndex.emplace(b.m, g.threads.size());
        if (inserted)
            g.threads.push_back(ThreadBatches{b.m, {}});
        g.threads[it->second].batches.push_back(BatchRef{b.time, b.payload, b.payloadOffset});
    }
}

void GenerationLoader::addStrings(GenerationTables& t, const Batch& b)
{
    ByteReader r(b.payload, b.payloadOffset);
    r.readByte(); // EvStrings
    while (!r.atEnd()) {
        const uint64_t at = r.offset();
        const uint8_t ev = r.readByte();
        if (ev != EvString)
            throw DecodeError(at, "expected string event, got event type " + std::to_string(ev));
        const uint64_t id = r.readUvarint();
        const uint64_t lenAt = r.offset();
        const uint64_t len = r.readUvarint();
        if (len > kMaxStringSize)
            throw DecodeError(lenAt, "invalid string size " + std::to_string(len) + ", maximum is "
                                         + std::to_string(kMaxStringSize));
        const std::string_view s = r.readString(len);
        if (id != 0 && !t.addString(id, s))
            throw DecodeError(at, "multiple strings with the same ID: id=" + std::to_string(id));
    }
}

void GenerationLoader::addStacks(GenerationTables& t, const Batch& b)
{
    ByteReader r(b.payload, b.payloadOffset);
    r.readByte(); // EvStacks
    while (!r.atEnd()) {
        const uint64_t at = r.offset();
        const uint8_t ev = r.readByte();
        if (ev != EvStack)
            throw DecodeError(at, "expected stack event, got event type " + std::to_string(ev));
        const uint64_t id = r.readUvarint();
        const uint64_t countAt = r.offset();
        const uint64_t count = r.readUvarint();
        if (count > kMaxFramesPerStack)
            throw DecodeError(countAt, "invalid stack size " + std::to_string(count) + ", maximum is "
                                           + std::to_string(kMaxFramesPerStack));
        m_pcScratch.clear();
        for (uint64_t i = 0; i < count; ++i) {
            WireFrame f;
            f.pc = r.readUvarint();
            f.funcString = r.readUvarint();
            f.fileString = r.readUvarint();
            f.line = r.readUvarint();
            m_pcScratch.push_back(f.pc);
            t.addFrame(f);
        }
        if (!t.addStack(id, m_pcScratch))
            throw DecodeError(at, "multiple stacks with the same ID: id=" + std::to_string(id));
    }
}

void GenerationLoader::addSamples(Generation& g, const Batch& b)
{
    ByteReader r(b.payload, b.payloadOffset);
    r.readByte(); // EvCPUSamples
    while (!r.atEnd()) {
        const uint64_t at = r.offset();
        const uint8_t ev = r.readByte();
        if (ev != EvCPUSample)
            throw DecodeError(at, "expected CPU sample event, got event type " + std::to_string(ev));
        CpuSample s;
        s.time = int64_t(r.readUvarint()); // ticks until finish() converts them
        s.m = int64_t(r.readUvarint());
        s.p = int64_t(r.readUvarint());
        const uint64_t goid = r.readUvarint();
        s.g = goid == 0 ? -1 : int64_t(goid);
        s.stack = r.readUvarint();
        g.samples.push_back(s);
    }
}

void GenerationLoader::setSync(GenerationTables& t, const Batch& b)
{
    ByteReader r(b.payload, b.payloadOffset);
    if (m_version >= 25)
        r.readByte(); // EvSync
    uint64_t lastTs = b.time;
    while (!r.atEnd()) {
        const uint64_t at = r.offset();
        const uint8_t ev = r.readByte();
        if (ev == EvFrequency) {
            if (t.hasFrequency)
                throw DecodeError(at, "found multiple frequency events");
            const uint64_t f = r.readUvarint();
            // Same arithmetic as Go's parser, so converted times match to the nanosecond.
            t.setNsPerTick(1.0 / (double(f) / 1e9));
            t.hasFrequency = true;
        } else if (ev == EvClockSnapshot && m_version >= 25) {
            if (t.hasClockSnapshot)
                throw DecodeError(at, "found multiple clock snapshot events");
            t.hasClockSnapshot = true;
            lastTs += r.readUvarint();
            t.snapshotTimeNs = int64_t(lastTs); // ticks until finish() converts them
            t.snapshotMono = r.readUvarint();
            t.snapshotSec = r.readUvarint();
            t.snapshotNsec = r.readUvarint();
        } else {
            throw DecodeError(at, "expected frequency or clock snapshot event, got event type " + std::to_string(ev));
        }
    }
}

void GenerationLoader::finish(Generation& g)
{
    GenerationTables& t = *g.tables;
    if (!t.hasFrequency || t.nsPerTick() == 0)
        throw DecodeError(m_in.offset(), "no frequency event found in generation " + std::to_string(t.gen));
    if (m_version >= 25 && !t.hasClockSnapshot)
        throw DecodeError(m_in.offset(), "no clock snapshot event found in generation " + std::to_string(t.gen));
    const std::string problem = t.validateStacks();
    if (!problem.empty())
        throw DecodeError(m_in.offset(), problem + " in generation " + std::to_string(t.gen));
    if (t.hasClockSnapshot)
        t.snapshotTimeNs = t.toNs(uint64_t(t.snapshotTimeNs));
    for (CpuSample& s : g.samples)
        s.time = t.toNs(uint64_t(s.time));
    goSortFunc(std::span<CpuSample>(g.samples), [](const CpuSample& a, const CpuSample& b) { return a.time < b.time; });
}

} // namespace gs::gotrace
