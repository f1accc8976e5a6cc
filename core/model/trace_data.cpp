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

bool ResourceSpans::sumBusy(const SpanTable& table)
{
    // The sortedness check rides along with the sum: a processor has millions of runs, each read
    // from the span table.
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
}

void ResourceSpans::finish(const SpanTable& table)
{
    // Spans arrive in the order they ended, which is their start order on one processor or
    // thread; a trace breaking that is sorted rather than trusted (and summed again).
    if (!sumBusy(table)) {
        std::sort(spans.begin(), spans.end(), [&](uint32_t a, uint32_t b) { return table.startOf(a) < table.startOf(b); });
        sumBusy(table);
    }
    spans.shrink_to_fit();
    busyBefore.shrink_to_fit();
}

void Processor::finish(const SpanTable& table)
{
    if (!sumBusy(table)) {
        // Each run takes its thread along while sorting, and the changes are noted again.
        std::vector<std::pair<uint32_t, uint32_t>> runs(spans.size()); // (span, thread)
        uint32_t thread = kNoThread;
        for (uint32_t k = 0, c = 0; k < spans.size(); ++k) {
            for (; c < threadChanges.size() && threadChanges[c].first == k; ++c)
                thread = threadChanges[c].second;
            runs[k] = {spans[k], thread};
        }
        std::stable_sort(runs.begin(), runs.end(), [&](const auto& a, const auto& b) {
            return table.startOf(a.first) < table.startOf(b.first);
        });
        threadChanges.clear();
        thread = kNoThread;
        for (uint32_t k = 0; k < runs.size(); ++k) {
            spans[k] = runs[k].first;
            if (runs[k].second != thread)
                threadChanges.emplace_back(k, thread = runs[k].second);
        }
        sumBusy(table);
    }
    spans.shrink_to_fit();
    busyBefore.shrink_to_fit();
    threadChanges.shrink_to_fit();
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

const ResourceSpans& TraceData::threadSpans(size_t m) const
{
    return m_threadSpans.get([this] { return makeThreadSpans(); })[m];
}

std::vector<ResourceSpans> TraceData::makeThreadSpans() const
{
    // A thread's runs on processors come as stretches of a processor's runs, each in order, and
    // its own spans in order too. They interleave: a syscall that kept its P falls between the
    // runs of a stretch, and an M that left its P and came back to it after running on another
    // makes one stretch around the other. A thread does one thing at a time, so a merge of these
    // sequences by start orders the whole (finish checks, and sorts a trace that breaks this).
    // Each sequence joins the merge at its first start: few are open at once.
    struct Sequence
    {
        TimeNs start = 0; // of the span at `at`
        const uint32_t* at = nullptr;
        const uint32_t* end = nullptr;
    };
    std::vector<std::vector<Sequence>> sequences(threads.size());
    for (const Processor& p : processors) {
        for (size_t c = 0; c < p.threadChanges.size(); ++c) {
            const auto [begin, thread] = p.threadChanges[c];
            const uint32_t end = c + 1 < p.threadChanges.size() ? p.threadChanges[c + 1].first : uint32_t(p.spans.size());
            if (thread != Processor::kNoThread && begin < end)
                sequences[thread].push_back({spans.startOf(p.spans[begin]), p.spans.data() + begin, p.spans.data() + end});
        }
    }
    const auto later = [](const Sequence& a, const Sequence& b) { return a.start > b.start; };
    std::vector<ResourceSpans> lists(threads.size());
    std::vector<Sequence> open; // a heap, the earliest in front
    for (size_t m = 0; m < threads.size(); ++m) {
        std::vector<Sequence>& mine = sequences[m];
        const std::vector<uint32_t>& own = threads[m].ownSpans;
        if (!own.empty())
            mine.push_back({spans.startOf(own.front()), own.data(), own.data() + own.size()});
        std::stable_sort(mine.begin(), mine.end(), [](const Sequence& a, const Sequence& b) { return a.start < b.start; });
        ResourceSpans& list = lists[m];
        list.id = threads[m].id;
        size_t total = 0;
        for (const Sequence& q : mine)
            total += size_t(q.end - q.at);
        list.spans.reserve(total);
        size_t next = 0;
        while (next < mine.size() || !open.empty()) {
            if (next < mine.size() && (open.empty() || mine[next].start <= open.front().start)) {
                open.push_back(mine[next++]);
                std::push_heap(open.begin(), open.end(), later);
                continue;
            }
            std::pop_heap(open.begin(), open.end(), later);
            Sequence& q = open.back();
            list.spans.push_back(*q.at);
            if (++q.at == q.end) {
                open.pop_back();
                continue;
            }
            q.start = spans.startOf(*q.at);
            std::push_heap(open.begin(), open.end(), later);
        }
        list.finish(spans);
        mine = {};
    }
    return lists;
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
