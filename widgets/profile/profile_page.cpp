// SPDX-License-Identifier: MIT
#include "widgets/profile/profile_page.h"

#include "core/analysis/granularity.h"
#include "core/analysis/stack_selection.h"
#include "widgets/common/capture_display.h"
#include "widgets/common/go_names.h"
#include "widgets/common/table_sort.h"
#include "widgets/common/value_format.h"
#include "widgets/filters/filter_bar.h"
#include "widgets/flamegraph/flame_pane.h"
#include "widgets/graph/call_graph_view.h"
#include "widgets/profile/profile_session.h"
#include "widgets/profile/value_options_button.h"
#include "widgets/source/source_panel.h"
#include "widgets/top/peek_panel.h"
#include "widgets/top/top_table_model.h"

#include <QAction>
#include <QActionGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace gs::ui {

namespace {

QString searchToolTip()
{
    return QObject::tr("Highlights the functions whose names match this regular expression (Go's RE2 syntax)");
}

constexpr int kSearchDebounceMs = 150;

QFrame* separator(QWidget* parent)
{
    auto* line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

QToolButton* toolButton(QAction* action, QWidget* parent)
{
    auto* b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setAutoRaise(true);
    return b;
}

} // namespace

ProfilePage::ProfilePage(ProfileSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new TopTableModel(this))
    , m_searchDebounce(new QTimer(this))
{
    createActions();
    buildUi();
    connectSession();
    onStoreChanged();
}

FlameGraphView* ProfilePage::flameView() const
{
    return m_mainPane->view();
}

FlameGraphView* ProfilePage::callersView() const
{
    return m_callersPane->view();
}

FlameGraphView* ProfilePage::calleesView() const
{
    return m_calleesPane->view();
}

QList<QAction*> ProfilePage::viewActions() const
{
    return {m_topDown, m_bottomUp, m_sandwichMode, m_graphMode, nullptr, m_flip, nullptr, m_find, m_filter, nullptr, m_back,
            m_resetZoom, nullptr, m_source ? m_source->foldersAction() : nullptr};
}

void ProfilePage::createActions()
{
    m_modeGroup = new QActionGroup(this);
    auto mode = [this](const QString& text, const QString& shortcut, const QString& tip, ViewMode m) {
        auto* a = new QAction(text, this);
        a->setCheckable(true);
        a->setShortcut(QKeySequence(shortcut));
        a->setToolTip(tip + QStringLiteral(" (") + a->shortcut().toString(QKeySequence::NativeText) + QLatin1Char(')'));
        m_modeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, m] { m_session->setMode(m); });
        return a;
    };
    m_topDown = mode(tr("Top-down"), QStringLiteral("Ctrl+1"), tr("Callers above callees, roots at the top"),
                     ViewMode::TopDown);
    m_bottomUp = mode(tr("Bottom-up"), QStringLiteral("Ctrl+2"), tr("Inverted: hottest leaf functions first, their callers below"),
                      ViewMode::BottomUp);
    m_sandwichMode = mode(tr("Sandwich"), QStringLiteral("Ctrl+3"),
                          tr("Callers above and callees below the selected function"), ViewMode::Sandwich);
    m_graphMode = mode(tr("Graph"), QStringLiteral("Ctrl+4"),
                       tr("pprof's call graph: boxes sized by flat and coloured by cum, arrows weighted by calls"),
                       ViewMode::Graph);
    m_topDown->setChecked(true);

    m_flip = new QAction(tr("Flame orientation"), this);
    m_flip->setCheckable(true);
    m_flip->setShortcut(QKeySequence(QStringLiteral("Ctrl+I")));
    m_flip->setToolTip(tr("Draw roots at the bottom (flame graph) instead of the top (icicle) (Ctrl+I)"));
    connect(m_flip, &QAction::toggled, this, &ProfilePage::setFlipped);

    m_find = new QAction(tr("Find…"), this);
    m_find->setShortcut(QKeySequence::Find);
    connect(m_find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    m_filter = new QAction(tr("Add Filter…"), this);
    m_filter->setShortcut(QKeySequence(QStringLiteral("Ctrl+L")));
    connect(m_filter, &QAction::triggered, this, [this] { m_filterBar->focusEntry(); });

    m_back = new QAction(tr("Zoom Back"), this);
    m_back->setShortcut(QKeySequence(QStringLiteral("Alt+Left")));
    connect(m_back, &QAction::triggered, this, [this] {
        if (!showsGraph())
            currentFlameView()->zoomBack();
    });
    m_resetZoom = new QAction(tr("Reset Zoom"), this);
    m_resetZoom->setShortcut(QKeySequence(QStringLiteral("Ctrl+0")));
    connect(m_resetZoom, &QAction::triggered, this, [this] {
        if (showsGraph())
            m_graphView->fitToView();
        else
            currentFlameView()->resetZoom();
    });
    for (QAction* a : viewActions()) {
        if (a)
            addAction(a);
    }
}

void ProfilePage::buildUi()
{
    // Top row: what is shown and how.
    m_sampleType = new QComboBox(this);
    m_sampleType->setToolTip(tr("Sample type (pprof -sample_index)"));
    m_sampleType->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // In the order of gs::Granularity.
    // A menu rather than a combo box and a check box: the row must fit a narrow window.
    auto* granularityMenu = new QMenu(this);
    m_granularities = new QActionGroup(this);
    for (const auto& [text, tip] : {std::pair {tr("Functions"), tr("One node per function (pprof -functions, the default)")},
                                    std::pair {tr("Files"), tr("One node per source file (pprof -files)")},
                                    std::pair {tr("Lines"), tr("One node per source line (pprof -lines)")},
                                    std::pair {tr("Addresses"), tr("One node per instruction address (pprof -addresses)")}}) {
        QAction* a = granularityMenu->addAction(text);
        a->setCheckable(true);
        a->setToolTip(tip);
        m_granularities->addAction(a);
    }
    granularityMenu->setToolTipsVisible(true);
    granularityMenu->addSeparator();
    m_noInlines = granularityMenu->addAction(tr("No inlines"));
    m_noInlines->setCheckable(true);
    m_noInlines->setToolTip(tr("Count inlined calls as their caller (pprof -noinlines)"));
    m_granularity = new QToolButton(this);
    m_granularity->setObjectName(QStringLiteral("granularity"));
    m_granularity->setMenu(granularityMenu);
    m_granularity->setPopupMode(QToolButton::InstantPopup);
    m_granularity->setAutoRaise(true);
    m_search = new QLineEdit(this);
    // Short enough to show whole at the field's narrowest; the tooltip says the rest.
    m_search->setPlaceholderText(tr("Search (regex)  Ctrl+F"));
    m_search->setToolTip(searchToolTip());
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    m_searchSummary = new QLabel(this);
    m_searchSummary->setTextFormat(Qt::PlainText); // the unit is the profile's
    // On by default: pprof's web UI narrows its table to the search, and a pprof user expects it.
    m_narrowTable = new QCheckBox(tr("Filter table"), this);
    m_narrowTable->setChecked(true);
    m_narrowTable->setToolTip(tr("List only the functions matching the search in the table"));
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText); // errors quote capture text
    m_diffBadge = new QLabel(this);
    m_diffBadge->setTextFormat(Qt::PlainText);
    m_diffBadge->setStyleSheet(
        QStringLiteral("QLabel { background: #fbe3e1; border: 1px solid #e3a29c; border-radius: 4px; padding: 1px 6px; }"));
    m_clearBase = new QToolButton(this);
    m_clearBase->setText(QStringLiteral("\u2715"));
    m_clearBase->setToolTip(tr("Stop comparing with the base profile"));
    m_clearBase->setAutoRaise(true);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(4, 4, 4, 2);
    top->setSpacing(6);
    top->addWidget(new QLabel(tr("Sample:"), this));
    top->addWidget(m_sampleType);
    top->addWidget(separator(this));
    top->addWidget(toolButton(m_topDown, this));
    top->addWidget(toolButton(m_bottomUp, this));
    top->addWidget(toolButton(m_sandwichMode, this));
    top->addWidget(toolButton(m_graphMode, this));
    top->addWidget(separator(this));
    top->addWidget(toolButton(m_flip, this));
    m_values = new ValueOptionsButton(m_session, this);
    top->addWidget(m_values);
    top->addWidget(separator(this));
    top->addWidget(m_granularity);
    top->addWidget(separator(this));
    top->addWidget(m_search);
    top->addWidget(m_narrowTable);
    top->addWidget(m_searchSummary);
    top->addStretch(1);
    top->addWidget(m_status);
    top->addWidget(m_diffBadge);
    top->addWidget(m_clearBase);

    m_filterBar = new FilterBar(this);

    // Flame area: one pane, or the sandwich pair.
    m_mainPane = new FlamePane(this);
    m_sandwich = new QWidget(this);
    m_callersPane = new FlamePane(m_sandwich);
    m_calleesPane = new FlamePane(m_sandwich);
    m_callersPane->setOrientation(FlameOrientation::Flame);
    m_sandwichHint = new QLabel(tr("Select a function in the table, or right-click a frame and choose "
                                   "\u201cShow callers/callees\u201d, to see who calls it and what it calls."),
                                m_sandwich);
    m_sandwichHint->setAlignment(Qt::AlignCenter);
    m_sandwichHint->setWordWrap(true);
    auto* sandwichSplit = new QSplitter(Qt::Vertical, m_sandwich);
    sandwichSplit->addWidget(m_callersPane);
    sandwichSplit->addWidget(m_calleesPane);
    auto* sandwichLayout = new QVBoxLayout(m_sandwich);
    sandwichLayout->setContentsMargins(0, 0, 0, 0);
    sandwichLayout->addWidget(m_sandwichHint);
    sandwichLayout->addWidget(sandwichSplit, 1);
    m_flameStack = new QStackedWidget(this);
    m_flameStack->addWidget(m_mainPane);
    m_flameStack->addWidget(m_sandwich);
    m_graphView = new CallGraphView(this);
    m_flameStack->addWidget(m_graphView);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    makeSortable(m_table, TopTableModel::Flat, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    // Numbers get just the room they need; the function name takes the rest.
    const QFontMetrics fm = m_table->fontMetrics();
    const int valueWidth = fm.horizontalAdvance(QStringLiteral("+8.88 ms")) + 14;
    const int percentWidth = fm.horizontalAdvance(QStringLiteral("100.0%")) + 12;
    for (int c = TopTableModel::Flat; c < TopTableModel::Name; ++c)
        m_table->setColumnWidth(c, c == TopTableModel::Flat || c == TopTableModel::Cum ? valueWidth : percentWidth);

    m_peek = new PeekPanel(this);
    m_source = new SourcePanel(m_session, this);
    m_sideTabs = new QTabWidget(this);
    m_sideTabs->setObjectName(QStringLiteral("sideTabs"));
    m_sideTabs->setDocumentMode(true);
    m_sideTabs->addTab(m_table, tr("Top"));
    m_sideTabs->addTab(m_peek, tr("Peek"));
    m_sideTabs->addTab(m_source, tr("Source"));
    m_sideTabs->setTabToolTip(0, tr("Functions by flat or cumulative weight, as pprof -top"));
    m_sideTabs->setTabToolTip(1, tr("Callers and callees of the selected function, as pprof -peek"));
    m_sideTabs->setTabToolTip(2, tr("The selected function's source with flat and cum per line (pprof's list)"));

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_flameStack);
    split->addWidget(m_sideTabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({740, 560});
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_filterBar);
    layout->addWidget(split, 1);

    m_searchDebounce->setSingleShot(true);
    m_searchDebounce->setInterval(kSearchDebounceMs);
    connect(m_searchDebounce, &QTimer::timeout, this, &ProfilePage::applySearch);
    connect(m_search, &QLineEdit::textChanged, m_searchDebounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &ProfilePage::applySearch);
    connect(m_narrowTable, &QCheckBox::toggled, this, &ProfilePage::showTopRows);
    // Esc in the search field ends the search and hands the keyboard back to the flame graph.
    auto* endSearch = new QAction(m_search);
    endSearch->setShortcut(QKeySequence(Qt::Key_Escape));
    endSearch->setShortcutContext(Qt::WidgetShortcut);
    m_search->addAction(endSearch);
    connect(endSearch, &QAction::triggered, this, [this] {
        m_search->clear();
        applySearch();
        if (showsGraph())
            m_graphView->setFocus(Qt::ShortcutFocusReason);
        else
            currentFlameView()->setFocus(Qt::ShortcutFocusReason);
    });
}

void ProfilePage::connectSession()
{
    connect(m_session, &ProfileSession::storeChanged, this, &ProfilePage::onStoreChanged);
    connect(m_session, &ProfileSession::queryChanged, this, &ProfilePage::onQueryChanged);
    connect(m_session, &ProfileSession::baseChanged, this, &ProfilePage::onQueryChanged);
    connect(m_session, &ProfileSession::resultChanged, this, &ProfilePage::onResultChanged);
    connect(m_session, &ProfileSession::selectionChanged, this, &ProfilePage::onSelectionChanged);
    connect(m_session, &ProfileSession::computingChanged, this, [this](bool busy) {
        m_status->setStyleSheet(QString());
        m_status->setText(busy ? tr("computing\u2026") : QString());
    });
    connect(m_session, &ProfileSession::computeFailed, this, [this](const QString& message) {
        m_status->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_status->setText(message);
    });
    connect(m_sampleType, &QComboBox::activated, this, [this](int index) { m_session->setSampleType(size_t(index)); });
    connect(m_granularities, &QActionGroup::triggered, this, &ProfilePage::applyGranularity);
    connect(m_noInlines, &QAction::triggered, this, &ProfilePage::applyGranularity);
    connect(m_peek, &PeekPanel::functionActivated, this,
            [this](FunctionId f) { m_session->setSelectedFunction(functionName(f)); });
    connect(m_clearBase, &QToolButton::clicked, m_session, &ProfileSession::clearBase);
    connect(m_filterBar, &FilterBar::filterAdded, m_session, &ProfileSession::addFilter);
    connect(m_filterBar, &FilterBar::filterRemoved, m_session, &ProfileSession::removeFilter);

    for (FlamePane* pane : {m_mainPane, m_callersPane, m_calleesPane}) {
        FlameGraphView* view = pane->view();
        connect(view, &FlameGraphView::functionClicked, this,
                [this](FunctionId f) { m_session->setSelectedFunction(functionName(f)); });
        connect(view, &FlameGraphView::actionRequested, this, &ProfilePage::onFrameAction);
        connect(view, &FlameGraphView::searchChanged, this, &ProfilePage::updateSearchSummary);
        connect(view, &FlameGraphView::zoomChanged, this, &ProfilePage::updateSearchSummary);
    }
    // The graph's function ids are its own symbols' (a comparison's graph merges the base in).
    connect(m_graphView, &CallGraphView::functionClicked, this, [this](FunctionId f) {
        if (const auto& result = m_session->result(); result && result->graphSymbols)
            m_session->setSelectedFunction(std::string(result->graphSymbols->functionName(f)));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (m_syncingSelection || !current.isValid())
                    return;
                const std::optional<FunctionId> f = m_model->functionAt(current.row());
                if (!f)
                    return;
                const std::string name = functionName(*f);
                m_session->setSelectedFunction(name);
                if (m_session->mode() == ViewMode::Sandwich)
                    m_session->showSandwich(name);
            });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const std::optional<FunctionId> f = m_model->functionAt(index.row()))
            m_session->showSandwich(functionName(*f));
    });
}

std::string ProfilePage::functionName(FunctionId function) const
{
    const auto& result = m_session->result();
    if (!result || function >= result->symbols->functions.size())
        return {};
    return std::string(result->symbols->functionName(function));
}

void ProfilePage::onStoreChanged()
{
    m_sampleType->clear();
    const StorePtr& store = m_session->store();
    if (store && store->profile) {
        for (const ValueType& t : store->profile->sampleTypes)
            m_sampleType->addItem(QStringLiteral("%1 (%2)").arg(captureText(t.type), captureText(t.unit)));
    }
    m_sampleType->setEnabled(m_sampleType->count() > 1);
    const bool regroupable = store && canRegroup(*store);
    const QString needsPprof = tr("Needs a pprof profile (this input keeps no addresses or lines)");
    m_granularity->setEnabled(regroupable);
    m_granularity->setToolTip(regroupable ? tr("What a node of the flame graph, call graph, table and peek is, as "
                                               "pprof's granularity options")
                                          : needsPprof);
    m_model->setResult(nullptr);
    restoreDefaultSort(m_table);
    for (FlamePane* pane : {m_mainPane, m_callersPane, m_calleesPane})
        pane->view()->setData({});
    m_graphView->setData({});
    onQueryChanged();
}

void ProfilePage::onQueryChanged()
{
    if (m_session->sampleType() < size_t(m_sampleType->count()))
        m_sampleType->setCurrentIndex(int(m_session->sampleType()));
    switch (m_session->mode()) {
    case ViewMode::TopDown:
        m_topDown->setChecked(true);
        break;
    case ViewMode::BottomUp:
        m_bottomUp->setChecked(true);
        break;
    case ViewMode::Sandwich:
        m_sandwichMode->setChecked(true);
        break;
    case ViewMode::Graph:
        m_graphMode->setChecked(true);
        break;
    }
    m_flip->setEnabled(m_session->mode() == ViewMode::TopDown || m_session->mode() == ViewMode::BottomUp);
    showGranularity();
    m_filterBar->setFilters(m_session->filters());
    const StorePtr& base = m_session->base();
    m_diffBadge->setVisible(base != nullptr);
    m_clearBase->setVisible(base != nullptr);
    if (base) {
        const QString name = captureText(QString::fromStdString(base->sourcePath).section(QLatin1Char('/'), -1));
        if (m_session->baseMode() == BaseMode::Subtract) {
            m_diffBadge->setText(tr("minus %1").arg(name));
            m_diffBadge->setToolTip(plainToolTip(
                tr("%1 is subtracted (pprof's -base): values are the difference").arg(captureText(base->sourcePath))));
        } else {
            m_diffBadge->setText(tr("diff vs %1").arg(name));
            m_diffBadge->setToolTip(plainToolTip(tr("Frames are red where they grew and blue where they shrank relative to %1")
                                                     .arg(captureText(base->sourcePath))));
        }
    }
}

void ProfilePage::onResultChanged()
{
    const auto& result = m_session->result();
    m_model->setResult(result, tableFunctions());
    const bool sandwich = m_session->mode() == ViewMode::Sandwich;
    const bool graph = showsGraph();
    m_flameStack->setCurrentWidget(graph ? static_cast<QWidget*>(m_graphView)
                                   : sandwich ? m_sandwich : static_cast<QWidget*>(m_mainPane));
    if (!result)
        return;
    if (!graph)
        m_graphView->setData({});
    else if (result->graph)
        m_graphView->setData({result->graph, result->graphSymbols});
    else
        m_graphView->setMessage(tr("No call graph for this profile."));
    // An empty diff table would otherwise look like a failure.
    if (result->isDiff && result->top.empty())
        m_status->setText(tr("no differences from the base"));
    const std::string& unit = result->sampleType.unit;
    if (sandwich) {
        m_mainPane->view()->setData({});
        const bool hasPivot = result->pivot.has_value();
        m_sandwichHint->setVisible(!hasPivot);
        const QString name = captureHtml(m_session->pivot());
        m_callersPane->setTitle(hasPivot ? tr("<b>Callers</b> of %1 \u2191").arg(name) : QString());
        m_calleesPane->setTitle(hasPivot ? tr("<b>Callees</b> of %1 \u2193").arg(name) : QString());
        m_callersPane->view()->setData({result->symbols, result->callers, unit});
        m_calleesPane->view()->setData({result->symbols, result->tree, unit});
    } else {
        m_callersPane->view()->setData({});
        m_calleesPane->view()->setData({});
        m_mainPane->view()->setData({result->symbols, result->tree, unit});
    }
    onSelectionChanged();
    updateSearchSummary();
}

void ProfilePage::applyGranularity()
{
    const auto index = m_granularities->actions().indexOf(m_granularities->checkedAction());
    m_session->setGranularity({Granularity(std::max<qsizetype>(index, 0)), m_noInlines->isChecked()});
}

void ProfilePage::showGranularity()
{
    const NodeGranularity granularity = m_session->granularity();
    QAction* current = m_granularities->actions().at(int(granularity.granularity));
    current->setChecked(true);
    m_noInlines->setChecked(granularity.noInlines);
    m_granularity->setText(granularity.noInlines ? tr("%1, no inlines").arg(current->text()) : current->text());
}

void ProfilePage::onSelectionChanged()
{
    const std::optional<FunctionId> f = m_session->selectedFunctionId();
    m_peek->peekAt(m_session->result(), f);
    for (FlamePane* pane : {m_mainPane, m_callersPane, m_calleesPane})
        pane->view()->setSelectedFunction(f);
    const auto& result = m_session->result();
    m_graphView->setSelectedFunction(result && result->graphSymbols && f
                                         ? findFunction(*result->graphSymbols, m_session->selectedFunction())
                                         : std::nullopt);
    const int row = f ? m_model->rowOf(*f) : -1;
    m_syncingSelection = true;
    if (row >= 0) {
        const QModelIndex index = m_model->index(row, TopTableModel::Name);
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(index);
    } else {
        m_table->selectionModel()->clearSelection();
    }
    m_syncingSelection = false;
}

void ProfilePage::onFrameAction(FrameAction action, FunctionId function)
{
    const std::string name = functionName(function);
    if (name.empty())
        return;
    const std::string exact = "^" + escapeRegex(name) + "$";
    switch (action) {
    case FrameAction::FocusOn:
        m_session->addFilter({FilterKind::Focus, exact});
        break;
    case FrameAction::Ignore:
        m_session->addFilter({FilterKind::Ignore, exact});
        break;
    case FrameAction::Hide:
        m_session->addFilter({FilterKind::Hide, exact});
        break;
    case FrameAction::Sandwich:
        m_session->setSelectedFunction(name);
        m_session->showSandwich(name);
        break;
    }
}

bool ProfilePage::showsGraph() const
{
    return m_session->mode() == ViewMode::Graph;
}

FlameGraphView* ProfilePage::currentFlameView() const
{
    return m_session->mode() == ViewMode::Sandwich ? m_calleesPane->view() : m_mainPane->view();
}

void ProfilePage::applySearch()
{
    m_searchDebounce->stop();
    QString error;
    for (FlamePane* pane : {m_mainPane, m_callersPane, m_calleesPane}) {
        const QString e = pane->view()->setSearch(m_search->text());
        if (!e.isEmpty())
            error = e;
    }
    m_graphView->setSearch(m_search->text());
    m_search->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #b3261e; }"));
    m_search->setToolTip(error.isEmpty() ? searchToolTip() : plainToolTip(error));
    updateSearchSummary();
    showTopRows();
}

std::vector<uint8_t> ProfilePage::tableFunctions() const
{
    const auto& result = m_session->result();
    if (!result || !m_narrowTable->isChecked() || m_search->text().isEmpty())
        return {};
    // An invalid regex narrows nothing; the search field shows its error.
    auto matches = matchFunctions(*result->symbols, m_search->text().toStdString());
    return matches ? std::move(*matches) : std::vector<uint8_t>();
}

void ProfilePage::showTopRows()
{
    m_model->setResult(m_session->result(), tableFunctions());
    onSelectionChanged();
}

QString ProfilePage::searchSummary() const
{
    const FlameGraphView* view = currentFlameView();
    if (!view->hasSearch() || !view->hasData())
        return {};
    const int64_t whole = view->zoomTotal();
    const double share = whole > 0 ? double(view->searchMatchedTotal()) / double(whole) : 0.0;
    return tr("matched %1 of %2").arg(formatPercent(share), formatValue(whole, view->data().unit));
}

void ProfilePage::updateSearchSummary()
{
    m_searchSummary->setText(searchSummary());
}

void ProfilePage::setFlipped(bool flame)
{
    m_mainPane->setOrientation(flame ? FlameOrientation::Flame : FlameOrientation::Icicle);
}

} // namespace gs::ui
