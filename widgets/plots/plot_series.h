// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <QSharedPointer>

// QCustomPlot's data container, declared: its header is included only where plots are drawn.
template<class DataType>
class QCPDataContainer;
class QCPGraphData;
using QCPGraphDataContainer = QCPDataContainer<QCPGraphData>;

namespace gs::ui {

// One metric of a trace as QCustomPlot data, in two resolutions: every point, and an overview of
// at most kOverviewBuckets x 3 points keeping each bucket's lowest and highest value and its last
// one, so a step line drawn from it over the whole trace looks as the full one does at any screen
// width. A server trace's goroutine count has millions of points: handing them to QCustomPlot
// takes seconds and redrawing them all tens of milliseconds, so plots show the overview while
// most of the trace is visible and the full data once zoomed in.
struct PlotLine
{
    static constexpr size_t kOverviewBuckets = 2048; // a point or more per pixel on any screen

    QSharedPointer<QCPGraphDataContainer> full;
    QSharedPointer<QCPGraphDataContainer> overview;
};

// The metric plots' lines, built off the GUI thread. X is milliseconds since the trace start.
struct TracePlotSeries
{
    PlotLine heapInUse;
    PlotLine heapGoal;
    PlotLine goroutines;
    PlotLine pauses; // one impulse per stop-the-world range: its duration in ms
};

// Values divided by `scale` (bytes to MiB, or 1).
PlotLine makePlotLine(const Series& points, TimeNs origin, double scale);
TracePlotSeries makeTracePlotSeries(const TraceData& trace);

} // namespace gs::ui
