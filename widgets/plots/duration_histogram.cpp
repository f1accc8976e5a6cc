// SPDX-License-Identifier: MIT
#include "widgets/plots/duration_histogram.h"

#include "core/base/nearest_rank.h"

#include <algorithm>
#include <cmath>

namespace gs::ui {

TimeNs DurationHistogram::edge(int bin)
{
    return TimeNs(std::llround(std::pow(10.0, double(bin) / kBinsPerDecade)));
}

int DurationHistogram::binOf(TimeNs ns)
{
    if (ns <= 1)
        return 0;
    // The logarithm gives the bin up to rounding; the integer edges decide exactly.
    int bin = int(std::floor(std::log10(double(ns)) * kBinsPerDecade));
    while (bin > 0 && edge(bin) > ns)
        --bin;
    while (edge(bin + 1) <= ns)
        ++bin;
    return bin;
}

DurationHistogram buildDurationHistogram(std::vector<TimeNs> durations)
{
    DurationHistogram h;
    if (durations.empty())
        return h;
    const auto [lo, hi] = std::minmax_element(durations.begin(), durations.end());
    h.minNs = *lo;
    h.maxNs = *hi;
    h.firstBin = DurationHistogram::binOf(h.minNs);
    h.counts.assign(size_t(DurationHistogram::binOf(h.maxNs) - h.firstBin + 1), 0);
    for (TimeNs d : durations)
        ++h.counts[size_t(DurationHistogram::binOf(d) - h.firstBin)];
    h.total = durations.size();
    // Nearest-rank percentiles: the smallest duration with at least p of the spans at or below it.
    auto percentile = [&](int percent) {
        auto nth = durations.begin() + std::ptrdiff_t(nearestRank(durations.size(), percent) - 1);
        std::nth_element(durations.begin(), nth, durations.end());
        return *nth;
    };
    h.medianNs = percentile(50);
    h.p90Ns = percentile(90);
    h.p99Ns = percentile(99);
    return h;
}

} // namespace gs::ui
