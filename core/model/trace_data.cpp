// SPDX-License-Identifier: MIT
#include "core/model/trace_data.h"

#include <algorithm>

namespace gs {

namespace {

void addTo(std::vector<std::pair<StringId, TimeNs>>& totals, StringId key, TimeNs d)
{
    for (auto& [k, total] : totals) {
        if (k == key) {
            total += d;
            return;
        }
    }
    totals.emplace_back(key, d);
}

} // namespace

void Processor::finish(const SpanTable& table)
{
    // Runs arrive in the order they ended, which is their start order on one processor; a trace
    // breaking that is sorted rather than trusted.
    auto byStart = [&](uint32_t a, uint32_t b) { return table.startOf(a) < table.startOf(b); };
    if (!std::is_sorted(spans.begin(), spans.end(), byStart))
        std::sort(spans.begin(), spans.end(), byStart);
    busyBefore = TimeColumn();
    busyBefore.reserve(spans.size() + 1);
    TimeNs busy = 0;
    busyBefore.push_back(0);
    for (uint32_t s : spans)
        busyBefore.push_back(busy += table.durationOf(s));
    busyBefore.seal();
}

GoroutineRow TraceData::rowOf(int64_t goroutineId) const
{
    auto it = std::lower_bound(rowById.begin(), rowById.end(), goroutineId,
                               [](const auto& p, int64_t id) { return p.first < id; });
    return it != rowById.end() && it->first == goroutineId ? it->second : kNoRow;
}

ProcSpan TraceData::procSpan(size_t proc, uint32_t k) const
{
    const uint32_t s = processors[proc].spans[k];
    return {spans.startOf(s), spans.endOf(s), goroutines[spans.rowOfSpan(s)].id};
}

void TraceData::computeGoroutineStats(StringId foreverReason)
{
    const SpanTable& s = spans;
    for (GoroutineRow row = 0; row < goroutines.size(); ++row) {
        Goroutine& g = goroutines[row];
        GoroutineStats& st = g.stats;
        st = GoroutineStats {};
        // A goroutine waits for a handful of reasons: a short list beats a map per span.
        std::vector<std::pair<StringId, TimeNs>>& blocked = st.blockNsByReason;
        const auto [first, last] = s.rowRange(row);
        for (uint32_t i = first; i < last; ++i) {
            const TimeNs d = s.durationOf(i);
            const SpanTraits& traits = s.traitsOf(i);
            switch (traits.state) {
            case SpanState::Running:
                st.execNs += d;
                break;
            case SpanState::Runnable:
                st.schedWaitNs += d;
                break;
            case SpanState::Waiting:
                if (traits.reason != foreverReason)
                    addTo(blocked, traits.reason, d);
                break;
            case SpanState::Syscall:
                st.syscallNs += d;
                break;
            case SpanState::SyscallBlocked:
                st.syscallBlockNs += d;
                break;
            }
        }
        // Go's analysis closes a syscall still blocked at the end of the trace differently:
        // the whole syscall counts as syscall time and its blocked part as scheduler wait.
        if (g.endNs < 0 && last > first && s.stateOf(last - 1) == SpanState::SyscallBlocked) {
            const TimeNs blockedPart = s.durationOf(last - 1);
            st.syscallBlockNs -= blockedPart;
            st.syscallNs += blockedPart;
            st.schedWaitNs += blockedPart;
        }
        std::sort(blocked.begin(), blocked.end());
        st.totalNs = (g.endNs >= 0 ? g.endNs : endNs) - g.createdNs;
    }
}

} // namespace gs
