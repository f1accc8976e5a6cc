// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/trace_reader.h"

#include "core/formats/gotrace/event_batch.h"
#include "core/formats/gotrace/trace_damage.h"
#include "core/formats/gotrace/v1_decoder.h"
#include "core/formats/gotrace/v2_decoder.h"

#include <new>
#include <string>
#include <vector>

namespace gs::gotrace {

Result<std::unique_ptr<TraceReader>> TraceReader::open(std::span<const uint8_t> bytes)
{
    Result<TraceHeader> header = readTraceHeader(bytes);
    if (!header)
        return header.error();
    std::unique_ptr<TraceReader> reader(new TraceReader(bytes, *header));
    if (header->isV1()) {
        // The old format has no generations: Go parses it whole before the first event.
        try {
            reader->m_v1 = std::make_unique<V1Decoder>(bytes, header->bodyOffset, header->minorVersion);
        } catch (const DecodeError& e) {
            // The reader reports it: whether it is a cut, then how far decoding got (nowhere).
            reader->fail(e);
        } catch (const std::bad_alloc&) {
            return Error{"out of memory while decoding the trace", std::nullopt};
        }
    } else {
        reader->m_v2 = std::make_unique<V2Decoder>(bytes, header->bodyOffset, header->minorVersion);
    }
    return reader;
}

TraceReader::TraceReader(std::span<const uint8_t> bytes, TraceHeader header)
    : m_bytes(bytes)
    , m_header(header)
{
}

TraceReader::~TraceReader() = default;

void TraceReader::fail(const DecodeError& e)
{
    m_error = Error{e.what(), e.offset()};
    m_endsEarly = e.ranOutAt() == m_bytes.size();
}

bool TraceReader::next(Event& out)
{
    if (m_error)
        return false;
    try {
        return m_v2 ? m_v2->next(out) : m_v1->next(out);
    } catch (const DecodeError& e) {
        fail(e);
        return false;
    } catch (const std::bad_alloc&) {
        m_error = Error{"out of memory while decoding the trace", std::nullopt};
        return false;
    }
}

size_t TraceReader::nextBatch(std::span<Event> out)
{
    size_t filled = 0;
    if (m_error)
        return 0;
    // An error ends the batch: the events before it are delivered, error() is set for the next call.
    try {
        if (m_v2)
            m_v2->fill(out, filled);
        else
            fillEventBatch(out, filled, [this](Event& ev) { return m_v1->next(ev); });
    } catch (const DecodeError& e) {
        fail(e);
    } catch (const std::bad_alloc&) {
        m_error = Error{"out of memory while decoding the trace", std::nullopt};
    }
    return filled;
}

uint64_t TraceReader::bytesConsumed() const
{
    return m_v2 ? m_v2->bytesConsumed() : m_bytes.size();
}

uint64_t TraceReader::completeBytes() const
{
    if (m_v2)
        return m_v2->completeBytes();
    return m_error ? m_header.bodyOffset : m_bytes.size();
}

uint64_t TraceReader::releasableBytes() const
{
    return m_v2 ? m_v2->completeBytes() : 0;
}

uint64_t TraceReader::completeGenerations() const
{
    if (m_v2)
        return m_v2->completeGenerations();
    return m_error ? 0 : 1; // an old-format trace is one generation
}

Result<TraceReadStats> readTrace(std::span<const uint8_t> bytes, LoadContext& ctx,
                                 const std::function<void(const Event&)>& sink)
{
    return readTraceBatches(bytes, ctx, [&](std::span<const Event> events) {
        for (const Event& ev : events)
            sink(ev);
    });
}

Result<TraceReadStats> readTraceBatches(std::span<const uint8_t> bytes, LoadContext& ctx,
                                        const std::function<void(std::span<const Event>)>& sink)
{
    Result<std::unique_ptr<TraceReader>> opened = TraceReader::open(bytes);
    if (!opened)
        return opened.error();
    TraceReader& reader = **opened;
    TraceReadStats stats;
    std::optional<int64_t> firstTime;
    int64_t lastTime = 0;
    // Small enough to stay in the first-level caches while the sink reads it.
    std::vector<Event> batch(256);
    try {
        while (const size_t n = reader.nextBatch(batch)) {
            stats.events += n;
            if (!firstTime)
                firstTime = batch[0].time;
            lastTime = batch[n - 1].time;
            sink(std::span<const Event>(batch.data(), n));
            ctx.release(reader.releasableBytes());
            ctx.checkpoint(reader.bytesConsumed(), bytes.size());
        }
        ctx.checkpoint(bytes.size(), bytes.size());
    } catch (const Cancelled&) {
        return Error{"cancelled", std::nullopt};
    }
    stats.generations = reader.completeGenerations();
    if (!reader.error())
        return stats;
    const TraceDamage damage{*reader.error(),  reader.endsEarly(), bytes.size(),
                             reader.completeBytes(), stats.generations, stats.events,
                             firstTime ? lastTime - *firstTime : 0};
    if (stats.generations == 0)
        return unreadableTraceError(damage);
    stats.truncated = true;
    ctx.warn(keptPartWarning(damage));
    return stats;
}

} // namespace gs::gotrace
