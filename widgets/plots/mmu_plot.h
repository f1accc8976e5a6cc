// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <QWidget>

#include <optional>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QMouseEvent;

namespace gs::ui {

// A point of an MMU curve: no window of `windowNs` has a lower mean utilisation than `mmu` (0..1).
struct MmuPoint
{
    TimeNs windowNs = 0;
    double mmu = 0;
};

// The minimum mutator utilisation curve of go tool trace's MMU page: MMU (%) over window size on
// a log scale labelled in durations, named in a legend (where it fits). Hovering tells the window and MMU of the
// nearest point; clicking one emits windowClicked with its window, which a vertical line then
// marks (setChosenWindow). Draws what it is given; computing is the caller's. GUI thread only.
class MmuPlot : public QWidget
{
    Q_OBJECT
public:
    explicit MmuPlot(QWidget* parent = nullptr);

    // The curve (window sizes ascending) and its name in the legend; empty clears.
    void setCurve(std::vector<MmuPoint> points, const QString& name);
    const std::vector<MmuPoint>& points() const { return m_points; }
    // Marks a window size on the curve, or nothing.
    void setChosenWindow(std::optional<TimeNs> windowNs);

    QCustomPlot* plot() const { return m_plot; }
    QCPGraph* graph() const { return m_graph; }
    // The point nearest to a widget x of the plot, or nullopt without a curve.
    std::optional<MmuPoint> pointAt(double x) const;
    // "window 2.5 ms: MMU 71.3%".
    static QString pointText(const MmuPoint& point);

signals:
    void windowClicked(gs::TimeNs windowNs);

private:
    // Shows the legend only where it fits.
    void fitLegend();
    void onMouseMove(QMouseEvent* event);
    void onMousePress(QMouseEvent* event);

    QCustomPlot* m_plot;
    QCPGraph* m_graph = nullptr;
    QCPItemStraightLine* m_chosen = nullptr;
    std::vector<MmuPoint> m_points;
};

} // namespace gs::ui
