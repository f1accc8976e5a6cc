// SPDX-License-Identifier: MIT
#include "core/model/span_table.h"

#include <algorithm>

namespace gs {

namespace {

// Binary search: the first index in [lo, hi) where before(i) is false; `before` holds on a prefix.
template<typename Before>
uint32_t firstNotBefore(uint32_t lo, uint32_t hi, Before before)
{
    while (lo < hi) {
        const uint32_t mid = lo + (hi - lo) / 2;
        if (before(mid))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

} // namespace

const char* spanStateName(SpanState s)
{
    switch (s) {
    case SpanState::Running:
        return "running";
    case SpanState::Runnable:
        return "runnable";
    case SpanState::Waiting:
        return "waiting";
    case SpanState::Syscall:
        return "syscall";
    case SpanState::SyscallBlocked:
        return "syscall (blocked)";
    }
    return "unknown";
}

GoroutineRow SpanTable::rowOfSpan(uint32_t i) const
{
    // The last row starting at or before i that is not empty.
    const auto it = std::upper_bound(offsets.begin(), offsets.end(), i);
    return GoroutineRow(it - offsets.begin() - 1);
}

uint32_t SpanTable::firstEndingAfter(GoroutineRow r, TimeNs t) const
{
    auto [b, e] = rowRange(r);
    return firstNotBefore(b, e, [&](uint32_t i) { return endOf(i) <= t; });
}

std::optional<uint32_t> SpanTable::spanAt(GoroutineRow r, TimeNs t) const
{
    const auto [begin, end] = rowRange(r);
    const uint32_t i = firstEndingAfter(r, t);
    if (i < end && startOf(i) <= t)
        return i;
    if (i == end && end > begin && endOf(end - 1) == t)
        return end - 1;
    return std::nullopt;
}

uint32_t SpanTable::firstStartingFrom(GoroutineRow r, TimeNs t) const
{
    auto [b, e] = rowRange(r);
    return firstNotBefore(b, e, [&](uint32_t i) { return startOf(i) < t; });
}

void SpanTable::stateMix(GoroutineRow r, uint32_t begin, uint32_t endSpan, TimeNs out[kSpanStateCount]) const
{
    std::fill(out, out + kSpanStateCount, 0);
    if (begin >= endSpan)
        return;
    const uint32_t rowBegin = offsets[r];
    const auto firstCheckpoint = m_firstCheckpoint.find(r);
    // cumulative(i): per-state totals of the row's spans before absolute index i.
    auto cumulative = [&](uint32_t i, TimeNs sign) {
        const uint32_t local = i - rowBegin;
        const uint32_t cp = firstCheckpoint ? local / kCheckpointEvery : 0;
        if (firstCheckpoint) {
            const TimeNs* base = &m_checkpoints[(size_t(*firstCheckpoint) + cp) * kSpanStateCount];
            for (size_t s = 0; s < kSpanStateCount; ++s)
                out[s] += sign * base[s];
        }
        for (uint32_t k = rowBegin + cp * kCheckpointEvery; k < i; ++k)
            out[size_t(stateOf(k))] += sign * durationOf(k);
    };
    cumulative(endSpan, +1);
    cumulative(begin, -1);
}

std::span<const TimeNs> SpanTable::stepMaxima(GoroutineRow r) const
{
    const auto firstCheckpoint = m_firstCheckpoint.find(r);
    if (!firstCheckpoint)
        return {};
    const uint32_t blocks = (offsets[r + 1] - offsets[r] + kCheckpointEvery - 1) / kCheckpointEvery;
    return std::span<const TimeNs>(m_stepMax).subspan(*firstCheckpoint, blocks);
}

size_t SpanTable::memoryBytes() const
{
    size_t n = 0;
    for (const auto& part : memoryParts())
        n += part.second;
    return n;
}

std::vector<std::pair<const char*, size_t>> SpanTable::memoryParts() const
{
    return {
        {"span starts", m_starts.memoryBytes()},
        {"span traits codes", m_traitCodes.memoryBytes()},
        {"span ends (rows' last, gaps)", m_ends.memoryBytes()},
        {"span wakers", m_wakers.memoryBytes()},
        {"span waker IDs", m_wakerIds.memoryBytes()},
        {"span rows and traits", vectorBytes(offsets) + vectorBytes(m_traits)},
        {"span checkpoints (rows of 64+)",
         m_firstCheckpoint.memoryBytes() + vectorBytes(m_checkpoints) + vectorBytes(m_stepMax)},
    };
}

size_t SpanTraitsInterner::Hash::operator()(const SpanTraits& t) const
{
    const IntegerHash mix;
    return mix(mix(uint64_t(t.reason) << 32 | t.stack) ^ (uint64_t(uint32_t(t.proc)) << 8 | uint64_t(t.state)));
}

SpanTableWriter::SpanTableWriter(SpanTable& table)
    : m_table(table)
{
    m_table = SpanTable();
    m_table.offsets.push_back(0);
}

void SpanTableWriter::reserve(size_t spans)
{
    m_table.m_starts.reserve(spans);
    m_table.m_traitCodes.reserve(spans);
}

void SpanTableWriter::append(TimeNs start, TimeNs end, uint32_t traits, SpanState state, uint32_t waker)
{
    SpanTable& t = m_table;
    const uint32_t i = uint32_t(t.size());
    const uint32_t local = i - m_rowBegin;
    if (local > 0 && m_previousEnd != start)
        t.m_ends.add(i - 1, m_previousEnd); // a gap: the previous end is not this start
    if (local % SpanTable::kCheckpointEvery == 0) {
        t.m_checkpoints.insert(t.m_checkpoints.end(), m_mix, m_mix + kSpanStateCount);
        t.m_stepMax.push_back(0);
    }
    const TimeNs step = end - (local > 0 ? m_previousEnd : start);
    t.m_stepMax.back() = std::max(t.m_stepMax.back(), step);
    m_mix[size_t(state)] += end - start;
    m_previousEnd = end;
    t.m_starts.push_back(start);
    t.m_traitCodes.push_back(traits);
    if (waker != kNoWaker)
        t.m_wakers.add(i, waker);
}

void SpanTableWriter::endRow()
{
    SpanTable& t = m_table;
    const uint32_t n = uint32_t(t.size());
    if (n > m_rowBegin)
        t.m_ends.add(n - 1, m_previousEnd);
    if (n - m_rowBegin >= SpanTable::kCheckpointEvery) {
        // The checkpoint after the last span, when the row's length is a multiple of the interval.
        if ((n - m_rowBegin) % SpanTable::kCheckpointEvery == 0) {
            t.m_checkpoints.insert(t.m_checkpoints.end(), m_mix, m_mix + kSpanStateCount);
            t.m_stepMax.push_back(0);
        }
        t.m_firstCheckpoint.add(m_row, uint32_t(m_rowCheckpoints));
    } else {
        // A short row keeps none: scanning it is as fast.
        t.m_checkpoints.resize(m_rowCheckpoints * kSpanStateCount);
        t.m_stepMax.resize(m_rowCheckpoints);
    }
    t.offsets.push_back(n);
    m_rowBegin = n;
    m_rowCheckpoints = t.m_stepMax.size();
    ++m_row;
    std::fill(m_mix, m_mix + kSpanStateCount, 0);
}

void SpanTableWriter::finish(std::vector<SpanTraits> traits, TimeColumn wakerIds)
{
    SpanTable& t = m_table;
    t.m_starts.seal();
    t.m_ends.seal();
    t.m_wakers.seal();
    t.m_traitCodes.shrink_to_fit();
    t.m_checkpoints.shrink_to_fit();
    t.m_stepMax.shrink_to_fit();
    t.m_firstCheckpoint.seal();
    t.offsets.shrink_to_fit();
    t.m_traits = std::move(traits);
    wakerIds.seal();
    t.m_wakerIds = std::move(wakerIds);
}

} // namespace gs
