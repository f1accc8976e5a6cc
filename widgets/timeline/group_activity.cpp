// SPDX-License-Identifier: MIT
#include "widgets/timeline/group_activity.h"

#include <algorithm>
#include <cmath>

namespace gs::ui {

namespace {

// How many goroutine rows are walked between two looks at the stop token.
constexpr uint32_t kStopCheckEvery = 4096;

// Adds one span's share of the window to the buckets it overlaps. A span covering whole buckets
// adds 1 to each of them through `steps` (a difference array summed once at the end), so a
// goroutine blocked for the whole trace costs two additions, not one per bucket.
struct Accumulator
{
    TimeNs startNs;
    double bucketsPerNs;
    uint32_t buckets;
    float* counts; // this group's buckets x kinds
    float* steps;

    void add(TimeNs s, TimeNs e, size_t kind)
    {
        const double a = double(s - startNs) * bucketsPerNs;
        const double b = double(e - startNs) * bucketsPerNs;
        if (b <= a)
            return;
        const uint32_t first = std::min(uint32_t(a), buckets - 1);
        const uint32_t last = std::min(uint32_t(b), buckets - 1);
        if (first == last) {
            counts[size_t(first) * kSpanKindCount + kind] += float(b - a);
            return;
        }
        counts[size_t(first) * kSpanKindCount + kind] += float(double(first + 1) - a);
        counts[size_t(last) * kSpanKindCount + kind] += float(b - double(last));
        steps[size_t(first + 1) * kSpanKindCount + kind] += 1.0f;
        steps[size_t(last) * kSpanKindCount + kind] -= 1.0f;
    }
};

} // namespace

GroupActivity computeGroupActivity(const TraceData& trace, const TimelineIndex& index,
                                   const std::vector<GoroutineGroup>& groups, TimeNs startNs, TimeNs endNs,
                                   uint32_t buckets, std::stop_token stop)
{
    GroupActivity out;
    if (buckets == 0 || endNs <= startNs || groups.empty())
        return out;
    const size_t perGroup = size_t(buckets) * kSpanKindCount;
    std::vector<float> counts(groups.size() * perGroup, 0.0f);
    std::vector<float> steps(groups.size() * (perGroup + kSpanKindCount), 0.0f);
    // Rows are walked in their storage order, each adding to its group: the spans are then read
    // front to back rather than group by group all over the table.
    constexpr uint32_t kNoGroup = UINT32_MAX;
    const SpanTable& spans = trace.spans;
    std::vector<uint32_t> groupOf(trace.goroutines.size(), kNoGroup);
    for (size_t g = 0; g < groups.size(); ++g) {
        for (GoroutineRow r : groups[g].members)
            groupOf[r] = uint32_t(g);
    }
    const double bucketsPerNs = buckets / double(endNs - startNs);
    for (GoroutineRow r = 0; r < groupOf.size(); ++r) {
        if (r % kStopCheckEvery == 0 && stop.stop_requested())
            return {};
        const uint32_t g = groupOf[r];
        if (g == kNoGroup)
            continue;
        Accumulator acc{startNs, bucketsPerNs, buckets, counts.data() + g * perGroup,
                        steps.data() + g * (perGroup + kSpanKindCount)};
        const uint32_t rowEnd = spans.rowRange(r).second;
        for (uint32_t i = spans.firstEndingAfter(r, startNs); i < rowEnd; ++i) {
            const TimeNs s = spans.startOf(i);
            if (s >= endNs)
                break;
            acc.add(std::max(s, startNs), std::min(spans.endOf(i), endNs), size_t(index.kindOf(spans, i)));
        }
    }
    // The difference arrays: a running sum over the buckets, per group and kind.
    for (size_t g = 0; g < groups.size(); ++g) {
        const float* step = steps.data() + g * (perGroup + kSpanKindCount);
        float* count = counts.data() + g * perGroup;
        float running[kSpanKindCount] = {};
        for (uint32_t b = 0; b < buckets; ++b) {
            for (size_t k = 0; k < kSpanKindCount; ++k) {
                running[k] += step[size_t(b) * kSpanKindCount + k];
                count[size_t(b) * kSpanKindCount + k] += running[k];
            }
        }
    }
    out.m_startNs = startNs;
    out.m_endNs = endNs;
    out.m_buckets = buckets;
    out.m_groups = groups.size();
    out.m_counts = std::move(counts);
    out.m_peak.assign(groups.size(), 0.0f);
    for (size_t g = 0; g < groups.size(); ++g) {
        for (uint32_t b = 0; b < buckets; ++b) {
            const auto c = out.counts(g, b);
            float total = 0;
            for (float v : c)
                total += v;
            out.m_peak[g] = std::max(out.m_peak[g], total);
        }
    }
    return out;
}

} // namespace gs::ui
