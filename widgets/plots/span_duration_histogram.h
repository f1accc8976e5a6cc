// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"
#include "widgets/common/job_runner.h"
#include "widgets/plots/duration_histogram.h"

#include <QWidget>

class QComboBox;
class QCustomPlot;
class QLabel;

namespace gs::ui {

class DurationHistogramPlot;
class TraceSession;

// Histogram (DurationHistogramPlot) of the durations of the spans in one state, and optionally with
// one wait reason (two combos), over the goroutines the session's filter keeps: of the spans that
// matched its span conditions when it has some, else of all their spans (gs::spanDurations). A
// summary line gives count, median, p90, p99 and max.
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
    const DurationHistogram& histogram() const;
    bool isComputing() const { return m_computing; }
    QCustomPlot* plot() const;
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
    void showHistogram(DurationHistogram histogram);

    TraceSession* m_session;
    QComboBox* m_state = nullptr;
    QComboBox* m_reason = nullptr;
    QLabel* m_summary = nullptr;
    DurationHistogramPlot* m_plot = nullptr;
    bool m_stale = true;
    bool m_computing = false;
    JobRunner m_jobs;
};

} // namespace gs::ui
