// SPDX-License-Identifier: MIT
#include "widgets/plots/trace_plots.h"

#include "widgets/plots/plot_legend.h"
#include "widgets/plots/new_plot.h"
#include "widgets/plots/plot_palette.h"
#include "widgets/plots/time_axis_ticker.h"

#include <QVBoxLayout>

#include <qcustomplot.h>

namespace gs::ui {

namespace {

constexpr double kNsPerMs = 1e6;

constexpr int kGapPx = 4; // above and below each plot but the time labels

// Value labels are a line high, a few pixels between them.
int valueSpacingPx(const QCPAxis* axis)
{
    return QFontMetrics(axis->tickLabelFont()).height() + 5;
}

// Each plot is named by its legend, not by a rotated axis title: three stacked plots are too
// short for their titles, which would run into each other.
QCPAxisRect* addRect(QCustomPlot* plot, int row, const QSharedPointer<TimeAxisTicker>& time)
{
    auto* rect = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(row, 0, rect);
    // Fixed margins (setMargins) but under the lowest plot, where the time labels go.
    rect->setAutoMargins(QCP::msNone);
    rect->setMargins(QMargins(0, kGapPx, 0, kGapPx));
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    y->setTicker(QSharedPointer<SpacedTicker>::create(valueSpacingPx(y)));
    rect->axis(QCPAxis::atBottom)->setTicker(time);
    rect->axis(QCPAxis::atBottom)->setTickLabels(false);
    rect->setRangeDrag(Qt::Orientations());
    rect->setRangeZoom(Qt::Orientations());
    return rect;
}

QCPGraph* addGraph(QCustomPlot* plot, QCPAxisRect* rect, const QColor& colour, const QString& name)
{
    QCPGraph* g = plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    g->setName(name);
    g->setPen(QPen(colour, 1)); // a wider pen goes through the stroker: slow on thousands of points
    g->setLineStyle(QCPGraph::lsStepLeft); // metrics hold their value until the next sample
    g->setAdaptiveSampling(true);
    return g;
}

} // namespace

TracePlots::TracePlots(QWidget* parent)
    : QWidget(parent)
{
    m_plot = newPlot(this);
    m_plot->setObjectName(QStringLiteral("tracePlots")); // names it in annotations pinned to it
    m_plot->plotLayout()->clear();
    // One ticker for the three time axes: they have the same range and width.
    const auto time = QSharedPointer<TimeAxisTicker>::create();
    m_heapRect = addRect(m_plot, 0, time);
    m_countRect = addRect(m_plot, 1, time);
    m_pauseRect = addRect(m_plot, 2, time);
    m_pauseRect->axis(QCPAxis::atBottom)->setTickLabels(true);
    m_pauseRect->setAutoMargins(QCP::msBottom);
    QCPGraph* heap = addGraph(m_plot, m_heapRect, QColor(0x2f, 0x6f, 0xc0), tr("heap in use (MiB)"));
    QCPGraph* goal = addGraph(m_plot, m_heapRect, QColor(0xd0, 0x80, 0x20), tr("heap goal (MiB)"));
    QCPGraph* count = addGraph(m_plot, m_countRect, QColor(0x2f, 0xa3, 0x4a), tr("goroutines"));
    QCPGraph* pauses = addGraph(m_plot, m_pauseRect, QColor(0xd0, 0x30, 0x30), tr("GC pauses (ms)"));
    pauses->setLineStyle(QCPGraph::lsImpulse);
    addInsetLegend(m_heapRect, {heap, goal}, true);
    addInsetLegend(m_countRect, {count}, true);
    addInsetLegend(m_pauseRect, {pauses}, true);
    fitTickersToAxes(m_plot);
    followPalette(m_plot);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    // Each plot needs room for two value labels whatever its range: a 1-2-5 step at least the
    // spacing can be 2.5 times that. The lowest plot must not pay for the time labels under it,
    // so the minimum is the plot area's; the widget adds the margins and the time labels.
    const int plotArea = valueSpacingPx(m_heapRect->axis(QCPAxis::atLeft)) * 5 / 2;
    for (QCPAxisRect* rect : {m_heapRect, m_countRect, m_pauseRect})
        rect->setMinimumSize(0, plotArea);
    const QFontMetrics timeLabels(m_pauseRect->axis(QCPAxis::atBottom)->tickLabelFont());
    setMinimumHeight(3 * (plotArea + 2 * kGapPx) + timeLabels.height() + 12);
}

void TracePlots::setStore(StorePtr store, std::shared_ptr<const TracePlotSeries> series)
{
    m_store = std::move(store);
    if (m_store && m_store->trace && !series)
        series = std::make_shared<const TracePlotSeries>(makeTracePlotSeries(*m_store->trace));
    m_series = m_store && m_store->trace ? std::move(series) : nullptr;
    m_detail.reset();
    for (int k = 0; k < m_plot->graphCount(); ++k)
        m_plot->graph(k)->data()->clear();
    if (m_series) {
        showLines();
        for (QCPAxisRect* rect : {m_heapRect, m_countRect, m_pauseRect}) {
            for (QCPGraph* g : rect->graphs())
                g->rescaleValueAxis(false, false);
            QCPAxis* y = rect->axis(QCPAxis::atLeft);
            y->setRangeLower(0);
            y->setRangeUpper(std::max(y->range().upper * 1.1, 1e-3));
        }
        setTimeRange(m_store->trace->startNs, m_store->trace->endNs);
    }
    // The first drawing of new data costs milliseconds: it waits for a turn of its own rather
    // than adding to the paint of the window that shows the new trace.
    replotSoon(m_plot);
}

const std::array<const PlotLine*, 4> TracePlots::lines() const
{
    return {&m_series->heapInUse, &m_series->heapGoal, &m_series->goroutines, &m_series->pauses};
}

void TracePlots::showLines()
{
    const auto all = lines();
    for (size_t k = 0; k < all.size(); ++k)
        m_plot->graph(int(k))->setData(m_detail ? all[k]->pointsIn(m_detail->first, m_detail->second) : all[k]->overview());
    // Zoomed in, each pause gets a disc on its impulse; the overview's thousands would be a smear
    // that takes tens of milliseconds to draw.
    m_plot->graph(3)->setScatterStyle(m_detail ? QCPScatterStyle(QCPScatterStyle::ssDisc, 3) : QCPScatterStyle());
}

void TracePlots::setTimeRange(TimeNs startNs, TimeNs endNs)
{
    const TimeNs origin = m_store && m_store->trace ? m_store->trace->startNs : 0;
    const QCPRange range(double(startNs - origin) / kNsPerMs, double(endNs - origin) / kNsPerMs);
    if (m_series) {
        // The overview serves while a large share of the trace is shown. Closer in, the plots get
        // the points of three windows' width around the one shown, so panning rarely asks again.
        const TimeNs duration = std::max<TimeNs>(1, m_store->trace->endNs - origin);
        if ((endNs - startNs) * PlotLine::kOverviewShare >= duration) {
            if (m_detail) {
                m_detail.reset();
                showLines();
            }
        } else if (!m_detail || range.lower < m_detail->first || range.upper > m_detail->second) {
            m_detail = std::make_pair(range.lower - range.size(), range.upper + range.size());
            showLines();
        }
    }
    for (QCPAxisRect* rect : {m_heapRect, m_countRect, m_pauseRect})
        rect->axis(QCPAxis::atBottom)->setRange(range);
    replotSoon(m_plot);
}

void TracePlots::setMargins(int left, int right)
{
    for (QCPAxisRect* rect : {m_heapRect, m_countRect, m_pauseRect})
        rect->setMargins(QMargins(left, kGapPx, right, kGapPx));
    replotSoon(m_plot);
}

std::pair<double, double> TracePlots::timeRangeMs() const
{
    const QCPRange r = m_heapRect->axis(QCPAxis::atBottom)->range();
    return {r.lower, r.upper};
}

std::array<int, 4> TracePlots::pointCounts() const
{
    std::array<int, 4> counts{};
    if (!m_series)
        return counts;
    const auto all = lines();
    for (size_t k = 0; k < all.size(); ++k)
        counts[k] = int(all[k]->pointCount());
    return counts;
}

} // namespace gs::ui
