// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/closed_spans.h"

#include "core/base/vector_reuse.h"

#include <algorithm>
#include <array>
#include <optional>

namespace gs::gotrace {

namespace {

// Writes `value` at `out` in groups of 7 bits, the lowest first, each but the last with its high
// bit set; returns the end. At most 10 bytes.
uint8_t* putVarint(uint8_t* out, uint64_t value)
{
    for (; value >= 0x80; value >>= 7)
        *out++ = uint8_t(value) | 0x80;
    *out++ = uint8_t(value);
    return out;
}

constexpr unsigned kStateBits = 3;
static_assert(kSpanStateCount <= 1u << kStateBits);

// Walks one row's exceptions, sorted by index, alongside its spans.
class ExceptionCursor
{
public:
    ExceptionCursor(const std::pair<uint32_t, TimeNs>* begin, const std::pair<uint32_t, TimeNs>* end)
        : m_next(begin)
        , m_end(end)
    {
    }
    const TimeNs* at(uint32_t local)
    {
        if (m_next != m_end && m_next->first == local)
            return &(m_next++)->second;
        return nullptr;
    }

private:
    const std::pair<uint32_t, TimeNs>* m_next;
    const std::pair<uint32_t, TimeNs>* m_end;
};

} // namespace

uint32_t ClosedSpans::add(TimeNs start, TimeNs end, uint32_t traits, SpanState state, uint32_t waker)
{
    const uint32_t local = m_count++;
    if (local > 0 && m_lastEnd != start)
        m_gaps.emplace_back(local - 1, m_lastEnd);
    const bool woken = waker != SpanTableWriter::kNoWaker;
    const uint64_t step = uint64_t(start) - uint64_t(m_lastStart);
    const bool far = local == 0 || step >= UINT32_MAX;
    if (far)
        m_farStarts.emplace_back(local, start);
    std::array<uint8_t, 32> encoded; // three varints of at most 10 bytes
    uint8_t* next = putVarint(encoded.data(), far ? 0 : step);
    next = putVarint(next, (uint64_t(traits) << kStateBits | uint64_t(state)) << 1 | (woken ? 1 : 0));
    if (woken)
        next = putVarint(next, waker);
    m_bytes.append(encoded, uint32_t(next - encoded.data()));
    m_lastStart = start;
    m_lastEnd = end;
    return local;
}

void ClosedSpans::moveTo(ClosedSpanRows& rows)
{
    // One allocation at most, however many chunks a long-lived goroutine's bytes fill.
    if (const size_t needed = rows.m_bytes.size() + m_bytes.size(); needed > rows.m_bytes.capacity())
        rows.m_bytes.reserve(std::max(needed, 2 * rows.m_bytes.capacity()));
    m_bytes.drainRuns([&](const uint8_t* bytes, uint32_t n) { rows.m_bytes.insert(rows.m_bytes.end(), bytes, bytes + n); });
    rows.m_farStarts.insert(rows.m_farStarts.end(), m_farStarts.begin(), m_farStarts.end());
    rows.m_gaps.insert(rows.m_gaps.end(), m_gaps.begin(), m_gaps.end());
    rows.m_rows.push_back({rows.m_bytes.size(), rows.m_farStarts.size(), rows.m_gaps.size(), m_lastEnd});
    rows.m_spans += m_count;
    // One long-lived goroutine's lists are not kept in a record reused for short ones.
    constexpr size_t kKeep = 64;
    clearForReuse(m_farStarts, kKeep);
    clearForReuse(m_gaps, kKeep);
    m_count = 0;
    m_lastStart = 0;
    m_lastEnd = 0;
}

void ClosedSpanRows::writeTo(SpanTableWriter& writer)
{
    size_t bytesBegin = 0, farStartsBegin = 0, gapsBegin = 0;
    for (const Row& row : m_rows) {
        ExceptionCursor farStarts(m_farStarts.data() + farStartsBegin, m_farStarts.data() + row.farStartsEnd);
        ExceptionCursor gaps(m_gaps.data() + gapsBegin, m_gaps.data() + row.gapsEnd);

        // A span is written when the next one is decoded: its end is that start, unless a gap
        // says otherwise.
        struct Pending
        {
            TimeNs start = 0;
            uint64_t traitsAndState = 0;
            uint32_t waker = SpanTableWriter::kNoWaker;
        };
        std::optional<Pending> pending;
        uint32_t local = 0;
        TimeNs start = 0;
        auto writePending = [&](TimeNs nextStart) {
            const TimeNs* gapEnd = gaps.at(local - 1);
            writer.append(pending->start, gapEnd ? *gapEnd : nextStart,
                          uint32_t(pending->traitsAndState >> kStateBits),
                          SpanState(pending->traitsAndState & ((1u << kStateBits) - 1)), pending->waker);
        };
        // The varints of each span, in order: step, traits and woken flag, then the waker if woken.
        const uint8_t* p = m_bytes.data() + bytesBegin;
        const uint8_t* const end = m_bytes.data() + row.bytesEnd;
        auto next = [&] {
            uint64_t value = 0;
            for (unsigned shift = 0;; shift += 7) {
                const uint8_t byte = *p++;
                value |= uint64_t(byte & 0x7f) << shift;
                if (!(byte & 0x80))
                    return value;
            }
        };
        while (p != end) {
            const uint64_t step = next();
            const uint64_t traitsWord = next();
            const uint32_t waker = traitsWord & 1 ? uint32_t(next()) : SpanTableWriter::kNoWaker;
            const TimeNs* far = farStarts.at(local);
            start = far ? *far : start + TimeNs(step);
            if (pending)
                writePending(start);
            pending = Pending{start, traitsWord >> 1, waker};
            ++local;
        }
        if (pending)
            writePending(row.lastEnd);
        writer.endRow();
        bytesBegin = row.bytesEnd;
        farStartsBegin = row.farStartsEnd;
        gapsBegin = row.gapsEnd;
    }
    // Emptied for reuse, but a buffer grown for a long-lived goroutine's row is freed.
    clearForReuse(m_bytes, size_t(1) << 20);
    m_farStarts.clear();
    m_gaps.clear();
    m_rows.clear();
    m_spans = 0;
}

} // namespace gs::gotrace
