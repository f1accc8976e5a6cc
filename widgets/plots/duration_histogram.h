// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <cstdint>
#include <vector>

namespace gs::ui {

// Span durations binned on a log scale, kBinsPerDecade bins per power of ten: bin k covers
// [edge(k), edge(k+1)) with edge(k) = 10^(k / kBinsPerDecade) ns rounded to a whole nanosecond, so
// every duration falls in exactly one bin (zero-length spans count in the first, [1 ns, 2 ns)).
// counts[i] is bin firstBin + i; the bins run from the shortest duration's to the longest's, empty
// ones included. Plain data, built off the GUI thread.
struct DurationHistogram
{
    static constexpr int kBinsPerDecade = 5;

    int firstBin = 0;
    std::vector<uint64_t> counts;
    uint64_t total = 0; // number of durations binned (the sum of counts)
    TimeNs minNs = 0;
    TimeNs medianNs = 0;
    TimeNs p90Ns = 0;
    TimeNs p99Ns = 0;
    TimeNs maxNs = 0;

    static TimeNs edge(int bin);
    // The bin a duration falls in.
    static int binOf(TimeNs ns);
    TimeNs lowerNs(size_t i) const { return edge(firstBin + int(i)); }
    TimeNs upperNs(size_t i) const { return edge(firstBin + int(i) + 1); }
};

// Bins `durations` (consumed: reordered to find the percentiles in O(n)).
DurationHistogram buildDurationHistogram(std::vector<TimeNs> durations);

} // namespace gs::ui
