// SPDX-License-Identifier: MIT
#include "widgets/plots/trace_plots.h"

#include <QVBoxLayout>

#include <qcustomplot.h>

namespace gs::ui {

namespace {

constexpr double kNsPerMs = 1e6;
constexpr double kBytesPerMiB = 1024.0 * 1024.0;

QCPAxisRect* addRect(QCustomPlot* plot, int row, const QString& label)
{
    auto* rect = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(row, 0, rect);
    rect->setAutoMargins(QCP::msTop | QCP::msBottom);
    rect->axis(QCPAxis::atLeft)->setLabel(label);
    rect->axis(QCPAxis::atBottom)->setTickLabels(false);
    rect->setRangeDrag(Qt::Orientations());
    rect->setRangeZoom(Qt::Orientations());
    return rect;
}

QCPGraph* addGraph(QCustomPlot* plot, QCPAxisRect* rect, const QColor& colour, const QString& name)
{
    QCPGraph* g = plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    g->setName(name);
    g->setPen(QPen(colour, 1.5));
    g->setLineStyle(QCPGraph::lsStepLeft); // metrics hold their value until the next sample
    g->setAdaptiveSampling(true);
    return g;
}

// Times become milliseconds since the trace start, computed from the int64 difference.
void setSeries(QCPGraph* g, const Series& points, TimeNs origin, double scale)
{
    QVector<double> keys, values;
    keys.reserve(qsizetype(points.size()));
    values.reserve(qsizetype(points.size()));
    for (size_t i = 0; i < points.size(); ++i) {
        const SeriesPoint p = points[i];
        keys << double(p.time - origin) / kNsPerMs;
        values << double(p.value) / scale;
    }
    g->setData(keys, values, true);
}

} // namespace

TracePlots::TracePlots(QWidget* parent)
    : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("tracePlots")); // names it in annotations pinned to it
    m_plot->plotLayout()->clear();
    m_heapRect = addRect(m_plot, 0, tr("heap MiB"));
    m_countRect = addRect(m_plot, 1, tr("goroutines"));
    m_pauseRect = addRect(m_plot, 2, tr("GC pause ms"));
    m_pauseRect->axis(QCPAxis::atBottom)->setTickLabels(true);
    addGraph(m_plot, m_heapRect, QColor(0x2f, 0x6f, 0xc0), tr("heap in use"));
    addGraph(m_plot, m_heapRect, QColor(0xd0, 0x80, 0x20), tr("heap goal"));
    addGraph(m_plot, m_countRect, QColor(0x2f, 0xa3, 0x4a), tr("goroutines"));
    QCPGraph* pauses = addGraph(m_plot, m_pauseRect, QColor(0xd0, 0x30, 0x30), tr("GC pauses"));
    pauses->setLineStyle(QCPGraph::lsImpulse);
    pauses->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 3));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(180);
}

void TracePlots::setStore(StorePtr store)
{
    m_store = std::move(store);
    for (int k = 0; k < m_plot->graphCount(); ++k)
        m_plot->graph(k)->data()->clear();
    if (m_store && m_store->trace) {
        const TraceData& t = *m_store->trace;
        setSeries(m_plot->graph(0), t.heapAlloc, t.startNs, kBytesPerMiB);
        setSeries(m_plot->graph(1), t.heapGoal, t.startNs, kBytesPerMiB);
        setSeries(m_plot->graph(2), t.goroutineCount, t.startNs, 1.0);
        QVector<double> keys, values;
        for (const TimeRange& r : t.stwRanges) {
            keys << double(r.start - t.startNs) / kNsPerMs;
            values << double(r.end - r.start) / kNsPerMs;
        }
        m_plot->graph(3)->setData(keys, values, true);
        for (QCPAxisRect* rect : {m_heapRect, m_countRect, m_pauseRect}) {
            for (QCPGraph* g : rect->graphs())
                g->rescaleValueAxis(false, false);
            QCPAxis* y = rect->axis(QCPAxis::atLeft);
            y->setRangeLower(0);
            y->setRangeUpper(std::max(y->range().upper * 1.1, 1e-3));
        }
        setTimeRange(t.startNs, t.endNs);
    }
    m_plot->replot();
}

void TracePlots::setTimeRange(TimeNs startNs, TimeNs endNs)
{
    const TimeNs origin = m_store && m_store->trace ? m_store->trace->startNs : 0;
    const QCPRange range(double(startNs - origin) / kNsPerMs, double(endNs - origin) / kNsPerMs);
    for (QCPAxisRect* rect : {m_heapRect, m_countRect, m_pauseRect})
        rect->axis(QCPAxis::atBottom)->setRange(range);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TracePlots::setMargins(int left, int right)
{
    for (QCPAxisRect* rect : {m_heapRect, m_countRect, m_pauseRect})
        rect->setMargins(QMargins(left, 0, right, 0));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

std::pair<double, double> TracePlots::timeRangeMs() const
{
    const QCPRange r = m_heapRect->axis(QCPAxis::atBottom)->range();
    return {r.lower, r.upper};
}

std::array<int, 4> TracePlots::pointCounts() const
{
    std::array<int, 4> counts{};
    for (int k = 0; k < 4 && k < m_plot->graphCount(); ++k)
        counts[size_t(k)] = m_plot->graph(k)->dataCount();
    return counts;
}

} // namespace gs::ui
