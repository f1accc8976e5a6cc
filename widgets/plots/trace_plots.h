// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"
#include "widgets/plots/plot_series.h"

#include <QWidget>

#include <array>
#include <memory>
#include <optional>
#include <utility>

class QCustomPlot;
class QCPAxisRect;

namespace gs::ui {

// Metric plots drawn under the timeline with QCustomPlot, sharing its time axis: heap in use with
// the heap goal, the live goroutine count, and GC pauses (each stop-the-world range as an impulse
// of its duration), each named by a legend. X is milliseconds since the trace start, labelled with
// the timeline ruler's ticks and units (TimeAxisTicker); setTimeRange follows the timeline's
// window and setMargins lines the plot area up with the timeline's time axis. Value labels keep
// apart at any height (SpacedTicker) down to the minimum height, which leaves room for two each. The series come
// ready (TracePlotSeries, built off the GUI thread); the plots switch between their overview and
// the window's points as it zooms (PlotLine), so a redraw never walks millions of points. GUI thread only.
class TracePlots : public QWidget
{
    Q_OBJECT
public:
    explicit TracePlots(QWidget* parent = nullptr);

    // The store's metrics, from `series` when given (else built here, for small traces and tests).
    void setStore(StorePtr store, std::shared_ptr<const TracePlotSeries> series = nullptr);
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
    const std::array<const PlotLine*, 4> lines() const;
    // Hands each graph its overview, or its points in m_detail.
    void showLines();

    StorePtr m_store;
    std::shared_ptr<const TracePlotSeries> m_series;
    // The ms since the start whose points the graphs have; none: they have the overview.
    std::optional<std::pair<double, double>> m_detail;
    QCustomPlot* m_plot = nullptr;
    QCPAxisRect* m_heapRect = nullptr;
    QCPAxisRect* m_countRect = nullptr;
    QCPAxisRect* m_pauseRect = nullptr;
};

} // namespace gs::ui
