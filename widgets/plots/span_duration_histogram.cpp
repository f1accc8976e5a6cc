// SPDX-License-Identifier: MIT
#include "widgets/plots/span_duration_histogram.h"

#include "core/analysis/goroutine_filter.h"
#include "widgets/common/qt_strings.h"
#include "widgets/common/value_format.h"
#include "widgets/filters/goroutine_condition.h"
#include "widgets/plots/duration_histogram_plot.h"
#include "widgets/timeline/state_palette.h"
#include "widgets/trace/trace_session.h"

#include <QComboBox>
#include <QSignalBlocker>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <qcustomplot.h>


namespace gs::ui {

SpanDurationHistogram::SpanDurationHistogram(TraceSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_state(new QComboBox(this))
    , m_reason(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_plot(new DurationHistogramPlot(this))
    , m_jobs(this)
{
    for (size_t s = 0; s < kSpanStateCount; ++s)
        m_state->addItem(QString::fromLatin1(spanStateName(SpanState(s))), int(s));
    m_state->setCurrentIndex(int(SpanState::Waiting));
    m_state->setToolTip(tr("Which spans to count: those in this state"));
    m_reason->setToolTip(tr("Which waits to count: those with this reason"));
    m_reason->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_plot->plot()->setObjectName(QStringLiteral("spanDurationHistogram")); // names it in annotations pinned to it
    m_plot->setAxisLabels(tr("span duration (log scale)"), tr("spans"));
    connect(m_plot, &DurationHistogramPlot::binsSelected, this, &SpanDurationHistogram::selectBins);

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
    showHistogram({});
}

const DurationHistogram& SpanDurationHistogram::histogram() const
{
    return m_plot->histogram();
}

QCustomPlot* SpanDurationHistogram::plot() const
{
    return m_plot->plot();
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
        showHistogram({});
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
            showHistogram(std::move(histogram));
        });
}

void SpanDurationHistogram::showHistogram(DurationHistogram histogram)
{
    m_plot->setHistogram(std::move(histogram), StatePalette::standard().forState(state()), tr("span"), tr("spans"));
    const DurationHistogram& h = m_plot->histogram();
    QString name = QString::fromLatin1(spanStateName(state()));
    if (const QString why = reason(); !why.isEmpty())
        name += QStringLiteral(" (") + why + QLatin1Char(')');
    m_summary->setText(h.total == 0 ? tr("no %1 spans").arg(name)
                                    : formatCount(int64_t(h.total), name + tr(" span"), name + tr(" spans"))
                                          + QStringLiteral(" \u00b7 ") + describePercentiles(h));
    emit histogramChanged();
}

void SpanDurationHistogram::selectBins(size_t first, size_t last)
{
    const DurationHistogram& h = m_plot->histogram();
    if (first > last || last >= h.counts.size())
        return;
    // The bins' edges are whole nanoseconds and a bin excludes its upper edge.
    m_session->setConditions(withSpanSelection(m_session->conditions(), state(), reason().toStdString(),
                                               h.lowerNs(first), h.upperNs(last) - 1));
}

} // namespace gs::ui
