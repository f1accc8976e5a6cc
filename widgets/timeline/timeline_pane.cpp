// SPDX-License-Identifier: MIT
#include "widgets/timeline/timeline_pane.h"

#include "widgets/common/pane_setup.h"
#include "widgets/plots/trace_plots.h"
#include "widgets/timeline/chain_panel.h"
#include "widgets/timeline/relations_panel.h"
#include "widgets/timeline/span_details_panel.h"
#include "widgets/timeline/timeline_view.h"

#include <QHBoxLayout>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>

namespace gs::ui {

TimelinePane::TimelinePane(QWidget* parent)
    : QWidget(parent)
    , m_view(new TimelineView)
    , m_plots(new TracePlots)
    , m_details(new SpanDetailsPanel)
    , m_chain(new ChainPanel)
    , m_relations(new RelationsPanel)
{
    // The timeline takes the room a window gains; the plots below it keep theirs.
    auto* column = new QSplitter(Qt::Vertical);
    column->setObjectName(QStringLiteral("timelineColumn"));
    column->addWidget(m_view);
    column->addWidget(m_plots);
    column->setStretchFactor(0, 1);
    column->setStretchFactor(1, 0);
    // Three stacked plots need room for their axis labels.
    m_plots->setMinimumHeight(150);
    rememberSplitterSizes(column, QStringLiteral("timelinePane/column"), {80, 20});
    auto* row = new QSplitter(Qt::Horizontal);
    row->setObjectName(QStringLiteral("timelineRow"));
    row->addWidget(column);
    auto* side = new QSplitter(Qt::Vertical);
    side->addWidget(m_details);
    // The two ways to follow a goroutine: back to what blocked it, forward to what it caused.
    auto* follow = new QTabWidget;
    follow->setDocumentMode(true);
    follow->addTab(m_chain, tr("Chain"));
    follow->addTab(m_relations, tr("Relations"));
    side->addWidget(follow);
    // Equal halves: the relations' lists need as much room as the span's stack.
    side->setStretchFactor(0, 1);
    side->setStretchFactor(1, 1);
    row->addWidget(side);
    row->setStretchFactor(0, 1);
    row->setStretchFactor(1, 0);
    rememberSplitterSizes(row, QStringLiteral("timelinePane/row"), {80, 20});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(row);

    connect(m_view, &TimelineView::windowChanged, m_plots, &TracePlots::setTimeRange);
    connect(m_view, &TimelineView::spanSelected, this,
            [this](GoroutineRow r, uint32_t span) {
                m_details->setSpan(m_store, {r, span});
                m_chain->setSpan(m_store, {r, span});
                m_relations->setSelection(r, span);
            });
    // A goroutine selected without a span (its row label, the table) still shows its relations.
    connect(m_view, &TimelineView::goroutineSelected, this, [this](GoroutineRow r) {
        const auto span = m_view->selectedSpan();
        m_relations->setSelection(r, span && span->row == r ? std::optional(span->span) : std::nullopt);
    });
    // selectSpan scrolls the hop's row into view and comes back through spanSelected above.
    connect(m_chain, &ChainPanel::hopActivated, this,
            [this](GoroutineRow r, uint32_t span) { m_view->selectSpan({r, span}); });
    connect(m_details, &SpanDetailsPanel::wakerActivated, this, &TimelinePane::showWaker);
    connect(m_relations, &RelationsPanel::spanActivated, this,
            [this](GoroutineRow r, uint32_t span) { m_view->selectSpan({r, span}); });
    connect(m_relations, &RelationsPanel::goroutineActivated, m_view, &TimelineView::selectGoroutine);
}

void TimelinePane::setStore(StorePtr store, TraceViewsPtr views)
{
    m_store = store;
    m_details->clear();
    m_chain->clear();
    m_relations->setStore(store, views ? views->creation : nullptr);
    m_plots->setStore(store, views ? views->plots : nullptr);
    m_view->setStore(std::move(store), views ? views->timeline : TimelineParts{});
    alignPlots();
}

void TimelinePane::clearSpan()
{
    m_view->clearSpanSelection();
    m_details->clear();
    m_chain->clear();
    m_relations->setSelection(m_view->selectedGoroutine(), std::nullopt);
}

void TimelinePane::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    alignPlots();
}

void TimelinePane::alignPlots()
{
    // The plot area spans exactly the view's time axis: right of the gutter, left of the scroll bar.
    const int frame = m_view->frameWidth();
    const int scrollBar = m_view->verticalScrollBar()->isVisible() ? m_view->verticalScrollBar()->width() : 0;
    m_plots->setMargins(m_view->labelWidth() + frame, scrollBar + frame);
    m_plots->setTimeRange(m_view->window().startNs, m_view->window().endNs);
}

void TimelinePane::showWaker(int64_t goroutineId)
{
    // The waker was running when it woke the selected goroutine: select its span at that time.
    const auto selected = m_view->selectedSpan();
    if (!m_store || !m_store->trace || !selected)
        return;
    const TraceData& t = *m_store->trace;
    const GoroutineRow row = t.rowOf(goroutineId);
    if (row == kNoRow)
        return;
    const uint32_t span = t.spans.firstEndingAfter(row, t.spans.startOf(selected->span) - 1);
    if (span < t.spans.offsets[row + 1])
        m_view->selectSpan({row, span});
}

} // namespace gs::ui
