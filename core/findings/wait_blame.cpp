// SPDX-License-Identifier: MIT
#include "core/findings/wait_blame.h"

#include "core/analysis/trace_profiles.h"
#include "core/findings/stack_names.h"

#include <algorithm>

namespace gs::findings {

const std::string& ProgramWaits::objectOf(uint32_t span)
{
    static const std::string kNone;
    const SpanTable& spans = m_store.trace->spans;
    if (spans.stateOf(span) != SpanState::Waiting)
        return kNone;
    const StackId stack = spans.stackOf(span);
    const StringId reason = spans.reasonOf(span);
    auto [named, isNew] = m_objects.try_emplace(uint64_t(stack) << 32 | reason);
    if (isNew) {
        const std::string_view text = m_store.symbols.strings.get(reason);
        if (tracksReason(TraceProfileKind::Sync, text))
            named->second = waitObject(m_store.symbols, stack, text);
        if (named->second == "sync")
            named->second.clear();
    }
    return named->second;
}

ProgramChain programChain(const TraceData& trace, ProgramWaits& waits, GoroutineRow row, uint32_t span,
                          size_t maxHops, TimeNs needFrom)
{
    // Hop by hop (blockingChain of two hops: a wait and its waker's previous span), so that the walk
    // can stop where the caller no longer needs it.
    ProgramChain chain;
    std::vector<GoroutineRow> seen {row};
    ChainHop hop {row, span};
    while (chain.waits.size() < maxHops) {
        const std::vector<ChainHop> pair = blockingChain(trace, hop.row, hop.span, 2);
        chain.waits.push_back(pair.front());
        if (pair.size() < 2 || std::find(seen.begin(), seen.end(), pair[1].row) != seen.end())
            break;
        hop = pair[1];
        seen.push_back(hop.row);
        if (waits.objectOf(hop.span).empty()) {
            chain.end = hop;
            break;
        }
        if (trace.spans.endOf(hop.span) <= needFrom) {
            chain.waits.push_back(hop);
            break;
        }
    }
    return chain;
}

const ChainHop* rootHop(const ProgramChain& chain)
{
    for (auto hop = chain.waits.rbegin(); hop != chain.waits.rend(); ++hop)
        if (hop->wokenBy != kNoGoroutineId)
            return &*hop;
    return nullptr;
}

bool isNetworkWait(const EventStore& store, uint32_t span)
{
    const SpanTable& spans = store.trace->spans;
    return spans.stateOf(span) == SpanState::Waiting
           && tracksReason(TraceProfileKind::Net, store.symbols.strings.get(spans.reasonOf(span)));
}

std::vector<WaitBlame> blameWait(const EventStore& store, const ProgramChain& program)
{
    const std::vector<ChainHop>& chain = program.waits;
    const SpanTable& spans = store.trace->spans;
    const TimeNs start = spans.startOf(chain.front().span);
    TimeNs until = spans.endOf(chain.front().span);
    std::vector<WaitBlame> blame;
    for (size_t k = 0; k < chain.size() && chain[k].wokenBy != kNoGoroutineId && until > start; ++k) {
        // The waker's own wait, if somebody ended it, is where its share stops.
        TimeNs heldFrom = start;
        if (k + 1 < chain.size() && chain[k + 1].wokenBy != kNoGoroutineId)
            heldFrom = std::clamp(spans.endOf(chain[k + 1].span), start, until);
        else if (k + 1 == chain.size() && program.end && isNetworkWait(store, program.end->span))
            heldFrom = std::clamp(spans.endOf(program.end->span), start, until);
        blame.push_back({chain[k].wokenBy, chain[k].wakerStack, until - heldFrom});
        until = heldFrom;
    }
    return blame;
}

} // namespace gs::findings
