// SPDX-License-Identifier: MIT
#include "widgets/plots/span_duration_histogram.h"

#include "core/analysis/goroutine_filter.h"
#include "widgets/common/value_format.h"
#include "widgets/plots/plot_palette.h"
#include "widgets/plots/spaced_ticker.h"
#include "widgets/timeline/state_palette.h"
#include "widgets/trace/trace_session.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>

namespace gs::ui {

namespace {

constexpr double kBinWidth = 1.0 / DurationHistogram::kBinsPerDecade; // in decades (log10 ns)

QString ns(TimeNs v)
{
    return formatValue(v, "nanoseconds");
}

// Ticks at bin edges labelled in human units: every bin's edge when there is room for it, else
// every power of ten, or every second, fifth... power when even those would crowd.
class DurationTicker : public SpacedTicker
{
public:
    DurationTicker(int minSpacingPx)
        : SpacedTicker(minSpacingPx)
    {
    }

protected:
    double getTickStep(const QCPRange& range) override
    {
        const double least = minStep(range);
        return least <= kBinWidth ? kBinWidth : niceStepAtLeast(std::max(least, 1.0));
    }
    int getSubTickCount(double) override { return 0; }
    QString getTickLabel(double tick, const QLocale&, QChar, int) override
    {
        return ns(DurationHistogram::edge(int(std::lround(tick / kBinWidth))));
    }
};

} // namespace

SpanDurationHistogram::SpanDurationHistogram(TraceSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_state(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_plot(new QCustomPlot(this))
    , m_jobs(this)
{
    for (size_t s = 0; s < kSpanStateCount; ++s)
        m_state->addItem(QString::fromLatin1(spanStateName(SpanState(s))), int(s));
    m_state->setCurrentIndex(int(SpanState::Waiting));
    m_state->setToolTip(tr("Which spans to count: those in this state"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_plot->setObjectName(QStringLiteral("spanDurationHistogram")); // names it in annotations pinned to it
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setWidth(kBinWidth);
    m_plot->xAxis->setLabel(tr("span duration (log scale)"));
    m_plot->yAxis->setLabel(tr("spans"));
    // "158 µs" and the like, with room between them; counts a line and a half apart.
    const QFontMetrics metrics(m_plot->xAxis->tickLabelFont());
    const int label = metrics.horizontalAdvance(QStringLiteral("000.0 \u00b5s"));
    m_plot->xAxis->setTicker(QSharedPointer<DurationTicker>::create(label));
    m_plot->yAxis->setTicker(QSharedPointer<SpacedTicker>::create(2 * metrics.height()));
    fitTickersToAxes(m_plot);
    m_plot->setInteractions(QCP::Interactions());
    connect(m_plot, &QCustomPlot::mouseMove, this, &SpanDurationHistogram::showBarToolTip);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Durations of"), this));
    top->addWidget(m_state);
    top->addWidget(new QLabel(tr("spans of the goroutines shown:"), this));
    top->addWidget(m_summary, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);

    connect(m_state, &QComboBox::currentIndexChanged, this, &SpanDurationHistogram::invalidate);
    connect(m_session, &TraceSession::resultChanged, this, &SpanDurationHistogram::invalidate);
    connect(m_session, &TraceSession::storeChanged, this, &SpanDurationHistogram::invalidate);
    showHistogram();
    followPalette(m_plot);
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
    m_jobs.start(
        [store, result = m_session->result(), state = state()] {
            if (result)
                return buildDurationHistogram(spanDurations(*store->trace, *result, state));
            // No filter result yet: every goroutine, every span.
            GoroutineFilterResult all;
            all.keep.assign(store->trace->goroutines.size(), 1);
            all.kept = all.keep.size();
            return buildDurationHistogram(spanDurations(*store->trace, all, state));
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
    m_plot->yAxis->setRange(0, top * 1.08);
    m_plot->replot(QCustomPlot::rpQueuedReplot);

    const QString name = QString::fromLatin1(spanStateName(state()));
    m_summary->setText(h.total == 0 ? tr("no %1 spans").arg(name)
                                    : tr("%1 \u00b7 median %2 \u00b7 p90 %3 \u00b7 p99 %4 \u00b7 max %5")
                                          .arg(formatCount(int64_t(h.total), name + tr(" span"), name + tr(" spans")),
                                               ns(h.medianNs), ns(h.p90Ns), ns(h.p99Ns), ns(h.maxNs)));
    emit histogramChanged();
}

void SpanDurationHistogram::showBarToolTip(QMouseEvent* event)
{
    const DurationHistogram& h = m_histogram;
    const double key = m_plot->xAxis->pixelToCoord(event->position().x());
    const long i = std::lround(std::floor(key / kBinWidth)) - h.firstBin;
    if (h.total == 0 || i < 0 || size_t(i) >= h.counts.size() || !m_plot->axisRect()->rect().contains(event->pos())) {
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
