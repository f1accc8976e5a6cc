// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/timeline/state_palette.h"
#include "widgets/timeline/timeline_index.h"
#include "widgets/timeline/timeline_layout.h"

#include <cstdint>
#include <span>
#include <stop_token>
#include <vector>

namespace gs::ui {

// How many goroutines of each timeline group were in each state over a time window: the window
// cut into buckets of equal width, per bucket and SpanKind the time-weighted average count of the
// group's goroutines in that kind (a bucket half covered by one running goroutine counts 0.5
// running). Drawn as a stacked strip on the group's header row, it stays readable whether the
// group has three goroutines or three million, and at any zoom once computed for the window shown.
// Immutable after computeGroupActivity; safe to share across threads.
class GroupActivity
{
public:
    GroupActivity() = default;

    bool empty() const { return m_buckets == 0; }
    TimeNs startNs() const { return m_startNs; }
    TimeNs endNs() const { return m_endNs; }
    uint32_t buckets() const { return m_buckets; }
    size_t groupCount() const { return m_groups; }
    // Average goroutines per kind (indexed by SpanKind) of group g in bucket b.
    std::span<const float> counts(size_t g, uint32_t b) const
    {
        return {m_counts.data() + (g * m_buckets + b) * kSpanKindCount, kSpanKindCount};
    }
    // The largest total over the buckets of group g: the strip's full height.
    float peak(size_t g) const { return m_peak[g]; }

private:
    friend GroupActivity computeGroupActivity(const TraceData&, const TimelineIndex&, const std::vector<GoroutineGroup>&,
                                              TimeNs, TimeNs, uint32_t, std::stop_token);

    TimeNs m_startNs = 0;
    TimeNs m_endNs = 0;
    uint32_t m_buckets = 0;
    size_t m_groups = 0;
    std::vector<float> m_counts; // group, then bucket, then kind
    std::vector<float> m_peak;   // per group
};

// The activity of `groups` (their members, collapsed or not) over [startNs, endNs) in `buckets`
// buckets. Walks the spans of the members that overlap the window once: O(spans in the window +
// members + groups x buckets). An empty result when `stop` is requested first.
GroupActivity computeGroupActivity(const TraceData& trace, const TimelineIndex& index,
                                   const std::vector<GoroutineGroup>& groups, TimeNs startNs, TimeNs endNs,
                                   uint32_t buckets, std::stop_token stop = {});

} // namespace gs::ui
