// SPDX-License-Identifier: MIT
#include "widgets/plots/plot_series.h"

#include <qcustomplot.h>

#include <algorithm>

namespace gs::ui {

namespace {

constexpr double kNsPerMs = 1e6;
constexpr double kBytesPerMiB = 1024.0 * 1024.0;

double msSince(TimeNs t, TimeNs origin)
{
    return double(t - origin) / kNsPerMs;
}

// What a bucket of the overview keeps: for a step line its lowest, highest and last point (in
// time order), for impulses its highest.
enum class Keep
{
    Steps,
    Peaks,
};

QSharedPointer<QCPGraphDataContainer> overviewOf(const QCPGraphDataContainer& full, Keep mode)
{
    auto out = QSharedPointer<QCPGraphDataContainer>::create();
    if (full.isEmpty())
        return out;
    const double first = full.constBegin()->key;
    const double span = std::max((full.constEnd() - 1)->key - first, 1e-9);
    QVector<QCPGraphData> points;
    auto it = full.constBegin();
    while (it != full.constEnd()) {
        const size_t bucket = std::min(size_t((it->key - first) / span * PlotLine::kOverviewBuckets),
                                       PlotLine::kOverviewBuckets - 1);
        auto low = it, high = it, last = it;
        for (; it != full.constEnd(); ++it) {
            if (std::min(size_t((it->key - first) / span * PlotLine::kOverviewBuckets), PlotLine::kOverviewBuckets - 1)
                != bucket)
                break;
            if (it->value < low->value)
                low = it;
            if (it->value > high->value)
                high = it;
            last = it;
        }
        auto keep = [&](QCPGraphDataContainer::const_iterator p) {
            if (points.isEmpty() || points.back().key != p->key || points.back().value != p->value)
                points.push_back(*p);
        };
        if (mode == Keep::Peaks) {
            keep(high);
            continue;
        }
        keep(std::min(low, high, [](auto a, auto b) { return a->key < b->key; }));
        keep(std::max(low, high, [](auto a, auto b) { return a->key < b->key; }));
        keep(last);
    }
    out->set(points, true);
    return out;
}

PlotLine lineOf(const QVector<QCPGraphData>& points, Keep mode)
{
    PlotLine line;
    line.full = QSharedPointer<QCPGraphDataContainer>::create();
    line.full->set(points, true);
    line.overview = overviewOf(*line.full, mode);
    return line;
}

} // namespace

PlotLine makePlotLine(const Series& series, TimeNs origin, double scale)
{
    QVector<QCPGraphData> points;
    points.reserve(qsizetype(series.size()));
    for (size_t i = 0; i < series.size(); ++i) {
        const SeriesPoint p = series[i];
        points.push_back({msSince(p.time, origin), double(p.value) / scale});
    }
    return lineOf(points, Keep::Steps);
}

TracePlotSeries makeTracePlotSeries(const TraceData& t)
{
    TracePlotSeries out;
    out.heapInUse = makePlotLine(t.heapAlloc, t.startNs, kBytesPerMiB);
    out.heapGoal = makePlotLine(t.heapGoal, t.startNs, kBytesPerMiB);
    out.goroutines = makePlotLine(t.goroutineCount, t.startNs, 1.0);
    // A long trace has tens of thousands of pauses, each drawn as a disc: the overview keeps the
    // longest of each bucket.
    QVector<QCPGraphData> pauses;
    for (const TimeRange& r : t.stwRanges)
        pauses.push_back({msSince(r.start, t.startNs), double(r.end - r.start) / kNsPerMs});
    out.pauses = lineOf(pauses, Keep::Peaks);
    return out;
}

} // namespace gs::ui
