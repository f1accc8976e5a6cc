// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QWidget>

#include <array>
#include <utility>

class QCustomPlot;
class QCPAxisRect;

namespace gs::ui {

// Metric plots drawn under the timeline with QCustomPlot, sharing its time axis: heap in use with
// the heap goal, the live goroutine count, and GC pauses (each stop-the-world range as an impulse
// of its duration). X is milliseconds since the trace start; setTimeRange follows the timeline's
// window and setMargins lines the plot area up with the timeline's time axis. Series are handed
// to QCustomPlot once per store; QCustomPlot's own adaptive sampling keeps redraws cheap. GUI
// thread only.
class TracePlots : public QWidget
{
    Q_OBJECT
public:
    explicit TracePlots(QWidget* parent = nullptr);

    void setStore(StorePtr store);
    // Shows [startNs, endNs] (absolute trace times) on the shared x axis.
    void setTimeRange(TimeNs startNs, TimeNs endNs);
    // Left and right pixel margins of the plot area (the timeline's label gutter and scroll bar).
    void setMargins(int left, int right);

    QCustomPlot* plot() const { return m_plot; }
    // The shared x range, in milliseconds since the trace start.
    std::pair<double, double> timeRangeMs() const;
    // Number of points in each graph, for tests: heap, heap goal, goroutines, GC pauses.
    std::array<int, 4> pointCounts() const;

private:
    StorePtr m_store;
    QCustomPlot* m_plot = nullptr;
    QCPAxisRect* m_heapRect = nullptr;
    QCPAxisRect* m_countRect = nullptr;
    QCPAxisRect* m_pauseRect = nullptr;
};

} // namespace gs::ui
