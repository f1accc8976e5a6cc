// SPDX-License-Identifier: MIT
#include "widgets/plots/mmu_plot.h"

#include "widgets/common/value_format.h"
#include "widgets/plots/duration_ticker.h"
#include "widgets/plots/new_plot.h"
#include "widgets/plots/plot_palette.h"
#include "widgets/plots/spaced_ticker.h"

#include <QToolTip>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace gs::ui {

namespace {

// x is log10 of the window in ns: QCustomPlot's own log axis would tick without our spacing.
double keyOf(TimeNs windowNs)
{
    return std::log10(double(std::max<TimeNs>(windowNs, 1)));
}

} // namespace

MmuPlot::MmuPlot(QWidget* parent)
    : QWidget(parent)
    , m_plot(newPlot(this))
{
    m_plot->setObjectName(QStringLiteral("mmuPlot")); // names it in annotations pinned to it
    m_plot->xAxis->setLabel(tr("window size (log scale)"));
    m_plot->yAxis->setLabel(tr("MMU (%)")); // short: the tab may be little higher than this
    // "100 ms" and the like with room between them, one per decade at most; values a line and a half apart.
    const QFontMetrics metrics(m_plot->xAxis->tickLabelFont());
    m_plot->xAxis->setTicker(
        QSharedPointer<DurationTicker>::create(metrics.horizontalAdvance(QStringLiteral("000.0 \u00b5s")), 1.0));
    m_plot->yAxis->setTicker(QSharedPointer<SpacedTicker>::create(2 * metrics.height()));
    // Room above 100% and below 0%, so a curve along either is not drawn on the frame.
    m_plot->yAxis->setRange(-3, 105);
    fitTickersToAxes(m_plot);

    const QColor colour(0x2f, 0x6f, 0xc0);
    m_graph = m_plot->addGraph();
    m_graph->setPen(QPen(colour, 2));
    // The plot's own legend (it already names the graph), top left: the curve rises from the bottom left
    // to the top right.
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->legend->setMargins(QMargins(4, 1, 4, 1));
    m_chosen = new QCPItemStraightLine(m_plot);
    m_chosen->setPen(QPen(QColor(0xd0, 0x50, 0x20), 1.5, Qt::DashLine));
    m_chosen->setVisible(false);

    connect(m_plot, &QCustomPlot::afterLayout, this, &MmuPlot::fitLegend);
    m_plot->setInteractions(QCP::Interactions());
    connect(m_plot, &QCustomPlot::mouseMove, this, &MmuPlot::onMouseMove);
    connect(m_plot, &QCustomPlot::mousePress, this, &MmuPlot::onMousePress);
    followPalette(m_plot);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setCurve({}, QString());
}

void MmuPlot::setCurve(std::vector<MmuPoint> points, const QString& name)
{
    m_points = std::move(points);
    QVector<double> keys, values;
    for (const MmuPoint& p : m_points) {
        keys << keyOf(p.windowNs);
        values << 100 * p.mmu;
    }
    m_graph->setData(keys, values, true);
    m_graph->setName(name);
    fitLegend();
    // Without a curve the axis still reads as window sizes: 1 µs to 1 s.
    const double first = keys.isEmpty() ? 3 : keys.front(), last = keys.isEmpty() ? 9 : keys.back();
    const double pad = std::max(last - first, 1.0) / 50;
    m_plot->xAxis->setRange(first - pad, last + pad);
    setChosenWindow(std::nullopt);
}

void MmuPlot::setChosenWindow(std::optional<TimeNs> windowNs)
{
    m_chosen->setVisible(windowNs.has_value());
    if (windowNs) {
        m_chosen->point1->setCoords(keyOf(*windowNs), 0);
        m_chosen->point2->setCoords(keyOf(*windowNs), 1);
    }
    replotSoon(m_plot);
}

void MmuPlot::fitLegend()
{
    // A legend wider than the plot would be cut off, and one over much of a short plot would hide
    // the curve: either way the plot does better without it (the options are above it).
    QCPLegend* legend = m_plot->legend;
    const QSize need = legend->minimumOuterSizeHint();
    const QRect room = m_plot->axisRect()->rect();
    const bool fits = !m_points.empty() && need.width() + 16 <= room.width() && 3 * need.height() <= room.height();
    if (fits != legend->visible()) {
        legend->setVisible(fits);
        replotSoon(m_plot);
    }
}

std::optional<MmuPoint> MmuPlot::pointAt(double x) const
{
    if (m_points.empty())
        return std::nullopt;
    const double key = m_plot->xAxis->pixelToCoord(x);
    return *std::min_element(m_points.begin(), m_points.end(), [key](const MmuPoint& a, const MmuPoint& b) {
        return std::abs(keyOf(a.windowNs) - key) < std::abs(keyOf(b.windowNs) - key);
    });
}

QString MmuPlot::pointText(const MmuPoint& point)
{
    return tr("window %1: MMU %2").arg(formatValue(point.windowNs, "nanoseconds"), formatPercent(point.mmu));
}

void MmuPlot::onMouseMove(QMouseEvent* event)
{
    const auto point = m_plot->axisRect()->rect().contains(event->position().toPoint())
                           ? pointAt(event->position().x())
                           : std::nullopt;
    if (point)
        QToolTip::showText(event->globalPosition().toPoint(), pointText(*point), m_plot);
    else
        QToolTip::hideText();
}

void MmuPlot::onMousePress(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_plot->axisRect()->rect().contains(event->position().toPoint()))
        return;
    if (const auto point = pointAt(event->position().x()))
        emit windowClicked(point->windowNs);
}

} // namespace gs::ui
