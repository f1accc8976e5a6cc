// SPDX-License-Identifier: MIT
#include "widgets/trace/trace_page.h"

#include "widgets/plots/trace_plots.h"
#include "widgets/timeline/span_description.h"
#include "widgets/timeline/span_details_panel.h"
#include "widgets/timeline/timeline_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

namespace gs::ui {

TracePage::TracePage(QWidget* parent)
    : QWidget(parent)
    , m_timeline(new TimelineView(this))
    , m_plots(new TracePlots(this))
    , m_details(new SpanDetailsPanel(this))
{
    auto* grouped = new QCheckBox(tr("Group by start function"), this);
    grouped->setChecked(m_timeline->grouped());
    grouped->setToolTip(tr("One collapsible group per goroutine start function"));
    connect(grouped, &QCheckBox::toggled, m_timeline, &TimelineView::setGrouped);

    m_sort = new QComboBox(this);
    m_sort->addItem(tr("Sort by ID"), int(GoroutineSort::Id));
    m_sort->addItem(tr("Sort by start time"), int(GoroutineSort::StartTime));
    m_sort->addItem(tr("Sort by time blocked"), int(GoroutineSort::TotalBlocked));
    m_sort->addItem(tr("Sort by time running"), int(GoroutineSort::TotalRunning));
    m_sort->setCurrentIndex(m_sort->findData(int(m_timeline->sort())));
    connect(m_sort, &QComboBox::currentIndexChanged, this,
            [this] { m_timeline->setSort(GoroutineSort(m_sort->currentData().toInt())); });

    auto* fit = new QPushButton(tr("Fit"), this);
    fit->setToolTip(tr("Show the whole trace (Home)"));
    connect(fit, &QPushButton::clicked, m_timeline, &TimelineView::fitAll);

    m_rangeSummary = new QLabel(this);
    m_rangeSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* hint = new QLabel(tr("Ctrl+wheel or W/S zoom · drag or A/D pan · Shift+drag selects a range · F fits it"), this);
    hint->setEnabled(false);

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(grouped);
    toolbar->addWidget(m_sort);
    toolbar->addWidget(fit);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_rangeSummary, 1);
    toolbar->addWidget(hint);

    auto* timeSplit = new QSplitter(Qt::Vertical, this);
    timeSplit->addWidget(m_timeline);
    timeSplit->addWidget(m_plots);
    timeSplit->setStretchFactor(0, 4);
    timeSplit->setStretchFactor(1, 1);

    auto* sideSplit = new QSplitter(Qt::Horizontal, this);
    sideSplit->addWidget(timeSplit);
    sideSplit->addWidget(m_details);
    sideSplit->setStretchFactor(0, 4);
    sideSplit->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(toolbar);
    layout->addWidget(sideSplit, 1);

    connect(m_timeline, &TimelineView::windowChanged, m_plots, &TracePlots::setTimeRange);
    connect(m_timeline, &TimelineView::windowChanged, this, &TracePage::alignPlots);
    connect(m_timeline, &TimelineView::spanSelected, this, &TracePage::showSpan);
    connect(m_timeline, &TimelineView::rangeSelected, this, [this](TimeNs a, TimeNs b) {
        // The summary is multi-line text; the toolbar shows it on one line.
        m_rangeSummary->setText(a == b ? QString()
                                       : describeRange(m_timeline->rangeSummary()).replace(QLatin1Char('\n'),
                                                                                         QStringLiteral(" \u00b7 ")));
    });
    connect(m_details, &SpanDetailsPanel::wakerActivated, this, [this](int64_t goroutineId) {
        const auto span = m_timeline->selectedSpan();
        if (m_store && span)
            selectGoroutineAt(goroutineId, m_store->trace->spans.start[span->span]);
    });
}

void TracePage::setStore(StorePtr store)
{
    m_store = std::move(store);
    m_details->clear();
    m_rangeSummary->clear();
    m_plots->setStore(m_store);
    m_timeline->setStore(m_store);
    alignPlots();
}

void TracePage::showSpan(GoroutineRow row, uint32_t span)
{
    m_details->setSpan(m_store, SpanRef {row, span});
}

bool TracePage::selectGoroutineAt(int64_t goroutineId, TimeNs t)
{
    if (!m_store || !m_store->trace)
        return false;
    const TraceData& trace = *m_store->trace;
    const GoroutineRow row = trace.rowOf(goroutineId);
    if (row == kNoRow)
        return false;
    auto [begin, end] = trace.spans.rowRange(row);
    if (begin == end)
        return false;
    // The span covering t; at a wake-up the waker's span ends exactly at t, so prefer the one
    // that contains the instant just before it.
    uint32_t span = trace.spans.firstEndingAfter(row, t - 1);
    if (span == end)
        span = end - 1;
    m_timeline->selectSpan(SpanRef {row, span});
    showSpan(row, span);
    return true;
}

void TracePage::alignPlots()
{
    const int scrollBar = m_timeline->verticalScrollBar()->isVisible() ? m_timeline->verticalScrollBar()->width() : 0;
    m_plots->setMargins(m_timeline->labelWidth() + m_timeline->frameWidth(), scrollBar + m_timeline->frameWidth());
}

} // namespace gs::ui
