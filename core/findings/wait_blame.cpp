// SPDX-License-Identifier: MIT
#include "core/findings/wait_blame.h"

#include "core/findings/stack_names.h"

#include <algorithm>

namespace gs::findings {

namespace {

// The reasons of Go's sync profile (cmd/trace's pprof: waits on channels, select and sync).
bool isSyncReason(std::string_view reason)
{
    return reason.find("chan") != std::string_view::npos || reason.find("sync") != std::string_view::npos
           || reason.find("select") != std::string_view::npos;
}

} // namespace

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
        if (isSyncReason(text))
            named->second = waitObject(m_store.symbols, stack, text);
        if (named->second == "sync")
            named->second.clear();
    }
    return named->second;
}

ProgramChain programChain(const TraceData& trace, ProgramWaits& waits, GoroutineRow row, uint32_t span,
                          size_t maxHops)
{
    ProgramChain chain;
    chain.waits = blockingChain(trace, row, span, maxHops);
    const auto cut = std::find_if(chain.waits.begin() + 1, chain.waits.end(),
                                  [&](const ChainHop& hop) { return waits.objectOf(hop.span).empty(); });
    if (cut != chain.waits.end())
        chain.end = *cut;
    chain.waits.erase(cut, chain.waits.end());
    return chain;
}

const ChainHop* rootHop(const ProgramChain& chain)
{
    for (auto hop = chain.waits.rbegin(); hop != chain.waits.rend(); ++hop)
        if (hop->wokenBy != kNoGoroutineId)
            return &*hop;
    return nullptr;
}

std::vector<WaitBlame> blameWait(const TraceData& trace, const ProgramChain& program)
{
    const std::vector<ChainHop>& chain = program.waits;
    const SpanTable& spans = trace.spans;
    const TimeNs start = spans.startOf(chain.front().span);
    TimeNs until = spans.endOf(chain.front().span);
    std::vector<WaitBlame> blame;
    for (size_t k = 0; k < chain.size() && chain[k].wokenBy != kNoGoroutineId && until > start; ++k) {
        // The waker's own wait, if somebody ended it, is where its share stops.
        TimeNs heldFrom = start;
        if (k + 1 < chain.size() && chain[k + 1].wokenBy != kNoGoroutineId)
            heldFrom = std::clamp(spans.endOf(chain[k + 1].span), start, until);
        blame.push_back({chain[k].wokenBy, chain[k].wakerStack, until - heldFrom});
        until = heldFrom;
    }
    return blame;
}

} // namespace gs::findings
