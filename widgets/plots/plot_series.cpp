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

// The overview of n points in key order, point(i) giving each.
template<typename Point>
QSharedPointer<QCPGraphDataContainer> overviewOf(size_t n, Point point, Keep mode)
{
    auto out = QSharedPointer<QCPGraphDataContainer>::create();
    if (n == 0)
        return out;
    const double first = point(0).key;
    const double span = std::max(point(n - 1).key - first, 1e-9);
    auto bucketOf = [&](double key) {
        return std::min(size_t((key - first) / span * PlotLine::kOverviewBuckets), PlotLine::kOverviewBuckets - 1);
    };
    QVector<QCPGraphData> kept;
    auto keep = [&](const QCPGraphData& p) {
        if (kept.isEmpty() || kept.back().key != p.key || kept.back().value != p.value)
            kept.push_back(p);
    };
    size_t i = 0;
    while (i < n) {
        const size_t bucket = bucketOf(point(i).key);
        QCPGraphData low = point(i), high = low, last = low;
        for (; i < n; ++i) {
            const QCPGraphData p = point(i);
            if (bucketOf(p.key) != bucket)
                break;
            if (p.value < low.value)
                low = p;
            if (p.value > high.value)
                high = p;
            last = p;
        }
        if (mode == Keep::Peaks) {
            keep(high);
            continue;
        }
        keep(low.key <= high.key ? low : high);
        keep(low.key <= high.key ? high : low);
        keep(last);
    }
    out->set(kept, true);
    return out;
}

} // namespace

PlotLine PlotLine::steps(const Series& series, TimeNs origin, double scale)
{
    PlotLine line;
    line.m_series = &series;
    line.m_origin = origin;
    line.m_scale = scale;
    line.m_overview = overviewOf(
        series.size(),
        [&](size_t i) {
            const SeriesPoint p = series[i];
            return QCPGraphData(msSince(p.time, origin), double(p.value) / scale);
        },
        Keep::Steps);
    return line;
}

PlotLine PlotLine::impulses(const QVector<QCPGraphData>& points)
{
    PlotLine line;
    line.m_all = QSharedPointer<QCPGraphDataContainer>::create();
    line.m_all->set(points, true);
    line.m_overview = overviewOf(size_t(points.size()), [&](size_t i) { return points[qsizetype(i)]; }, Keep::Peaks);
    return line;
}

size_t PlotLine::pointCount() const
{
    return m_series ? m_series->size() : m_all ? size_t(m_all->size()) : 0;
}

QSharedPointer<QCPGraphDataContainer> PlotLine::pointsIn(double fromMs, double toMs) const
{
    if (!m_series)
        return m_all ? m_all : QSharedPointer<QCPGraphDataContainer>::create();
    const Series& s = *m_series;
    // How many points come before a time (or up to it, `inclusive`): a binary search over the
    // series' indexes.
    auto countBefore = [&](double ms, bool inclusive) {
        const TimeNs t = m_origin + TimeNs(ms * kNsPerMs);
        size_t lo = 0, hi = s.size();
        while (lo < hi) {
            const size_t mid = (lo + hi) / 2;
            if (s[mid].time < t || (inclusive && s[mid].time == t))
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    };
    const size_t before = countBefore(fromMs, false);
    const size_t begin = before > 0 ? before - 1 : 0;
    const size_t end = std::min(s.size(), countBefore(toMs, true) + 1);
    QVector<QCPGraphData> points;
    points.reserve(qsizetype(end - begin));
    for (size_t i = begin; i < end; ++i) {
        const SeriesPoint p = s[i];
        points.push_back(QCPGraphData(msSince(p.time, m_origin), double(p.value) / m_scale));
    }
    auto out = QSharedPointer<QCPGraphDataContainer>::create();
    out->set(points, true);
    return out;
}

TracePlotSeries makeTracePlotSeries(const TraceData& t)
{
    TracePlotSeries out;
    out.heapInUse = PlotLine::steps(t.heapAlloc, t.startNs, kBytesPerMiB);
    out.heapGoal = PlotLine::steps(t.heapGoal, t.startNs, kBytesPerMiB);
    out.goroutines = PlotLine::steps(t.goroutineCount, t.startNs, 1.0);
    QVector<QCPGraphData> pauses;
    for (const TimeRange& r : t.stwRanges)
        pauses.push_back(QCPGraphData(msSince(r.start, t.startNs), double(r.end - r.start) / kNsPerMs));
    out.pauses = PlotLine::impulses(pauses);
    return out;
}

} // namespace gs::ui
