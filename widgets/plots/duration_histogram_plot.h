// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/plots/duration_histogram.h"

#include <QColor>
#include <QWidget>

class QCPAbstractItem;
class QCPBars;
class QCPItemRect;
class QCustomPlot;
class QMouseEvent;

namespace gs::ui {

// A DurationHistogram drawn as bars (QCustomPlot) over a log-scale x axis labelled in human units,
// with its median, p90 and p99 as marked lines. Hovering a bar tells its range and count; clicking
// a bar, or dragging over several, emits binsSelected. What the durations are of (spans, regions,
// tasks) is the owner's: it names them for the tooltips and the axes. GUI thread only.
class DurationHistogramPlot : public QWidget
{
    Q_OBJECT
public:
    explicit DurationHistogramPlot(QWidget* parent = nullptr);

    // `one` and `many` name a counted thing in tooltips ("region", "regions").
    void setHistogram(DurationHistogram histogram, const QColor& colour, const QString& one, const QString& many);
    const DurationHistogram& histogram() const { return m_histogram; }
    void setAxisLabels(const QString& x, const QString& y);
    QCustomPlot* plot() const { return m_plot; }
    // Emits binsSelected for bins first..last (indexes into histogram().counts), as a click or a
    // drag over them does.
    void selectBins(size_t first, size_t last);

signals:
    // Bins first..last were chosen: durations in [histogram().lowerNs(first), upperNs(last)).
    void binsSelected(size_t first, size_t last);

private:
    void showPercentiles(double top);
    void showBarToolTip(QMouseEvent* event);
    // The bin under a plot position, or -1.
    long binAt(const QPointF& pos) const;
    void onPress(QMouseEvent* event);
    void onMove(QMouseEvent* event);
    void onRelease(QMouseEvent* event);
    void showDrag();

    QCustomPlot* m_plot;
    QCPBars* m_bars = nullptr;
    QCPItemRect* m_drag = nullptr; // the bins being dragged over
    QList<QCPAbstractItem*> m_percentileMarks;
    long m_dragFrom = -1;
    long m_dragTo = -1;
    DurationHistogram m_histogram;
    QString m_one;
    QString m_many;
};

// "median 1.2 ms \u00b7 p90 3 ms \u00b7 p99 8.1 ms \u00b7 max 9 ms", for a histogram with durations.
QString describePercentiles(const DurationHistogram& histogram);

} // namespace gs::ui
