// SPDX-License-Identifier: MIT
#include "core/analysis/blocking_chain.h"

#include <algorithm>
#include <unordered_set>

namespace gs {

namespace {

// Fills who ended the wait at `span` (the Runnable span right after it records its waker).
void fillWaker(const SpanTable& spans, uint32_t rowEnd, ChainHop& hop)
{
    const uint32_t next = hop.span + 1;
    if (spans.stateOf(hop.span) != SpanState::Waiting || next >= rowEnd
        || spans.startOf(next) != spans.endOf(hop.span) || spans.wakerOf(next) == kNoGoroutineId)
        return;
    hop.wokenBy = spans.wakerOf(next);
    hop.wokenAt = spans.startOf(next);
    hop.wakerStack = spans.stackOf(next);
}

// What the waker did before waking someone at `t`: its last wait that ended by then, if it has
// run only since; else the span it was in at t.
std::optional<uint32_t> wakerHopSpan(const TraceData& trace, GoroutineRow row, TimeNs t)
{
    const SpanTable& spans = trace.spans;
    const auto [first, last] = spans.rowRange(row);
    if (first == last)
        return std::nullopt;
    // The span covering t, or the last one that ends at t (the waker may exit right away).
    uint32_t at = spans.firstEndingAfter(row, t - 1);
    if (at == last || spans.startOf(at) > t)
        at = at > first ? at - 1 : first;
    for (uint32_t i = at + 1; i-- > first;) {
        if (spans.stateOf(i) == SpanState::Waiting && spans.endOf(i) <= t)
            return i;
    }
    return at;
}

} // namespace

int64_t wakerOf(const TraceData& trace, GoroutineRow row, uint32_t span)
{
    ChainHop hop {row, span};
    fillWaker(trace.spans, trace.spans.rowRange(row).second, hop);
    return hop.wokenBy != kNoGoroutineId ? hop.wokenBy : trace.spans.wakerOf(span);
}

std::vector<ChainHop> blockingChain(const TraceData& trace, GoroutineRow row, uint32_t waitSpan, size_t maxHops)
{
    std::vector<ChainHop> hops;
    std::unordered_set<GoroutineRow> seen;
    ChainHop hop {row, waitSpan};
    while (hops.size() < maxHops && seen.insert(hop.row).second) {
        fillWaker(trace.spans, trace.spans.rowRange(hop.row).second, hop);
        hops.push_back(hop);
        if (hop.wokenBy == kNoGoroutineId)
            break;
        const GoroutineRow wakerRow = trace.rowOf(hop.wokenBy);
        const auto span = wakerRow == kNoRow ? std::nullopt : wakerHopSpan(trace, wakerRow, hop.wokenAt);
        if (!span)
            break;
        hop = ChainHop {wakerRow, *span};
    }
    return hops;
}

std::optional<uint32_t> findWait(const TraceData& trace, GoroutineRow row, std::optional<TimeNs> t)
{
    const SpanTable& spans = trace.spans;
    const auto [first, last] = spans.rowRange(row);
    if (t) {
        const uint32_t i = spans.firstEndingAfter(row, *t);
        if (i < last && spans.startOf(i) <= *t && spans.stateOf(i) == SpanState::Waiting)
            return i;
        return std::nullopt;
    }
    std::optional<uint32_t> longest;
    for (uint32_t i = first; i < last; ++i) {
        if (spans.stateOf(i) == SpanState::Waiting && (!longest || spans.durationOf(i) > spans.durationOf(*longest)))
            longest = i;
    }
    return longest;
}

std::vector<WakeUp> wakeUpsBy(const TraceData& trace, int64_t wakerId)
{
    std::vector<WakeUp> out;
    const SpanTable& spans = trace.spans;
    for (GoroutineRow row = 0; row < trace.goroutines.size(); ++row) {
        const auto [first, last] = spans.rowRange(row);
        for (uint32_t i = first; i < last; ++i)
            if (spans.wakerOf(i) == wakerId)
                out.push_back({row, i});
    }
    std::sort(out.begin(), out.end(),
              [&](const WakeUp& a, const WakeUp& b) { return spans.startOf(a.span) < spans.startOf(b.span); });
    return out;
}

} // namespace gs
