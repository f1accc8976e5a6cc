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

void ResourceSpans::finish(const SpanTable& table)
{
    // Spans arrive in the order they ended, which is their start order on one processor or
    // thread; a trace breaking that is sorted rather than trusted.
    // The check rides along with the sum (a processor has millions of runs, each read from the
    // span table); the rare unsorted list is sorted and summed again.
    auto sumBusy = [&] {
        busyBefore.clear();
        TimeNs busy = 0;
        TimeNs previousStart = INT64_MIN;
        bool sorted = true;
        for (uint32_t k = 0; k < spans.size(); ++k) {
            if (k % kBusyEvery == 0)
                busyBefore.push_back(busy);
            const TimeNs start = table.startOf(spans[k]);
            sorted = sorted && previousStart <= start;
            previousStart = start;
            busy += table.endOf(spans[k]) - start;
        }
        busyBefore.push_back(busy); // past the last run, for a size that is a multiple of kBusyEvery
        return sorted;
    };
    if (!sumBusy()) {
        std::sort(spans.begin(), spans.end(), [&](uint32_t a, uint32_t b) { return table.startOf(a) < table.startOf(b); });
        sumBusy();
    }
    spans.shrink_to_fit();
    busyBefore.shrink_to_fit();
}

TimeNs ResourceSpans::busyBeforeRun(const SpanTable& table, uint32_t k) const
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

ProcSpan TraceData::resourceSpan(const ResourceSpans& resource, uint32_t k) const
{
    const uint32_t s = resource.spans[k];
    return {spans.startOf(s), spans.endOf(s), goroutines[spans.rowOfSpan(s)].id};
}

void TraceData::finishGoroutines()
{
    goroutines.seal();
    const size_t n = goroutines.size();
    rowsById.clear();
    rowsById.reserve(n);
    if (n == 0)
        return;
    // Go hands goroutine IDs out in sequence, so a trace's IDs are nearly dense: each row goes
    // straight to its ID's slot, in linear time. Sparse or repeated IDs (a damaged trace) fall
    // back to sorting (ID, row) pairs as one contiguous array.
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (GoroutineRow row = 0; row < n; ++row) {
        lo = std::min(lo, goroutines.idOf(row));
        hi = std::max(hi, goroutines.idOf(row));
    }
    constexpr uint64_t kMaxSlotsPerGoroutine = 4;
    if (uint64_t(hi) - uint64_t(lo) < kMaxSlotsPerGoroutine * n) {
        std::vector<GoroutineRow> slot(size_t(uint64_t(hi) - uint64_t(lo)) + 1, kNoRow);
        bool repeated = false;
        for (GoroutineRow row = 0; row < n && !repeated; ++row) {
            GoroutineRow& s = slot[size_t(uint64_t(goroutines.idOf(row)) - uint64_t(lo))];
            repeated = s != kNoRow;
            s = row;
        }
        if (!repeated) {
            for (GoroutineRow row : slot)
                if (row != kNoRow)
                    rowsById.push_back(row);
            return;
        }
    }
    std::vector<std::pair<int64_t, GoroutineRow>> byId(n);
    for (GoroutineRow row = 0; row < n; ++row)
        byId[row] = {goroutines.idOf(row), row};
    std::sort(byId.begin(), byId.end());
    for (const auto& entry : byId)
        rowsById.push_back(entry.second);
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
