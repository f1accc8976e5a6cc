// SPDX-License-Identifier: MIT
#include "widgets/plots/span_duration_histogram.h"

#include "core/analysis/goroutine_filter.h"
#include "widgets/common/qt_strings.h"
#include "widgets/common/value_format.h"
#include "widgets/filters/goroutine_condition.h"
#include "widgets/plots/duration_ticker.h"
#include "widgets/plots/new_plot.h"
#include "widgets/plots/plot_palette.h"
#include "widgets/plots/spaced_ticker.h"
#include "widgets/timeline/state_palette.h"
#include "widgets/trace/trace_session.h"

#include <QComboBox>
#include <QSignalBlocker>
#include <QHBoxLayout>
#include <QLabel>
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

SpanDurationHistogram::SpanDurationHistogram(TraceSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_state(new QComboBox(this))
    , m_reason(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_plot(newPlot(this))
    , m_jobs(this)
{
    for (size_t s = 0; s < kSpanStateCount; ++s)
        m_state->addItem(QString::fromLatin1(spanStateName(SpanState(s))), int(s));
    m_state->setCurrentIndex(int(SpanState::Waiting));
    m_state->setToolTip(tr("Which spans to count: those in this state"));
    m_reason->setToolTip(tr("Which waits to count: those with this reason"));
    m_reason->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_plot->setObjectName(QStringLiteral("spanDurationHistogram")); // names it in annotations pinned to it
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setWidth(kBinWidth);
    m_plot->xAxis->setLabel(tr("span duration (log scale)"));
    m_plot->yAxis->setLabel(tr("spans"));
    // "158 µs" and the like, with room between them; counts a line and a half apart.
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
    connect(m_plot, &QCustomPlot::mousePress, this, &SpanDurationHistogram::onPress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &SpanDurationHistogram::onMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &SpanDurationHistogram::onRelease);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Durations of"), this));
    top->addWidget(m_state);
    top->addWidget(m_reason);
    top->addWidget(new QLabel(tr("spans of the goroutines shown:"), this));
    top->addWidget(m_summary, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);

    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        // Only waits have reasons worth choosing.
        m_reason->setEnabled(state() == SpanState::Waiting);
        invalidate();
    });
    connect(m_reason, &QComboBox::currentIndexChanged, this, &SpanDurationHistogram::invalidate);
    connect(m_session, &TraceSession::resultChanged, this, &SpanDurationHistogram::invalidate);
    connect(m_session, &TraceSession::storeChanged, this, [this] {
        fillReasons();
        invalidate();
    });
    fillReasons();
    showHistogram();
    followPalette(m_plot);
}

void SpanDurationHistogram::fillReasons()
{
    const QSignalBlocker quiet(m_reason);
    m_reason->clear();
    m_reason->addItem(tr("any reason")); // no data: no reason to match
    const StorePtr& store = m_session->store();
    if (!store || !m_session->views())
        return;
    for (StringId id : m_session->views()->waitReasons) {
        m_reason->addItem(toQString(store->symbols.strings.get(id)), QVariant::fromValue(id));
    }
}

void SpanDurationHistogram::setReason(const QString& reason)
{
    m_reason->setCurrentIndex(reason.isEmpty() ? 0 : std::max(0, m_reason->findText(reason)));
}

QString SpanDurationHistogram::reason() const
{
    return m_reason->isEnabled() && m_reason->currentIndex() > 0 ? m_reason->currentText() : QString();
}

void SpanDurationHistogram::setState(SpanState state)
{
    m_state->setCurrentIndex(m_state->findData(int(state)));
}

SpanState SpanDurationHistogram::state() const
{
    return SpanState(m_state->currentData().toInt());
}

QString SpanDurationHistogram::summary() const
{
    return m_summary->text();
}

void SpanDurationHistogram::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        recompute();
}

void SpanDurationHistogram::invalidate()
{
    m_stale = true;
    if (isVisible())
        recompute();
}

void SpanDurationHistogram::recompute()
{
    m_stale = false;
    const StorePtr& store = m_session->store();
    if (!store || !store->trace) {
        m_jobs.cancel();
        m_computing = false;
        m_histogram = {};
        showHistogram();
        return;
    }
    m_computing = true;
    m_summary->setText(tr("computing\u2026"));
    std::optional<StringId> reasonId;
    if (!reason().isEmpty())
        reasonId = m_reason->currentData().value<StringId>();
    m_jobs.start(
        [store, result = m_session->result(), state = state(), reasonId] {
            if (result)
                return buildDurationHistogram(spanDurations(*store->trace, *result, state, reasonId));
            // No filter result yet: every goroutine, every span.
            GoroutineFilterResult all;
            all.keep.assign(store->trace->goroutines.size(), 1);
            all.kept = all.keep.size();
            return buildDurationHistogram(spanDurations(*store->trace, all, state, reasonId));
        },
        [this](DurationHistogram histogram) {
            m_computing = false;
            m_histogram = std::move(histogram);
            showHistogram();
        });
}

void SpanDurationHistogram::showHistogram()
{
    const DurationHistogram& h = m_histogram;
    QVector<double> keys, values;
    double top = 1;
    for (size_t i = 0; i < h.counts.size(); ++i) {
        keys << (h.firstBin + int(i) + 0.5) * kBinWidth;
        values << double(h.counts[i]);
        top = std::max(top, double(h.counts[i]));
    }
    m_bars->setData(keys, values, true);
    const QColor colour = StatePalette::standard().forState(state());
    m_bars->setBrush(colour);
    m_bars->setPen(QPen(colour.darker(160), 1));
    const int endBin = h.firstBin + int(h.counts.size());
    m_plot->xAxis->setRange(h.firstBin * kBinWidth - kBinWidth / 2, endBin * kBinWidth + kBinWidth / 2);
    // Headroom above the tallest bar for the percentiles' names.
    m_plot->yAxis->setRange(0, top * 1.3);
    showPercentiles(top * 1.3);
    m_drag->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);

    QString name = QString::fromLatin1(spanStateName(state()));
    if (const QString why = reason(); !why.isEmpty())
        name += QStringLiteral(" (") + why + QLatin1Char(')');
    m_summary->setText(h.total == 0 ? tr("no %1 spans").arg(name)
                                    : tr("%1 \u00b7 median %2 \u00b7 p90 %3 \u00b7 p99 %4 \u00b7 max %5")
                                          .arg(formatCount(int64_t(h.total), name + tr(" span"), name + tr(" spans")),
                                               ns(h.medianNs), ns(h.p90Ns), ns(h.p99Ns), ns(h.maxNs)));
    emit histogramChanged();
}

void SpanDurationHistogram::showPercentiles(double top)
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

long SpanDurationHistogram::binAt(const QPointF& pos) const
{
    const DurationHistogram& h = m_histogram;
    const double key = m_plot->xAxis->pixelToCoord(pos.x());
    const long i = std::lround(std::floor(key / kBinWidth)) - h.firstBin;
    if (h.total == 0 || i < 0 || size_t(i) >= h.counts.size() || !m_plot->axisRect()->rect().contains(pos.toPoint()))
        return -1;
    return i;
}

void SpanDurationHistogram::onPress(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragFrom = m_dragTo = binAt(event->position());
    showDrag();
}

void SpanDurationHistogram::onMove(QMouseEvent* event)
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

void SpanDurationHistogram::onRelease(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_dragFrom < 0)
        return;
    const long first = std::min(m_dragFrom, m_dragTo), last = std::max(m_dragFrom, m_dragTo);
    m_dragFrom = m_dragTo = -1;
    selectBins(size_t(first), size_t(last));
}

void SpanDurationHistogram::showDrag()
{
    m_drag->setVisible(m_dragFrom >= 0);
    if (m_dragFrom >= 0) {
        const long first = std::min(m_dragFrom, m_dragTo), last = std::max(m_dragFrom, m_dragTo);
        m_drag->topLeft->setCoords((m_histogram.firstBin + first) * kBinWidth, m_plot->yAxis->range().upper);
        m_drag->bottomRight->setCoords((m_histogram.firstBin + last + 1) * kBinWidth, 0);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SpanDurationHistogram::selectBins(size_t first, size_t last)
{
    const DurationHistogram& h = m_histogram;
    if (first > last || last >= h.counts.size())
        return;
    // The bins' edges are whole nanoseconds and a bin excludes its upper edge.
    m_session->setConditions(withSpanSelection(m_session->conditions(), state(), reason().toStdString(),
                                               h.lowerNs(first), h.upperNs(last) - 1));
}

void SpanDurationHistogram::showBarToolTip(QMouseEvent* event)
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
                                formatCount(int64_t(count), tr("span"), tr("spans")),
                                formatPercent(double(count) / double(h.total))),
                       m_plot);
}

} // namespace gs::ui
