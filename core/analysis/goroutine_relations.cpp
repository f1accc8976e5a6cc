// SPDX-License-Identifier: MIT
#include "core/analysis/goroutine_relations.h"

#include "core/analysis/row_order.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace gs {

namespace {

// How many spans buildWakeIndex walks between two looks at its stop token.
constexpr uint32_t kStopCheckEvery = 1u << 16;

// Goroutine ID -> row for millions of lookups. Go hands IDs out in sequence, so a trace's IDs are
// nearly dense and a table indexed by ID answers in one read; sparse IDs are found by a binary
// search in the IDs laid out contiguously (TraceData::rowOf would chase rowsById and the ID
// column: cache misses on every step).
class RowsById
{
public:
    explicit RowsById(const TraceData& trace)
        : m_trace(trace)
    {
        const size_t n = trace.rowsById.size();
        if (n == 0)
            return;
        m_lo = trace.goroutines.idOf(trace.rowsById.front());
        const uint64_t span = uint64_t(trace.goroutines.idOf(trace.rowsById.back())) - uint64_t(m_lo) + 1;
        if (span <= kMaxSlotsPerGoroutine * n) {
            m_slots.assign(size_t(span), kNoRow);
            for (GoroutineRow row : trace.rowsById)
                m_slots[size_t(uint64_t(trace.goroutines.idOf(row)) - uint64_t(m_lo))] = row;
            return;
        }
        m_sortedIds.resize(n);
        for (size_t k = 0; k < n; ++k)
            m_sortedIds[k] = trace.goroutines.idOf(trace.rowsById[k]);
    }

    GoroutineRow operator()(int64_t id) const
    {
        if (!m_slots.empty()) {
            const uint64_t k = uint64_t(id) - uint64_t(m_lo);
            return k < m_slots.size() ? m_slots[size_t(k)] : kNoRow;
        }
        const auto it = std::lower_bound(m_sortedIds.begin(), m_sortedIds.end(), id);
        return it != m_sortedIds.end() && *it == id ? m_trace.rowsById[size_t(it - m_sortedIds.begin())] : kNoRow;
    }

private:
    static constexpr uint64_t kMaxSlotsPerGoroutine = 4;

    const TraceData& m_trace;
    int64_t m_lo = 0;
    std::vector<GoroutineRow> m_slots;  // by ID - m_lo, when dense
    std::vector<int64_t> m_sortedIds;   // otherwise
};

} // namespace

CreationIndex buildCreationIndex(const TraceData& trace)
{
    const size_t n = trace.goroutines.size();
    const GoroutineTable& goroutines = trace.goroutines;
    const std::vector<GoroutineRow> order = rowsByKey(
        trace, [&](GoroutineRow r) { return goroutines.createdNsOf(r); }, false, [](GoroutineRow) { return true; });
    // Whether a comes before b in `order` (creation, then ID).
    auto createdBefore = [&](GoroutineRow a, GoroutineRow b) {
        const TimeNs ta = goroutines.createdNsOf(a), tb = goroutines.createdNsOf(b);
        return ta != tb ? ta < tb : goroutines.idOf(a) < goroutines.idOf(b);
    };

    // With millions of goroutines each array here is tens of megabytes: the lookup table is
    // freed before the lists are made, and the cursors of the lists borrow `subtree`.
    CreationIndex index;
    index.creator.assign(n, kNoRow);
    index.childBegin.assign(n + 1, 0);
    {
        const RowsById rowOf(trace);
        for (GoroutineRow r = 0; r < n; ++r) {
            const int64_t creatorId = goroutines.creatorIdOf(r);
            const GoroutineRow c = creatorId == kNoGoroutineId ? kNoRow : rowOf(creatorId);
            // A creator comes first in creation order; anything else (clock ties, odd traces) would
            // let a cycle in, so such a goroutine becomes a root instead.
            if (c != kNoRow && createdBefore(c, r)) {
                index.creator[r] = c;
                ++index.childBegin[c + 1];
            }
        }
    }
    std::partial_sum(index.childBegin.begin(), index.childBegin.end(), index.childBegin.begin());
    index.children.resize(index.childBegin[n]);
    index.position.assign(n, 0);
    std::vector<uint32_t>& filled = index.subtree; // per creator, its next free place in `children`
    filled.assign(index.childBegin.begin(), index.childBegin.end() - 1);
    for (GoroutineRow r : order) {
        const GoroutineRow c = index.creator[r];
        if (c == kNoRow) {
            index.position[r] = uint32_t(index.roots.size());
            index.roots.push_back(r);
        } else {
            index.position[r] = filled[c] - index.childBegin[c];
            index.children[filled[c]++] = r;
        }
    }
    // Children come after their creator in `order`, so walking it backwards finishes every subtree
    // before adding it to its creator's.
    index.subtree.assign(n, 1);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        if (index.creator[*it] != kNoRow)
            index.subtree[index.creator[*it]] += index.subtree[*it];
    }
    return index;
}

WakeIndex buildWakeIndex(const TraceData& trace, std::stop_token stop)
{
    const SpanTable& spans = trace.spans;
    // (waker row, woken span) in span order; a waker wakes in runs, so its row is looked up once
    // per run rather than once per wake-up.
    std::vector<std::pair<GoroutineRow, uint32_t>> found;
    int64_t lastId = kNoGoroutineId;
    GoroutineRow lastRow = kNoRow;
    for (uint32_t i = 0; i < spans.size(); ++i) {
        if (i % kStopCheckEvery == 0 && stop.stop_requested())
            return {};
        const int64_t id = spans.wakerOf(i);
        if (id == kNoGoroutineId)
            continue;
        if (id != lastId) {
            lastId = id;
            lastRow = trace.rowOf(id);
        }
        if (lastRow != kNoRow)
            found.emplace_back(lastRow, i);
    }

    WakeIndex index;
    const size_t rows = trace.goroutines.size();
    index.begin.assign(rows + 1, 0);
    for (const auto& [waker, span] : found)
        ++index.begin[waker + 1];
    std::partial_sum(index.begin.begin(), index.begin.end(), index.begin.begin());
    index.spans.resize(found.size());
    std::vector<uint32_t> filled(index.begin.begin(), index.begin.end() - 1);
    for (const auto& [waker, span] : found)
        index.spans[filled[waker]++] = span;
    found = {};
    for (GoroutineRow r = 0; r < rows; ++r) {
        if (stop.stop_requested())
            return {};
        std::sort(index.spans.begin() + index.begin[r], index.spans.begin() + index.begin[r + 1],
                  [&](uint32_t a, uint32_t b) { return std::pair(spans.startOf(a), a) < std::pair(spans.startOf(b), b); });
    }
    return index;
}

} // namespace gs
