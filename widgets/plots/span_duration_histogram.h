// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"
#include "widgets/common/job_runner.h"
#include "widgets/plots/duration_histogram.h"

#include <QWidget>

class QCPAbstractItem;
class QCPBars;
class QCPItemRect;
class QComboBox;
class QCustomPlot;
class QLabel;
class QMouseEvent;

namespace gs::ui {

class TraceSession;

// Histogram (QCustomPlot) of the durations of the spans in one state, and optionally with one
// wait reason (two combos), over the goroutines the session's filter keeps: of the spans that
// matched its span conditions when it has some, else of all their spans (gs::spanDurations).
// Log-scale bins (DurationHistogram) on an x axis labelled in human units, the median, p90 and p99
// drawn as marked lines; a summary line gives count, median, p90, p99 and max; hovering a bar
// tells its range and count.
//
// Clicking a bin, or dragging over several, filters the session to the goroutines of those spans:
// its state, reason and duration chips become the selection's (withSpanSelection).
//
// Collecting the durations is O(spans), so it runs off the GUI thread (JobRunner: the newest
// input wins), and only while the widget is shown: a hidden histogram just remembers that it is
// stale. GUI thread only.
class SpanDurationHistogram : public QWidget
{
    Q_OBJECT
public:
    explicit SpanDurationHistogram(TraceSession* session, QWidget* parent = nullptr);

    void setState(SpanState state);
    SpanState state() const;
    // A wait reason of the trace, or empty for any.
    void setReason(const QString& reason);
    QString reason() const;
    const DurationHistogram& histogram() const { return m_histogram; }
    bool isComputing() const { return m_computing; }
    QCustomPlot* plot() const { return m_plot; }
    QComboBox* reasonBox() const { return m_reason; }
    QString summary() const;
    // Filters the session to the goroutines of the spans in bins first..last (indexes into
    // histogram().counts), as a click or drag over them does.
    void selectBins(size_t first, size_t last);

signals:
    // A new histogram is shown.
    void histogramChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fillReasons();
    void invalidate();
    void recompute();
    void showHistogram();
    void showPercentiles(double top);
    void showBarToolTip(QMouseEvent* event);
    // The bin under a plot position, or -1.
    long binAt(const QPointF& pos) const;
    void onPress(QMouseEvent* event);
    void onMove(QMouseEvent* event);
    void onRelease(QMouseEvent* event);
    void showDrag();

    TraceSession* m_session;
    QComboBox* m_state = nullptr;
    QComboBox* m_reason = nullptr;
    QLabel* m_summary = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPBars* m_bars = nullptr;
    QCPItemRect* m_drag = nullptr; // the bins being dragged over
    QList<QCPAbstractItem*> m_percentileMarks;
    long m_dragFrom = -1;
    long m_dragTo = -1;
    DurationHistogram m_histogram;
    bool m_stale = true;
    bool m_computing = false;
    JobRunner m_jobs;
};

} // namespace gs::ui
