// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"
#include "widgets/timeline/time_window.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace gs::ui {

// One thing to draw on a row: a single span, or a run of consecutive narrow spans folded into one
// block. Indexes are positions in the folded sequence (absolute span indexes for SpanTable rows).
struct FoldedBlock
{
    uint32_t begin = 0; // first span
    uint32_t end = 0;   // one past the last span
    TimeNs startNs = 0; // start of the first span
    TimeNs endNs = 0;   // end of the last span
    bool merged = false;

    uint32_t count() const { return end - begin; }
    bool operator==(const FoldedBlock&) const = default;
};

// Level-of-detail folding of one row of sorted, non-overlapping spans (Tracy's zone folding with
// gotraceui's anti-flicker rule, STYLE.md 5.4 step 2).
//
// A span is narrow when it is shorter than minNs (the minimum width converted to time). Narrow
// spans form a run when each follows the previous one with a gap shorter than minNs; a run of two
// or more is emitted as one merged block, anything else as itself. The run is a property of the
// spans and minNs only, never of where the window starts or ends: the fold looks left past the
// window start for the start of the first run and keeps extending the last run past the window
// end, so blocks do not flicker while panning. (Both look-arounds stop one window width beyond
// the window, which bounds the cost; a run longer than that is cut there.)
//
// Complexity: a run grows by galloping — a binary search for the first span ending at least minNs
// after the current one; every span in between provably belongs to the run — so each step covers
// at least minNs of time. Every emitted block is either wide, or separated from the next by a wide
// span or gap, so a row costs O((widthPx / minPx) * log n), independent of the span count.
// Stateless and thread-safe; `Seq` provides size(), start(i) and end(i) with both columns sorted,
// and skipJoined(last, minNs, limit): the last span reachable from `last` through spans proven to
// join the run by a coarser index (or `last` itself when it has none). At full zoom-out, where a
// row is one long run, that index replaces a gallop step's dozen cache misses by one sequential read
// per 64 spans.
template<typename Seq>
void foldSpans(const Seq& seq, const TimeWindow& window, double minPx, std::vector<FoldedBlock>& out)
{
    const uint32_t n = uint32_t(seq.size());
    if (n == 0)
        return;
    const TimeNs minNs = window.pxToNs(minPx);
    const TimeNs lookStart = window.startNs - window.durationNs();
    const TimeNs lookEnd = window.endNs + window.durationNs();

    auto narrow = [&](uint32_t k) { return seq.end(k) - seq.start(k) < minNs; };
    // Whether span k continues the run holding span k - 1.
    auto joins = [&](uint32_t k) {
        return k > 0 && k < n && narrow(k) && narrow(k - 1) && seq.start(k) - seq.end(k - 1) < minNs;
    };
    // First index in [from, n) whose end is >= t (ends are sorted). Exponential probing first, so
    // a short step costs O(log distance) and stays in cache, then a binary search of the bracket.
    auto firstEndAtLeast = [&](uint32_t from, TimeNs t) {
        uint32_t lo = from, hi = n, step = 1;
        while (lo + step < n && seq.end(lo + step) < t) {
            lo += step;
            step *= 2;
        }
        hi = std::min(n, lo + step + 1);
        while (lo < hi) {
            const uint32_t mid = lo + (hi - lo) / 2;
            if (seq.end(mid) < t)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    };
    // First index in [0, upTo] whose start is > t (starts are sorted).
    auto firstStartAfter = [&](uint32_t upTo, TimeNs t) {
        uint32_t lo = 0, hi = upTo;
        while (lo < hi) {
            const uint32_t mid = lo + (hi - lo) / 2;
            if (seq.start(mid) <= t)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    };

    uint32_t i = firstEndAtLeast(0, window.startNs + 1);
    if (i < n && narrow(i)) {
        // Look left for the start of the run holding the first visible span.
        while (i > 0 && seq.start(i) >= lookStart) {
            const uint32_t j = firstStartAfter(i, seq.start(i) - minNs);
            i = j;
            if (!joins(i))
                break;
            --i;
        }
    }
    while (i < n && seq.start(i) < window.endNs) {
        if (!narrow(i)) {
            out.push_back({i, i + 1, seq.start(i), seq.end(i), false});
            ++i;
            continue;
        }
        const uint32_t runBegin = i;
        uint32_t last = i; // last span known to be in the run
        for (;;) {
            last = seq.skipJoined(last, minNs, lookEnd);
            // Every span ending less than minNs after `last` ends belongs to the run.
            const uint32_t j = firstEndAtLeast(last + 1, seq.end(last) + minNs);
            if (j > last + 1)
                last = j - 1;
            if (joins(last + 1) && seq.end(last) <= lookEnd)
                last = last + 1;
            else
                break;
        }
        out.push_back({runBegin, last + 1, seq.start(runBegin), seq.end(last), last > runBegin});
        i = last + 1;
    }
}

// Blocks of SpanTable::stepMaxima: a block whose largest step is below minNs joins a run as a whole.
constexpr uint32_t kStepBlock = SpanTable::kCheckpointEvery;

// Adapts one goroutine's rows of a SpanTable to foldSpans (absolute span indexes are kept by
// folding a row-local view and shifting the results). `stepMax` (optional) is SpanTable::stepMaxima.
struct SpanRowSeq
{
    const SpanTable* table = nullptr;
    uint32_t first = 0;
    uint32_t count = 0;
    std::span<const TimeNs> stepMax;

    size_t size() const { return count; }
    TimeNs start(uint32_t i) const { return table->startOf(first + i); }
    TimeNs end(uint32_t i) const { return table->endOf(first + i); }
    uint32_t skipJoined(uint32_t last, TimeNs minNs, TimeNs limit) const
    {
        while (last + 1 < count) {
            const uint32_t block = (last + 1) / kStepBlock;
            if (block >= stepMax.size() || stepMax[block] >= minNs)
                break;
            const uint32_t blockEnd = std::min(count, (block + 1) * kStepBlock);
            if (end(blockEnd - 1) > limit)
                break;
            last = blockEnd - 1;
        }
        return last;
    }
};

// Folds goroutine row `row`; blocks carry absolute span indexes. Appends to `out`. The result does
// not depend on `stepMax`, only the cost does.
void foldGoroutineRow(const SpanTable& spans, GoroutineRow row, const TimeWindow& window, double minPx,
                      std::vector<FoldedBlock>& out, std::span<const TimeNs> stepMax = {});

} // namespace gs::ui
