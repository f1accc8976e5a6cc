// SPDX-License-Identifier: MIT
#include "widgets/plots/gc_plot.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"
#include "widgets/plots/plot_legend.h"
#include "widgets/plots/new_plot.h"
#include "widgets/plots/plot_palette.h"
#include "widgets/plots/spaced_ticker.h"

#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace gs::ui {

namespace {

QCPAxisRect* addRect(QCustomPlot* plot, int row, const QString& yLabel)
{
    auto* rect = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(row, 0, rect);
    QCPAxis* x = rect->axis(QCPAxis::atBottom);
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    y->setLabel(yLabel);
    x->setLabel(QObject::tr("time since program start (s)"));
    // Labels like "123.4" need about six digits' width apart; stacked values a line and a half.
    const int digits = QFontMetrics(x->tickLabelFont()).horizontalAdvance(QStringLiteral("0000000"));
    x->setTicker(QSharedPointer<SpacedTicker>::create(digits));
    y->setTicker(QSharedPointer<SpacedTicker>::create(2 * QFontMetrics(y->tickLabelFont()).height()));
    return rect;
}

QCPGraph* addGraph(QCustomPlot* plot, QCPAxisRect* rect, const QColor& colour, const QString& name)
{
    QCPGraph* g = plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    g->setName(name);
    g->setPen(QPen(colour, 1.6));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, colour, 5));
    return g;
}

// Zero-based y with headroom, so the largest point is not drawn on the frame.
void fitValueAxis(QCPAxisRect* rect)
{
    for (QCPGraph* g : rect->graphs())
        g->rescaleValueAxis(false, true);
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    y->setRange(0, std::max(y->range().upper * 1.15, 1e-3));
}

} // namespace

GcPlot::GcPlot(QWidget* parent)
    : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setContentsMargins(6, 4, 6, 2);
    m_plot = newPlot(this);
    m_plot->setObjectName(QStringLiteral("gcPlot")); // names it in annotations pinned to it
    m_plot->plotLayout()->clear();
    m_heapRect = addRect(m_plot, 0, tr("heap (MB)"));
    m_pauseRect = addRect(m_plot, 1, tr("stop-the-world pause (ms)"));
    // The time axis is named once, under the lower plot.
    m_heapRect->axis(QCPAxis::atBottom)->setLabel(QString());
    // Each plot at least as high as the longer rotated title, which would otherwise run into the
    // other plot's, plus its time labels.
    const QFontMetrics titles(m_heapRect->axis(QCPAxis::atLeft)->labelFont());
    const int longest = std::max(titles.horizontalAdvance(m_heapRect->axis(QCPAxis::atLeft)->label()),
                                 titles.horizontalAdvance(m_pauseRect->axis(QCPAxis::atLeft)->label()));
    for (QCPAxisRect* rect : {m_heapRect, m_pauseRect})
        rect->setMinimumSize(0, longest);
    m_plot->setMinimumHeight(2 * (longest + 3 * titles.height()) + titles.height());
    // Both rects share one time range and line their plot areas up.
    auto* margins = new QCPMarginGroup(m_plot);
    for (QCPAxisRect* rect : {m_heapRect, m_pauseRect})
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    connect(m_heapRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            m_pauseRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));

    QCPGraph* start = addGraph(m_plot, m_heapRect, QColor(0xd0, 0x80, 0x20), tr("heap at GC start"));
    QCPGraph* live = addGraph(m_plot, m_heapRect, QColor(0x2f, 0x6f, 0xc0), tr("live heap after GC"));
    QCPGraph* goal = addGraph(m_plot, m_heapRect, QColor(0x60, 0x60, 0x60), tr("heap goal"));
    goal->setPen(QPen(QColor(0x60, 0x60, 0x60), 1.2, Qt::DashLine));
    QCPGraph* pauses = addGraph(m_plot, m_pauseRect, QColor(0xd0, 0x30, 0x30), tr("pause"));
    pauses->setLineStyle(QCPGraph::lsImpulse);
    pauses->setPen(QPen(QColor(0xd0, 0x30, 0x30), 3));

    addInsetLegend(m_heapRect, {start, live, goal}, false);
    fitTickersToAxes(m_plot);

    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    for (QCPAxisRect* rect : {m_heapRect, m_pauseRect}) {
        rect->setRangeZoom(Qt::Horizontal);
        rect->setRangeDrag(Qt::Horizontal);
    }
    connect(m_plot, &QCustomPlot::mouseMove, this, &GcPlot::onMouseMove);
    followPalette(m_plot);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summary);
    layout->addWidget(m_plot, 1);
}

void GcPlot::setStore(StorePtr store)
{
    m_store = store && store->gcTrace ? std::move(store) : nullptr;
    for (int k = 0; k < m_plot->graphCount(); ++k)
        m_plot->graph(k)->data()->clear();
    m_summary->clear();
    if (m_store) {
        const std::vector<GcCycle>& cycles = m_store->gcTrace->cycles;
        QVector<double> keys, start, live, goal, pause;
        double maxPause = 0, totalPause = 0;
        for (const GcCycle& c : cycles) {
            keys << c.startSeconds;
            start << double(c.heapStartMB);
            live << double(c.heapLiveMB);
            goal << double(c.heapGoalMB);
            pause << c.pauseMs();
            maxPause = std::max(maxPause, c.pauseMs());
            totalPause += c.pauseMs();
        }
        m_plot->graph(0)->setData(keys, start, true);
        m_plot->graph(1)->setData(keys, live, true);
        m_plot->graph(2)->setData(keys, goal, true);
        m_plot->graph(3)->setData(keys, pause, true);
        fitValueAxis(m_heapRect);
        fitValueAxis(m_pauseRect);
        // Half a cycle's spacing either side, so the first and last points are not on the frame.
        const double first = keys.isEmpty() ? 0 : keys.front(), last = keys.isEmpty() ? 1 : keys.back();
        const double pad = std::max((last - first) / double(std::max<qsizetype>(keys.size(), 2)), 1e-3);
        m_heapRect->axis(QCPAxis::atBottom)->setRange(first - pad, last + pad);
        m_summary->setText(tr("<b>%1</b> \u00b7 %2 \u00b7 stop-the-world pauses: %3 ms total, %4 ms longest")
                               .arg(captureHtml(QString::fromStdString(m_store->sourcePath).section(QLatin1Char('/'), -1)),
                                    formatCount(int64_t(cycles.size()), tr("GC cycle"), tr("GC cycles")),
                                    QString::number(totalPause, 'g', 3), QString::number(maxPause, 'g', 3)));
    }
    m_plot->replot();
}

std::array<int, 4> GcPlot::pointCounts() const
{
    std::array<int, 4> counts {};
    for (int k = 0; k < 4; ++k)
        counts[size_t(k)] = m_plot->graph(k)->dataCount();
    return counts;
}

QString GcPlot::cycleTipAt(double seconds) const
{
    if (!m_store || m_store->gcTrace->cycles.empty())
        return {};
    const std::vector<GcCycle>& cycles = m_store->gcTrace->cycles;
    const auto nearest = std::min_element(cycles.begin(), cycles.end(), [seconds](const GcCycle& a, const GcCycle& b) {
        return std::abs(a.startSeconds - seconds) < std::abs(b.startSeconds - seconds);
    });
    const GcCycle& c = *nearest;
    return tr("gc %1 @%2 s%3\nheap %4 \u2192 %5 \u2192 %6 MB (start \u2192 end \u2192 live), goal %7 MB\n"
              "pause %8 ms (sweep termination %9 + mark termination %10), concurrent mark %11 ms")
        .arg(c.number)
        .arg(c.startSeconds)
        .arg(c.forced ? tr(" (forced)") : QString())
        .arg(c.heapStartMB)
        .arg(c.heapEndMB)
        .arg(c.heapLiveMB)
        .arg(c.heapGoalMB)
        .arg(c.pauseMs())
        .arg(c.sweepTermMs)
        .arg(c.markTermMs)
        .arg(c.concurrentMs);
}

void GcPlot::onMouseMove(QMouseEvent* event)
{
    const QString tip = cycleTipAt(m_heapRect->axis(QCPAxis::atBottom)->pixelToCoord(event->position().x()));
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tip, m_plot);
}

} // namespace gs::ui
