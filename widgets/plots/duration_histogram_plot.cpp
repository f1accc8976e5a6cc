// SPDX-License-Identifier: MIT
#include "widgets/plots/duration_histogram_plot.h"

#include "widgets/common/value_format.h"
#include "widgets/plots/duration_ticker.h"
#include "widgets/plots/new_plot.h"
#include "widgets/plots/plot_palette.h"
#include "widgets/plots/spaced_ticker.h"

#include <QToolTip>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <array>
#include <cmath>
#include <tuple>

namespace gs::ui {

namespace {

constexpr double kBinWidth = 1.0 / DurationHistogram::kBinsPerDecade; // in decades (log10 ns)

QString ns(TimeNs v)
{
    return formatValue(v, "nanoseconds");
}

} // namespace

QString describePercentiles(const DurationHistogram& h)
{
    return QCoreApplication::translate("DurationHistogramPlot", "median %1 \u00b7 p90 %2 \u00b7 p99 %3 \u00b7 max %4")
        .arg(ns(h.medianNs), ns(h.p90Ns), ns(h.p99Ns), ns(h.maxNs));
}

DurationHistogramPlot::DurationHistogramPlot(QWidget* parent)
    : QWidget(parent)
    , m_plot(newPlot(this))
{
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setWidth(kBinWidth);
    // "158 \u00b5s" and the like, with room between them; counts a line and a half apart.
    const QFontMetrics metrics(m_plot->xAxis->tickLabelFont());
    const int label = metrics.horizontalAdvance(QStringLiteral("000.0 \u00b5s"));
    m_plot->xAxis->setTicker(QSharedPointer<DurationTicker>::create(label, kBinWidth));
    m_plot->yAxis->setTicker(QSharedPointer<SpacedTicker>::create(2 * metrics.height()));
    fitTickersToAxes(m_plot);
    m_plot->setInteractions(QCP::Interactions());
    m_plot->setToolTip(QString()); // the bars' tooltips come from showBarToolTip
    m_drag = new QCPItemRect(m_plot);
    m_drag->setPen(QPen(QColor(0x30, 0x30, 0x30), 1, Qt::DashLine));
    m_drag->setBrush(QColor(0x30, 0x60, 0xc0, 50));
    m_drag->setVisible(false);
    connect(m_plot, &QCustomPlot::mousePress, this, &DurationHistogramPlot::onPress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &DurationHistogramPlot::onMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &DurationHistogramPlot::onRelease);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    followPalette(m_plot);
}

void DurationHistogramPlot::setAxisLabels(const QString& x, const QString& y)
{
    m_plot->xAxis->setLabel(x);
    m_plot->yAxis->setLabel(y);
    replotSoon(m_plot);
}

void DurationHistogramPlot::setHistogram(DurationHistogram histogram, const QColor& colour, const QString& one,
                                         const QString& many)
{
    m_histogram = std::move(histogram);
    m_one = one;
    m_many = many;
    const DurationHistogram& h = m_histogram;
    QVector<double> keys, values;
    double top = 1;
    for (size_t i = 0; i < h.counts.size(); ++i) {
        keys << (h.firstBin + int(i) + 0.5) * kBinWidth;
        values << double(h.counts[i]);
        top = std::max(top, double(h.counts[i]));
    }
    m_bars->setData(keys, values, true);
    m_bars->setBrush(colour);
    m_bars->setPen(QPen(colour.darker(160), 1));
    const int endBin = h.firstBin + int(h.counts.size());
    m_plot->xAxis->setRange(h.firstBin * kBinWidth - kBinWidth / 2, endBin * kBinWidth + kBinWidth / 2);
    // Headroom above the tallest bar for the percentiles' names.
    m_plot->yAxis->setRange(0, top * 1.3);
    showPercentiles(top * 1.3);
    m_dragFrom = m_dragTo = -1;
    m_drag->setVisible(false);
    replotSoon(m_plot);
}

void DurationHistogramPlot::showPercentiles(double top)
{
    for (QCPAbstractItem* item : m_percentileMarks)
        m_plot->removeItem(item);
    m_percentileMarks.clear();
    const DurationHistogram& h = m_histogram;
    if (h.total == 0)
        return;
    // Names at different heights, so close percentiles do not write over each other.
    const std::array<std::tuple<QString, TimeNs, double>, 3> marks{{{tr("median"), h.medianNs, 0.93},
                                                                    {tr("p90"), h.p90Ns, 0.85},
                                                                    {tr("p99"), h.p99Ns, 0.77}}};
    for (const auto& [name, value, height] : marks) {
        // Bin k spans [k, k + 1) bin widths, and bin k starts at 10^(k / binsPerDecade) ns: x is log10(ns).
        const double x = std::log10(double(std::max<TimeNs>(value, 1)));
        auto* line = new QCPItemLine(m_plot);
        line->start->setCoords(x, 0);
        line->end->setCoords(x, top * height);
        line->setPen(QPen(QColor(0x20, 0x20, 0x20), 1, Qt::DashLine));
        auto* label = new QCPItemText(m_plot);
        label->position->setCoords(x, top * height);
        // Right of its line, or left of it in the right half, where it could run off the plot.
        const bool rightHalf = x > m_plot->xAxis->range().center();
        label->setPositionAlignment((rightHalf ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
        label->setText(QStringLiteral("%1 %2").arg(name, ns(value)));
        label->setPadding(QMargins(3, 0, 3, 0));
        m_percentileMarks << line << label;
    }
}

long DurationHistogramPlot::binAt(const QPointF& pos) const
{
    const DurationHistogram& h = m_histogram;
    const double key = m_plot->xAxis->pixelToCoord(pos.x());
    const long i = std::lround(std::floor(key / kBinWidth)) - h.firstBin;
    if (h.total == 0 || i < 0 || size_t(i) >= h.counts.size() || !m_plot->axisRect()->rect().contains(pos.toPoint()))
        return -1;
    return i;
}

void DurationHistogramPlot::onPress(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragFrom = m_dragTo = binAt(event->position());
    showDrag();
}

void DurationHistogramPlot::onMove(QMouseEvent* event)
{
    if (m_dragFrom >= 0) {
        // Past either end the drag stops at the last bin.
        const long i = binAt(QPointF(event->position().x(), m_plot->axisRect()->center().y()));
        if (i >= 0)
            m_dragTo = i;
        else if (!m_histogram.counts.empty())
            m_dragTo = event->position().x() < m_plot->axisRect()->left() ? 0 : long(m_histogram.counts.size()) - 1;
        showDrag(); // the dragged bins are the feedback: no tooltip over them
        return;
    }
    showBarToolTip(event);
}

void DurationHistogramPlot::onRelease(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_dragFrom < 0)
        return;
    const long first = std::min(m_dragFrom, m_dragTo), last = std::max(m_dragFrom, m_dragTo);
    m_dragFrom = m_dragTo = -1;
    selectBins(size_t(first), size_t(last));
}

void DurationHistogramPlot::showDrag()
{
    m_drag->setVisible(m_dragFrom >= 0);
    if (m_dragFrom >= 0) {
        const long first = std::min(m_dragFrom, m_dragTo), last = std::max(m_dragFrom, m_dragTo);
        m_drag->topLeft->setCoords((m_histogram.firstBin + first) * kBinWidth, m_plot->yAxis->range().upper);
        m_drag->bottomRight->setCoords((m_histogram.firstBin + last + 1) * kBinWidth, 0);
    }
    replotSoon(m_plot);
}

void DurationHistogramPlot::selectBins(size_t first, size_t last)
{
    if (first <= last && last < m_histogram.counts.size())
        emit binsSelected(first, last);
}

void DurationHistogramPlot::showBarToolTip(QMouseEvent* event)
{
    const DurationHistogram& h = m_histogram;
    const long i = binAt(event->position());
    if (i < 0) {
        QToolTip::hideText();
        return;
    }
    const uint64_t count = h.counts[size_t(i)];
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%1 \u2013 %2: %3 (%4)")
                           .arg(ns(h.lowerNs(size_t(i))), ns(h.upperNs(size_t(i))),
                                formatCount(int64_t(count), m_one, m_many),
                                formatPercent(double(count) / double(h.total))),
                       m_plot);
}

} // namespace gs::ui
