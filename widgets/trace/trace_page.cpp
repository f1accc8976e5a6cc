// SPDX-License-Identifier: MIT
#include "widgets/trace/trace_page.h"

#include "core/analysis/goroutine_search.h"
#include "widgets/common/capture_display.h"
#include "widgets/common/go_names.h"
#include "widgets/common/pane_setup.h"
#include "widgets/common/qt_strings.h"
#include "widgets/filters/goroutine_filter_bar.h"
#include "widgets/goroutines/creation_tree_view.h"
#include "widgets/goroutines/goroutine_table.h"
#include "widgets/plots/span_duration_histogram.h"
#include "widgets/plots/trace_plots.h"
#include "widgets/timeline/chain_panel.h"
#include "widgets/timeline/span_description.h"
#include "widgets/timeline/span_details_panel.h"
#include "widgets/timeline/timeline_pane.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/latency_tab.h"
#include "widgets/trace/mmu_tab.h"
#include "widgets/trace/trace_flame_tab.h"
#include "widgets/trace/trace_navigator.h"
#include "widgets/trace/trace_search_panel.h"
#include "widgets/trace/trace_session.h"
#include "widgets/trace/user_log_table.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace gs::ui {

namespace {

// Selects [start, end] on the timeline and shows it whole, with a margin either side.
// How much of the trace is shown either side of an instant chosen on its own.
constexpr TimeNs kInstantMarginNs = 500'000;

void showSelectedRange(TimelineView* view, TimeNs start, TimeNs end)
{
    const TimeNs margin = std::max<TimeNs>((end - start) / 4, 1);
    view->setTimeRange(start - margin, end + margin);
    view->setSelectedRange(start, end);
}

} // namespace

TracePage::TracePage(QWidget* parent)
    : QWidget(parent)
    , m_session(new TraceSession(this))
    , m_pane(new TimelinePane(this))
    , m_filterBar(new GoroutineFilterBar(this))
    , m_table(new GoroutineTable(m_session))
    , m_histogram(new SpanDurationHistogram(m_session))
    , m_flame(new TraceFlameTab(m_session))
    , m_tabs(new QTabWidget)
{
    m_tabs->addTab(m_table, tr("Goroutines"));
    m_tabs->addTab(m_histogram, tr("Span durations"));
    m_tabs->addTab(m_flame, tr("Flame graph"));
    m_tabs->addTab(new CreationTreeView(m_session), tr("Creation tree"));
    auto* regions = new RegionTab(m_session);
    m_tabs->addTab(regions, tr("Regions"));
    auto* tasks = new TaskTab(m_session);
    m_tabs->addTab(tasks, tr("Tasks"));
    m_tabs->addTab(new UserLogTable(m_session), tr("Logs"));
    m_search = new TraceSearchPanel(m_session);
    m_tabs->addTab(m_search, tr("Search"));
    auto* mmu = new MmuTab(m_session);
    m_tabs->addTab(mmu, tr("MMU"));
    m_tabs->setDocumentMode(true);
    m_navigator = new TraceNavigator(m_session, m_pane, m_tabs, this);
    // The timeline is the main view: the tabs below it start with a sixth of the height, and
    // may be made smaller than their pages would ask for.
    m_tabs->setMinimumHeight(110);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("traceSplit"));
    split->addWidget(m_pane);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    rememberSplitterSizes(split, QStringLiteral("tracePage/split"), {83, 17});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(createToolbar());
    layout->addWidget(m_filterBar);
    layout->addWidget(split, 1);

    createViewActions();
    TimelineView* view = timeline();
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view](QPoint pos) {
        QMenu menu;
        fillTimelineMenu(&menu, pos);
        if (!menu.isEmpty())
            menu.exec(view->viewport()->mapToGlobal(pos));
    });
    connectSession();
    // A region or task chosen in its tab is shown whole on the timeline, selected with its
    // goroutine.
    const auto showChosen = [view](GoroutineRow row, TimeNs start, TimeNs end) {
        showSelectedRange(view, start, end);
        if (row != kNoRow)
            view->selectGoroutine(row);
    };
    connect(regions, &LatencyTab::instanceChosen, this, showChosen);
    // A search hit: its goroutine, and the time range it stands for (a span, a region, a task).
    connect(m_search, &TraceSearchPanel::placeChosen, this, [view](GoroutineRow row, TimeNs start, TimeNs end) {
        if (start >= 0 && end > start)
            showSelectedRange(view, start, end);
        else if (start >= 0) // an instant: centred, at the zoom of the moment
            view->setTimeRange(start - kInstantMarginNs, start + kInstantMarginNs);
        if (row != kNoRow)
            view->selectGoroutine(row);
    });
    connect(tasks, &LatencyTab::instanceChosen, this, showChosen);
    // So is one of the MMU tab's worst windows: the stretch where the GC left the program least.
    connect(mmu, &MmuTab::windowChosen, this, [view](TimeNs start, TimeNs end) { showSelectedRange(view, start, end); });
}

void TracePage::createViewActions()
{
    // Ctrl+F is free on this page (the timeline's F, without Ctrl, fits the selection).
    auto* find = new QAction(tr("Filter Goroutines\u2026"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_filterBar, &GoroutineFilterBar::focusEntry);
    addAction(find);
    auto* goTo = new QAction(tr("Go to Goroutine\u2026"), this);
    goTo->setObjectName(QStringLiteral("goToGoroutineAction"));
    goTo->setShortcut(QKeySequence(QStringLiteral("Ctrl+G")));
    connect(goTo, &QAction::triggered, m_filterBar, &GoroutineFilterBar::focusGoTo);
    connect(m_filterBar, &GoroutineFilterBar::goToRequested, this, &TracePage::goToGoroutine);
    addAction(goTo);
    auto* search = new QAction(tr("Search Everything\u2026"), this);
    search->setObjectName(QStringLiteral("searchEverythingAction"));
    search->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+F")));
    search->setToolTip(tr("One Go regexp over goroutine IDs and labels, functions in stacks, region and task types and logs"));
    addAction(search);
    // Panes shown or hidden; a pane dragged shut counts as hidden.
    const auto paneToggle = [this](const QString& text, const char* shortcut, QWidget* pane) {
        auto* splitter = qobject_cast<QSplitter*>(pane->parentWidget());
        auto* a = new QAction(text, this);
        a->setCheckable(true);
        a->setChecked(true);
        a->setShortcut(QKeySequence(QString::fromLatin1(shortcut)));
        connect(a, &QAction::toggled, pane, [pane, splitter](bool on) {
            pane->setVisible(on);
            // Dragged shut, the pane is visible without room: it gets a quarter back.
            QList<int> sizes = splitter->sizes();
            const qsizetype i = splitter->indexOf(pane);
            if (on && sizes[i] == 0) {
                const int room = sizes[0] / 4;
                sizes[0] -= room;
                sizes[i] = room;
                splitter->setSizes(sizes);
            }
        });
        connect(splitter, &QSplitter::splitterMoved, a,
                [a, pane, splitter] { a->setChecked(splitter->sizes()[splitter->indexOf(pane)] > 0); });
        addAction(a);
        return a;
    };
    QAction* plots = paneToggle(tr("Show &Plots"), "Ctrl+Shift+P", m_pane->plots());
    QAction* tabs = paneToggle(tr("Show &Tables Below"), "Ctrl+Shift+T", m_tabs);
    connect(search, &QAction::triggered, this, [this, tabs] {
        // The tabs below the timeline come back if they were hidden or dragged shut.
        if (!tabs->isChecked())
            tabs->setChecked(true);
        m_tabs->setCurrentWidget(m_search);
        m_search->focusField();
    });
    // Thread (M) rows on the timeline, as go tool trace's thread view: off by default.
    m_threadRows = new QAction(tr("T&hread Rows"), this);
    m_threadRows->setObjectName(QStringLiteral("threadRowsAction"));
    m_threadRows->setCheckable(true);
    m_threadRows->setChecked(timeline()->showsThreads());
    connect(m_threadRows, &QAction::toggled, timeline(), &TimelineView::setShowThreads);
    addAction(m_threadRows);
    m_viewActions = {find, goTo, search, nullptr, plots, tabs, m_threadRows};
}

QWidget* TracePage::createToolbar()
{
    TimelineView* view = timeline();
    auto* bar = new QWidget(this);
    auto* grouped = new QCheckBox(tr("Group by start function"), bar);
    grouped->setChecked(view->grouped());
    grouped->setToolTip(tr("One collapsible group per goroutine start function"));
    connect(grouped, &QCheckBox::toggled, view, &TimelineView::setGrouped);
    auto* inView = new QCheckBox(tr("Only goroutines in view"), bar);
    inView->setObjectName(QStringLiteral("onlyGoroutinesInView"));
    inView->setChecked(view->hidesAbsentGoroutines());
    inView->setToolTip(tr("Zoomed in, goroutines not yet created or already gone in the time shown have no row"));
    connect(inView, &QCheckBox::toggled, view, &TimelineView::setHideAbsentGoroutines);

    m_sort = new QComboBox(bar);
    m_sort->addItem(tr("Sort by ID"), int(GoroutineSort::Id));
    m_sort->addItem(tr("Sort by start time"), int(GoroutineSort::StartTime));
    m_sort->addItem(tr("Sort by time blocked"), int(GoroutineSort::TotalBlocked));
    m_sort->addItem(tr("Sort by time running"), int(GoroutineSort::TotalRunning));
    m_sort->setCurrentIndex(m_sort->findData(int(view->sort())));
    connect(m_sort, &QComboBox::currentIndexChanged, this,
            [this, view] { view->setSort(GoroutineSort(m_sort->currentData().toInt())); });

    auto* fit = new QPushButton(tr("Fit"), bar);
    fit->setToolTip(tr("Show the whole trace (Home)"));
    connect(fit, &QPushButton::clicked, view, &TimelineView::fitAll);

    m_filterToRange = new QAction(tr("Filter to Selected Range"), this);
    m_filterToRange->setToolTip(tr("Keep the goroutines with spans in the selected time range (Shift+drag on the timeline)"));
    m_filterToRange->setEnabled(false);
    connect(m_filterToRange, &QAction::triggered, this, &TracePage::filterToSelectedRange);
    auto* rangeButton = new QToolButton(bar);
    rangeButton->setDefaultAction(m_filterToRange);

    m_rangeSummary = new QLabel(bar);
    m_rangeSummary->setObjectName(QStringLiteral("rangeSummary"));
    m_rangeSummary->setTextFormat(Qt::PlainText);
    m_rangeSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The summary takes the room the toolbar has, never more: a long one would widen the window
    // past the screen. What does not fit is in its tooltip.
    m_rangeSummary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* hint = new QLabel(tr("Ctrl+wheel or W/S zoom \u00b7 drag or A/D pan \u00b7 Shift+drag selects a range \u00b7 F fits it"),
                            bar);
    hint->setEnabled(false);

    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    for (QAction* a : {m_navigator->backAction(), m_navigator->forwardAction()}) {
        auto* button = new QToolButton(bar);
        button->setDefaultAction(a);
        button->setAutoRaise(true);
        row->addWidget(button);
    }
    row->addWidget(grouped);
    row->addWidget(inView);
    row->addWidget(m_sort);
    row->addWidget(fit);
    row->addWidget(rangeButton);
    row->addSpacing(12);
    row->addWidget(m_rangeSummary, 1);
    row->addWidget(hint);

    connect(view, &TimelineView::rangeSelected, this, [this, view](TimeNs a, TimeNs b) {
        // The summary is multi-line text; the toolbar shows it on one line.
        const QString summary = a == b ? QString() : describeRange(view->rangeSummary());
        m_rangeSummary->setText(QString(summary).replace(QLatin1Char('\n'), QStringLiteral(" \u00b7 ")));
        m_rangeSummary->setToolTip(summary.isEmpty() ? QString()
                                                     : QStringLiteral("<qt>%1</qt>")
                                                           .arg(summary.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
        m_filterToRange->setEnabled(a != b);
        const bool none = a == b || !m_store || !m_store->trace;
        m_filterBar->setRangeText(none ? QString() : QString::fromStdString(timeRangeText(a, b, m_store->trace->startNs)));
    });
    return bar;
}

void TracePage::connectSession()
{
    TimelineView* view = timeline();
    connect(m_filterBar, &GoroutineFilterBar::conditionAdded, this,
            [this](ConditionKind kind, const QString& text) { m_session->addCondition(kind, text.toStdString()); });
    connect(m_filterBar, &GoroutineFilterBar::conditionRemoved, m_session, &TraceSession::removeCondition);
    connect(m_pane->chain(), &ChainPanel::chainShown, m_session,
            [this](GoroutineRow row, uint32_t span) { m_session->recordFollowedChain({row, span}); });
    connect(m_session, &TraceSession::conditionsChanged, this,
            [this] { m_filterBar->setConditions(m_session->conditions()); });
    connect(m_session, &TraceSession::resultChanged, this, [this, view] {
        view->setGoroutineFilter(m_session->keepMask());
        m_filterBar->showError({});
        updateCount();
    });
    connect(m_session, &TraceSession::filteringChanged, this, &TracePage::updateCount);
    connect(m_session, &TraceSession::filterFailed, m_filterBar, &GoroutineFilterBar::showError);
    connect(m_session, &TraceSession::selectedGoroutineChanged, view, &TimelineView::selectGoroutine);
    connect(view, &TimelineView::goroutineSelected, m_session, &TraceSession::setSelectedGoroutine);
    // A flame frame's contributors: highlighted on the timeline, and one click away from their rows.
    connect(m_session, &TraceSession::contributorsChanged, this,
            [this, view] { view->setContributors(m_session->contributors()); });
    connect(m_flame, &TraceFlameTab::contributorActivated, this, &TracePage::showContributor);
    connect(m_pane->details(), &SpanDetailsPanel::frameActivated, this, &TracePage::showFunctionInFlameGraph);
}

void TracePage::goToGoroutine(const QString& query)
{
    if (!m_store || !m_store->trace)
        return;
    const GoroutineSearchHit hit = searchGoroutine(*m_store, query.toStdString(), m_session->selectedGoroutine());
    if (hit.row == kNoRow) {
        m_filterBar->showGoToResult(tr("no match"));
        return;
    }
    const auto& keep = m_session->keepMask();
    const bool filteredOut = keep && !(*keep)[hit.row];
    const QString id = QStringLiteral("G%1").arg(m_store->trace->goroutines.idOf(hit.row));
    QString result = hit.matches > 1 ? tr("%1 \u00b7 %L2 matches").arg(id).arg(hit.matches) : id;
    if (filteredOut)
        result += tr(" (hidden by the filter)");
    m_filterBar->showGoToResult(result);
    // The focus stays in the field: Enter again goes to the next match.
    m_session->setSelectedGoroutine(hit.row);
}

void TracePage::setStore(StorePtr store, TraceViewsPtr views)
{
    m_store = std::move(store);
    if (m_store && m_store->trace && !views)
        views = prepareTraceViews(m_store);
    delete m_linkedDump; // a dump linked to the previous trace
    if (m_compare) {
        delete m_compare; // compared the previous trace
        emit baseChanged();
    }
    m_rangeSummary->clear();
    m_filterToRange->setEnabled(false);
    m_filterBar->setRangeText({});
    m_filterBar->showGoToResult({});
    QStringList reasons;
    if (views) {
        for (StringId r : views->waitReasons) {
            // The unknown reason of goroutines blocked before the trace cannot be typed as a filter.
            if (!m_store->symbols.strings.get(r).empty())
                reasons << toQString(m_store->symbols.strings.get(r));
        }
    }
    m_filterBar->setReasons(reasons);
    // A trace that does not record threads (before Go 1.22) has no thread rows to show, and says so.
    const bool threads = m_store && m_store->trace && !m_store->trace->threads.empty();
    m_threadRows->setEnabled(threads || !m_store || !m_store->trace);
    m_threadRows->setText(m_threadRows->isEnabled() ? tr("T&hread Rows") : tr("T&hread Rows (not recorded in this trace)"));
    m_pane->setStore(m_store, views);
    m_session->setStore(m_store, views);
    m_navigator->reset();
}

bool TracePage::openBeside(StorePtr store, const QString& path)
{
    if (!m_store || !store || !store->profile)
        return false;
    if (store->dump)
        showLinkedDump(std::move(store), path);
    else
        showLinkedProfile(std::move(store), path);
    return true;
}

void TracePage::showLinkedProfile(StorePtr profile, const QString& path)
{
    m_tabs->setCurrentWidget(m_flame);
    m_flame->setLinkedProfile(std::move(profile), QFileInfo(path).fileName());
}

void TracePage::showContributor(GoroutineRow row)
{
    // The view reveals the row and tells the session; the zoom shows the highlighted stretches.
    TimelineView* view = timeline();
    view->selectGoroutine(row);
    view->zoomToContributor(row);
    view->setFocus(Qt::OtherFocusReason);
}

void TracePage::showFunctionInFlameGraph(const QString& function)
{
    m_tabs->setCurrentWidget(m_flame);
    m_flame->focusFunction(function.toStdString());
}

void TracePage::showLinkedDump(StorePtr dump, const QString& path)
{
    if (!m_linkedDump)
        m_linkedDump = new LinkedDumpTab(m_session);
    m_linkedDump->setDump(std::move(dump), path);
    int tab = m_tabs->indexOf(m_linkedDump);
    if (tab < 0)
        tab = m_tabs->addTab(m_linkedDump, tr("Dump"));
    m_tabs->setTabToolTip(tab, plainToolTip(captureText(path)));
    m_tabs->setCurrentIndex(tab);
}

bool TracePage::compareWith(StorePtr base)
{
    if (!m_store || !base || !base->trace)
        return false;
    if (!m_compare) {
        m_compare = new TraceCompareTab;
        connect(m_compare, &TraceCompareTab::closeRequested, this, &TracePage::clearBase);
        // From a comparison row to its goroutines: the table shows them filtered.
        connect(m_compare, &TraceCompareTab::startFunctionActivated, this, [this](const std::string& function) {
            filterToStartFunction(function);
            m_tabs->setCurrentWidget(m_table);
        });
        m_tabs->addTab(m_compare, tr("Compare"));
    }
    m_tabs->setTabToolTip(m_tabs->indexOf(m_compare), plainToolTip(tr("Compared with %1").arg(captureText(base->sourcePath))));
    m_compare->compare(std::move(base), m_store);
    m_tabs->setCurrentWidget(m_compare);
    // The comparison is what was just asked for: the tables get half the page if they had less.
    // setSizes is no drag, so the sizes remembered for the next run stay the user's own.
    if (auto* split = qobject_cast<QSplitter*>(m_tabs->parentWidget())) {
        const QList<int> sizes = split->sizes();
        const int total = sizes[0] + sizes[1];
        if (sizes[1] < total / 2)
            split->setSizes({total - total / 2, total / 2});
    }
    emit baseChanged();
    return true;
}

void TracePage::clearBase()
{
    if (!m_compare)
        return;
    delete m_compare;
    emit baseChanged();
}

StorePtr TracePage::base() const
{
    return m_compare ? m_compare->base() : nullptr;
}

void TracePage::filterToStartFunction(std::string_view function)
{
    m_session->addCondition(ConditionKind::StartFunction, '^' + escapeRegex(function) + '$');
}

TimelineView* TracePage::timeline() const
{
    return m_pane->view();
}

QList<QWidget*> TracePage::slowPaintingViews() const
{
    return {timeline()->viewport(), m_table->viewport()};
}

void TracePage::updateCount()
{
    const size_t total = m_session->goroutineCount();
    const auto& result = m_session->result();
    m_filterBar->setCount(result ? result->kept : total, total, m_session->isFiltering());
}

void TracePage::filterToSelectedRange()
{
    const auto range = timeline()->selectedRange();
    if (!range || !m_store || !m_store->trace)
        return;
    m_session->addCondition(ConditionKind::TimeRange, timeRangeText(range->first, range->second, m_store->trace->startNs));
}

void TracePage::fillTimelineMenu(QMenu* menu, QPoint viewportPos)
{
    if (!m_store || !m_store->trace)
        return;
    const TraceData& t = *m_store->trace;
    const TimelineHit hit = timeline()->hitAt(viewportPos);
    const bool onGoroutine = hit.kind == TimelineHit::Kind::Span || hit.kind == TimelineHit::Kind::RowLabel;
    if (hit.kind == TimelineHit::Kind::Span) {
        const uint32_t span = hit.block.begin;
        const StringId reason = t.spans.reasonOf(span);
        if (t.spans.stateOf(span) == SpanState::Waiting && reason != 0) {
            const std::string name(m_store->symbols.strings.get(reason));
            menu->addAction(tr("Filter: Goroutines Waiting on \u201c%1\u201d").arg(captureMenuText(name)), this,
                            [this, name] { m_session->addCondition(ConditionKind::Reason, name); });
        }
    }
    if (onGoroutine) {
        const Goroutine& g = t.goroutines[hit.index];
        if (g.hasStartFunction()) {
            const std::string function(m_store->symbols.functionName(g.startFunction));
            menu->addAction(tr("Filter: Start Function %1").arg(captureMenuText(goShortName(function))), this,
                            [this, function] { filterToStartFunction(function); });
        }
        const GoroutineRow row = hit.index;
        menu->addAction(tr("Select G%1").arg(g.id), this, [this, row] { m_session->setSelectedGoroutine(row); });
    }
    if (m_filterToRange->isEnabled())
        menu->addAction(m_filterToRange);
    if (!m_session->conditions().empty())
        menu->addAction(tr("Clear Goroutine Filter"), m_session, &TraceSession::clearConditions);
}

} // namespace gs::ui
