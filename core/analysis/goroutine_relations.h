// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <cstdint>
#include <span>
#include <stop_token>
#include <vector>

namespace gs {

// Who created whom in a trace, built once per store so that listing a goroutine's children or
// drawing the creation tree never scans the goroutines again. A goroutine whose creator the trace
// does not show (it predates the trace, or the runtime made it) is a root. Children and roots are
// in creation order (ties: goroutine ID). O(goroutines log goroutines) to build.
struct CreationIndex
{
    std::vector<GoroutineRow> roots;
    std::vector<GoroutineRow> creator;  // per row: its creator's row; kNoRow for a root
    std::vector<uint32_t> position;     // per row: its place among its creator's children (or the roots)
    std::vector<uint32_t> childBegin;   // per row + 1: where its children start in `children`
    std::vector<GoroutineRow> children;
    std::vector<uint32_t> subtree;      // per row: the goroutines at or below it, itself included

    std::span<const GoroutineRow> childrenOf(GoroutineRow row) const
    {
        return {children.data() + childBegin[row], children.data() + childBegin[row + 1]};
    }
};

CreationIndex buildCreationIndex(const TraceData& trace);

// Every wake-up of a trace grouped by the goroutine that did it: the forward direction of
// blocking chains (gs::wakeUpsBy for all goroutines at once). Per waker row, the woken goroutines'
// Runnable spans (absolute indexes; the woken row is SpanTable::rowOfSpan) in time order, so the
// wake-ups during one span of the waker are one binary search away.
//
// Building walks every span once (a bitmap test each) and sorts each waker's list, too long for
// the GUI thread on a trace of tens of millions of spans: callers build it once per store in the
// background. Four bytes per wake-up.
struct WakeIndex
{
    std::vector<uint32_t> begin; // per waker row + 1
    std::vector<uint32_t> spans;

    std::span<const uint32_t> wakeUpsBy(GoroutineRow waker) const
    {
        if (waker + size_t(1) >= begin.size())
            return {};
        return {spans.data() + begin[waker], spans.data() + begin[waker + 1]};
    }
};

// An empty index when `stop` is requested before it is done.
WakeIndex buildWakeIndex(const TraceData& trace, std::stop_token stop = {});

} // namespace gs
