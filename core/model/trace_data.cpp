// SPDX-License-Identifier: MIT
#include "core/model/trace_data.h"

#include <algorithm>
#include <numeric>

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
    spans.shrink_to_fit();
    busyBefore.clear();
    TimeNs busy = 0;
    for (uint32_t k = 0; k < spans.size(); ++k) {
        if (k % kBusyEvery == 0)
            busyBefore.push_back(busy);
        busy += table.durationOf(spans[k]);
    }
    busyBefore.push_back(busy); // past the last run, for a size that is a multiple of kBusyEvery
    busyBefore.shrink_to_fit();
}

TimeNs Processor::busyBeforeRun(const SpanTable& table, uint32_t k) const
{
    if (k == spans.size())
        return busyBefore.back();
    TimeNs busy = busyBefore[k / kBusyEvery];
    for (uint32_t i = k / kBusyEvery * kBusyEvery; i < k; ++i)
        busy += table.durationOf(spans[i]);
    return busy;
}

GoroutineRow TraceData::rowOf(int64_t goroutineId) const
{
    auto it = std::lower_bound(rowsById.begin(), rowsById.end(), goroutineId,
                               [&](GoroutineRow row, int64_t id) { return goroutines.idOf(row) < id; });
    return it != rowsById.end() && goroutines.idOf(*it) == goroutineId ? *it : kNoRow;
}

ProcSpan TraceData::procSpan(size_t proc, uint32_t k) const
{
    const uint32_t s = processors[proc].spans[k];
    return {spans.startOf(s), spans.endOf(s), goroutines[spans.rowOfSpan(s)].id};
}

void TraceData::finishGoroutines()
{
    goroutines.seal();
    rowsById.resize(goroutines.size());
    std::iota(rowsById.begin(), rowsById.end(), GoroutineRow(0));
    // Rows are nearly in ID order already (IDs are handed out in creation order).
    std::vector<int64_t> ids(goroutines.size());
    for (GoroutineRow row = 0; row < ids.size(); ++row)
        ids[row] = goroutines.idOf(row);
    std::sort(rowsById.begin(), rowsById.end(), [&](GoroutineRow a, GoroutineRow b) { return ids[a] < ids[b]; });
    rowsById.shrink_to_fit();
}

GoroutineStats TraceData::goroutineStats(GoroutineRow row) const
{
    const SpanTable& s = spans;
    GoroutineStats st;
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
    const Goroutine g = goroutines[row];
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
    return st;
}

} // namespace gs
