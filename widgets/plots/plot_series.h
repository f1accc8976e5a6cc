// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <QSharedPointer>
#include <QVector>

#include <cstddef>

// QCustomPlot's data, declared: its header is included only where plots are drawn.
template<class DataType>
class QCPDataContainer;
class QCPGraphData;
using QCPGraphDataContainer = QCPDataContainer<QCPGraphData>;

namespace gs::ui {

// One metric of a trace as QCustomPlot data. A server trace's goroutine count has millions of
// points: as plot data (16 bytes each) they would take more memory than the store and seconds to
// hand over, and tens of milliseconds to redraw. So a line is an overview, at most
// kOverviewBuckets x 3 points keeping each bucket's lowest, highest and last value (the longest
// pause, for impulses), which looks like the full line while 1/kOverviewShare of the trace or
// more is shown; closer in, the plot asks for the points of its window (pointsIn), read from the
// store's compact Series. Immutable once made; safe to share across threads.
class PlotLine
{
public:
    static constexpr size_t kOverviewBuckets = 16384;
    static constexpr int kOverviewShare = 16;

    PlotLine() = default;
    // A step line over `series` (kept by reference: it lives in the store), values / scale.
    static PlotLine steps(const Series& series, TimeNs origin, double scale);
    // Impulses, few enough to keep as plot data.
    static PlotLine impulses(const QVector<QCPGraphData>& points);

    size_t pointCount() const;
    const QSharedPointer<QCPGraphDataContainer>& overview() const { return m_overview; }
    // The points with keys in [fromMs, toMs], and the one either side (a step holds its value up
    // to the next point). O(log n + points returned).
    QSharedPointer<QCPGraphDataContainer> pointsIn(double fromMs, double toMs) const;

private:
    const Series* m_series = nullptr;
    TimeNs m_origin = 0;
    double m_scale = 1.0;
    QSharedPointer<QCPGraphDataContainer> m_all; // impulses only
    QSharedPointer<QCPGraphDataContainer> m_overview;
};

// The metric plots' lines, built off the GUI thread. X is milliseconds since the trace start.
struct TracePlotSeries
{
    PlotLine heapInUse;
    PlotLine heapGoal;
    PlotLine goroutines;
    PlotLine pauses; // one impulse per stop-the-world range: its duration in ms
};

TracePlotSeries makeTracePlotSeries(const TraceData& trace);

} // namespace gs::ui
