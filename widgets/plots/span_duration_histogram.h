// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"
#include "widgets/common/job_runner.h"
#include "widgets/plots/duration_histogram.h"

#include <QWidget>

class QCPBars;
class QComboBox;
class QCustomPlot;
class QLabel;
class QMouseEvent;

namespace gs::ui {

class TraceSession;

// Histogram (QCustomPlot) of the durations of the spans in one state (a combo) over the
// goroutines the session's filter keeps: of the spans that matched its span conditions when it
// has some, else of all their spans (gs::spanDurations). Log-scale bins (DurationHistogram) on an
// x axis labelled in human units; a summary line gives count, median, p90, p99 and max; hovering
// a bar tells its range and count.
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
    const DurationHistogram& histogram() const { return m_histogram; }
    bool isComputing() const { return m_computing; }
    QCustomPlot* plot() const { return m_plot; }
    QString summary() const;

signals:
    // A new histogram is shown.
    void histogramChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void invalidate();
    void recompute();
    void showHistogram();
    void showBarToolTip(QMouseEvent* event);

    TraceSession* m_session;
    QComboBox* m_state = nullptr;
    QLabel* m_summary = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPBars* m_bars = nullptr;
    DurationHistogram m_histogram;
    bool m_stale = true;
    bool m_computing = false;
    JobRunner m_jobs;
};

} // namespace gs::ui
