// SPDX-License-Identifier: MIT
#include "widgets/trace/trace_flame_tab.h"

#include "core/analysis/goroutine_links.h"
#include "widgets/common/capture_display.h"
#include "widgets/common/go_names.h"
#include "widgets/common/pane_setup.h"
#include "widgets/common/qt_strings.h"
#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/flamegraph/flame_paths.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"
#include "widgets/trace/contributors_panel.h"
#include "widgets/trace/trace_session.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <optional>
#include <span>

namespace gs::ui {

namespace {

// The source box's item data for the linked pprof profile; derived kinds use int(kind).
constexpr int kLinkedSource = -1;

using KeepPtr = std::shared_ptr<const std::vector<uint8_t>>;
using ListPtr = TraceSession::ContributorsPtr;

// What a worker hands back: QFuture wants a default-constructible value.
struct DeriveOutcome
{
    StorePtr profile;
};

struct ContributorsOutcome
{
    ListPtr list;
};

std::span<const uint8_t> keepSpan(const KeepPtr& keep)
{
    return keep ? std::span<const uint8_t>(*keep) : std::span<const uint8_t>();
}

// The frame of `function` with the largest total (where most of its time is), if any.
std::optional<uint32_t> heaviestFrame(const FlameTree& tree, const Symbols& symbols, const std::string& function)
{
    const std::optional<FunctionId> id = findFunction(symbols, function);
    std::optional<uint32_t> best;
    for (uint32_t n = 1; id && n < tree.size(); ++n) {
        const FlameTree::Node& node = tree.node(n);
        if (node.function == *id && node.total > 0 && (!best || node.total > tree.node(*best).total))
            best = n;
    }
    return best;
}

} // namespace

TraceFlameTab::TraceFlameTab(TraceSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_profile(new ProfileSession(this))
    , m_deriveJobs(this)
    , m_contributorJobs(this)
{
    m_page = new ProfilePage(m_profile, this);
    // The page's shortcuts (Ctrl+F, Ctrl+1…) also exist on the trace page and in the main window's
    // View menu: here they apply only while the keyboard is in this tab.
    for (QAction* a : m_page->viewActions()) {
        if (a)
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    }
    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_page);
    m_stack->addWidget(m_empty);
    m_panel = new ContributorsPanel(this);

    QSplitter* split = newSplitter(Qt::Horizontal, m_stack, m_panel, 3, 1, this);
    split->setSizes({1000, 420});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createToolbar());
    layout->addWidget(split, 1);

    connect(m_session, &TraceSession::storeChanged, this, [this] {
        m_linked.reset();
        // Start where the trace has something to show: its CPU samples if it has any, else
        // the time goroutines spent blocked on each other.
        const StorePtr& trace = m_session->store();
        const bool samples = trace && trace->trace && !trace->trace->cpuSamples.empty();
        const QSignalBlocker quiet(m_source);
        if (const int linked = m_source->findData(kLinkedSource); linked >= 0)
            m_source->removeItem(linked);
        m_source->setCurrentIndex(m_source->findData(int(samples ? TraceProfileKind::Cpu : TraceProfileKind::Sync)));
        refresh();
    });
    connect(m_session, &TraceSession::resultChanged, this, &TraceFlameTab::refresh);
    connect(m_session, &TraceSession::filterFailed, this, &TraceFlameTab::refresh);
    connect(m_session, &TraceSession::selectedGoroutineChanged, this, [this] {
        if (m_selectedOnly->isChecked())
            refresh();
    });
    // A function selected elsewhere (the navigation history going back to one): show it here,
    // unless it is the frame shown already, which is how this tab itself announces a frame.
    connect(m_session, &TraceSession::selectedFunctionChanged, this, [this](const std::string& function) {
        const FlameGraphView* view = m_page->flameView();
        const bool shown = view->hasData() && view->zoomRoot() != 0
            && view->data().symbols->functionName(view->data().tree->node(view->zoomRoot()).function) == function;
        if (!function.empty() && !shown)
            focusFunction(function);
    });
    connect(m_profile, &ProfileSession::resultChanged, this, &TraceFlameTab::applyPendingFrame);
    connect(m_page->flameView(), &FlameGraphView::zoomChanged, this, &TraceFlameTab::onFrameChanged);
    connect(m_panel, &ContributorsPanel::goroutineActivated, this, [this](GoroutineRow row) {
        if (row != kNoRow)
            emit contributorActivated(row);
    });
    updateScope();
}

QWidget* TraceFlameTab::createToolbar()
{
    auto* bar = new QWidget(this);
    m_source = new QComboBox(bar);
    m_source->setToolTip(tr("What the flame graph shows: the trace's CPU samples, the time goroutines spent blocked "
                            "(as go tool trace -pprof=net|sync|syscall|sched), or a profile opened beside the trace"));
    const std::pair<TraceProfileKind, QString> kinds[] = {
        {TraceProfileKind::Cpu, tr("On-CPU")},
        {TraceProfileKind::Net, tr("Network wait")},
        {TraceProfileKind::Sync, tr("Sync wait")},
        {TraceProfileKind::Syscall, tr("Syscall")},
        {TraceProfileKind::Sched, tr("Scheduler latency")},
    };
    for (const auto& [kind, name] : kinds)
        m_source->addItem(name, int(kind));
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        updateScope();
        refresh();
    });
    m_selectedOnly = new QCheckBox(tr("Selected goroutine only"), bar);
    m_selectedOnly->setToolTip(tr("Where the goroutine selected on the timeline spent its time"));
    connect(m_selectedOnly, &QCheckBox::toggled, this, [this] {
        updateScope();
        refresh();
    });
    m_scope = new QLabel(bar);
    m_scope->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(bar);
    m_status->setTextFormat(Qt::PlainText);

    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(4, 4, 4, 0);
    row->addWidget(new QLabel(tr("Profile:"), bar));
    row->addWidget(m_source);
    row->addWidget(m_selectedOnly);
    row->addSpacing(12);
    row->addWidget(m_scope, 1);
    row->addWidget(m_status);
    return bar;
}

void TraceFlameTab::setLinkedProfile(StorePtr profile, const QString& name)
{
    if (!profile || !profile->profile)
        return;
    m_linked = std::move(profile);
    int index = m_source->findData(kLinkedSource);
    if (index < 0) {
        m_source->addItem(QString(), kLinkedSource);
        index = m_source->count() - 1;
    }
    m_source->setItemText(index, tr("%1 (opened beside)").arg(captureText(name)));
    m_source->setItemData(index, plainToolTip(captureText(m_linked->sourcePath)), Qt::ToolTipRole);
    if (m_source->currentIndex() == index)
        refresh();
    else
        m_source->setCurrentIndex(index); // refreshes
}

void TraceFlameTab::showKind(TraceProfileKind kind)
{
    m_source->setCurrentIndex(m_source->findData(int(kind)));
}

void TraceFlameTab::showLinkedProfile()
{
    if (const int index = m_source->findData(kLinkedSource); index >= 0)
        m_source->setCurrentIndex(index);
}

std::optional<TraceProfileKind> TraceFlameTab::kind() const
{
    const int source = m_source->currentData().toInt();
    if (source == kLinkedSource)
        return std::nullopt;
    return TraceProfileKind(source);
}

bool TraceFlameTab::profileReady() const
{
    return !m_dirty && !m_deriving && !m_profile->isComputing();
}

bool TraceFlameTab::isBusy() const
{
    return !profileReady() || m_findingContributors;
}

QString TraceFlameTab::scopeText() const
{
    return m_scope->text();
}

QString TraceFlameTab::emptyText() const
{
    return m_stack->currentWidget() == m_empty ? m_empty->text() : QString();
}

void TraceFlameTab::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

KeepPtr TraceFlameTab::currentKeep() const
{
    const size_t n = m_session->goroutineCount();
    if (m_selectedOnly->isChecked()) {
        auto keep = std::make_shared<std::vector<uint8_t>>(n, 0);
        if (m_session->selectedGoroutine() < n)
            (*keep)[m_session->selectedGoroutine()] = 1;
        return keep;
    }
    const auto& result = m_session->result();
    // Everything kept is the same as no mask, and cheaper.
    return result && result->kept < n ? m_session->keepMask() : nullptr;
}

void TraceFlameTab::updateScope()
{
    const size_t n = m_session->goroutineCount();
    const bool linked = !kind().has_value();
    m_selectedOnly->setEnabled(!linked);
    QString text;
    if (linked) {
        text = tr("A profile of the same program: a frame lists the trace's goroutines whose stacks contain its function");
    } else if (m_selectedOnly->isChecked()) {
        const GoroutineRow row = m_session->selectedGoroutine();
        text = row < n ? tr("Goroutine G%1 only").arg(m_session->store()->trace->goroutines[row].id)
                       : tr("No goroutine selected");
    } else if (const auto& result = m_session->result(); result && result->kept < n) {
        text = tr("%1 of %2 goroutines (the goroutine filter)").arg(result->kept).arg(n);
    } else {
        text = tr("All %1 goroutines").arg(n);
    }
    m_scope->setText(text);
}

void TraceFlameTab::setDeriving(bool deriving)
{
    m_deriving = deriving;
    m_status->setText(deriving ? tr("deriving\u2026") : QString());
}

void TraceFlameTab::refresh()
{
    m_dirty = true;
    updateScope();
    if (!isVisible())
        return;
    m_deriveJobs.cancel();
    const StorePtr& trace = m_session->store();
    if (!trace || !trace->trace) {
        m_dirty = false;
        setDeriving(false);
        setProfile(nullptr, true);
        m_empty->setText(tr("No trace loaded"));
        return;
    }
    const std::optional<TraceProfileKind> kind = this->kind();
    if (!kind) {
        m_dirty = false;
        setDeriving(false);
        m_shownKeep.reset();
        setProfile(m_linked, false);
        return;
    }
    // The goroutine filter result is on its way (a new trace or filter): derive once it is here.
    if (!m_selectedOnly->isChecked() && (m_session->isFiltering() || !m_session->result())) {
        setDeriving(true);
        return;
    }
    m_dirty = false;
    if (m_selectedOnly->isChecked() && m_session->selectedGoroutine() == kNoRow) {
        setDeriving(false);
        setProfile(nullptr, true);
        m_empty->setText(tr("Select a goroutine on the timeline or in the Goroutines tab to see where it spent its time."));
        return;
    }
    const KeepPtr keep = currentKeep();
    setDeriving(true);
    m_deriveJobs.start(
        [trace, kind = *kind, keep] {
            return DeriveOutcome{deriveTraceProfile(*trace, kind, keepSpan(keep))};
        },
        [this, kind = *kind, keep](DeriveOutcome outcome) {
            setDeriving(false);
            m_shownKind = kind;
            m_shownKeep = keep;
            const bool empty = !outcome.profile || outcome.profile->profile->sampleCount() == 0;
            setProfile(std::move(outcome.profile), empty);
            if (empty)
                m_empty->setText(emptyMessage(kind, keep != nullptr));
        });
}

QString TraceFlameTab::emptyMessage(TraceProfileKind kind, bool restricted) const
{
    const QString who = restricted ? tr("None of the goroutines included") : tr("No goroutine");
    switch (kind) {
    case TraceProfileKind::Cpu:
        return restricted && !m_session->store()->trace->cpuSamples.empty()
            ? tr("None of the goroutines included has CPU samples in this trace.")
            : tr("This trace has no CPU samples: run with CPU profiling (pprof.StartCPUProfile) while tracing.");
    case TraceProfileKind::Net:
        return tr("%1 waited on the network in this trace.").arg(who);
    case TraceProfileKind::Sync:
        return tr("%1 blocked on channels, select or sync primitives in this trace.").arg(who);
    case TraceProfileKind::Syscall:
        return tr("%1 spent time in system calls in this trace.").arg(who);
    case TraceProfileKind::Sched:
        return tr("%1 waited to be scheduled in this trace.").arg(who);
    }
    return {};
}

void TraceFlameTab::setProfile(StorePtr profile, bool empty)
{
    FlameGraphView* view = m_page->flameView();
    // Stay on the frame the user is on, where the new profile has it.
    if (m_pendingPath.empty() && m_pendingFunction.empty() && view->hasData() && view->zoomRoot() != 0)
        m_pendingPath = namePath(*view->data().tree, *view->data().symbols, view->zoomRoot());
    const ViewMode mode = m_profile->mode();
    const std::string pivot = m_profile->pivot();
    const std::string selected = m_profile->selectedFunction();
    m_profile->setStore(empty ? nullptr : std::move(profile));
    if (mode == ViewMode::Sandwich && !pivot.empty())
        m_profile->showSandwich(pivot);
    else if (mode != ViewMode::Sandwich)
        m_profile->setMode(mode);
    m_profile->setSelectedFunction(selected);
    m_stack->setCurrentWidget(empty ? static_cast<QWidget*>(m_empty) : m_page);
    if (empty) {
        // No frame to go to: a later profile must not jump to an old request.
        m_pendingPath.clear();
        m_pendingFunction.clear();
    }
}

void TraceFlameTab::focusFunction(const std::string& function)
{
    m_pendingPath.clear();
    m_pendingFunction = function;
    m_profile->setSelectedFunction(function);
    if (profileReady())
        applyPendingFrame();
}

void TraceFlameTab::selectFrame(const std::vector<std::string>& path)
{
    m_pendingFunction.clear();
    m_pendingPath = path;
    if (profileReady())
        applyPendingFrame();
}

void TraceFlameTab::applyPendingFrame()
{
    FlameGraphView* view = m_page->flameView();
    if (!view->hasData() || (m_pendingPath.empty() && m_pendingFunction.empty()))
        return;
    const FlameTree& tree = *view->data().tree;
    const Symbols& symbols = *view->data().symbols;
    std::optional<uint32_t> node;
    if (!m_pendingPath.empty()) {
        node = findPath(tree, symbols, m_pendingPath);
    } else {
        node = heaviestFrame(tree, symbols, m_pendingFunction);
        if (!node)
            m_status->setText(tr("%1 is not in this profile").arg(captureText(goShortName(m_pendingFunction))));
    }
    m_pendingPath.clear();
    m_pendingFunction.clear();
    if (node)
        view->zoomTo(*node);
}

void TraceFlameTab::clearContributors(const QString& message)
{
    m_contributorJobs.cancel();
    m_findingContributors = false;
    m_session->setContributors(nullptr);
    m_session->setSelectedFunction({});
    m_panel->showMessage(message);
}

void TraceFlameTab::onFrameChanged()
{
    const FlameGraphView* view = m_page->flameView();
    const StorePtr& trace = m_session->store();
    if (!trace || !trace->trace || !view->hasData() || view->zoomRoot() == 0) {
        clearContributors(tr("Click a frame to list the goroutines that contributed to it."));
        return;
    }
    const std::vector<std::string> path = namePath(*view->data().tree, *view->data().symbols, view->zoomRoot());
    const std::string function = path.back();
    m_session->setSelectedFunction(function);
    m_profile->setSelectedFunction(function); // a click selects it already; a programmatic zoom must too
    const QString frame = toQString(function);
    m_panel->showMessage(tr("Finding the goroutines of %1\u2026").arg(captureText(goShortName(function))));
    m_findingContributors = true;
    auto done = [this, trace, frame](std::string unit, bool linked) {
        return [this, trace, frame, unit = std::move(unit), linked](ContributorsOutcome outcome) {
            m_findingContributors = false;
            m_session->setContributors(outcome.list);
            m_panel->showContributors(trace, outcome.list, unit, frame, linked);
        };
    };
    if (!kind()) {
        m_contributorJobs.start(
            [trace, function] {
                auto list = std::make_shared<std::vector<FrameContribution>>();
                for (GoroutineRow row : goroutinesRunning(*trace, function))
                    list->push_back({row, 0, 0, {}});
                return ContributorsOutcome{std::move(list)};
            },
            done({}, true));
        return;
    }
    const FlameDirection direction =
        m_profile->mode() == ViewMode::BottomUp ? FlameDirection::BottomUp : FlameDirection::TopDown;
    m_contributorJobs.start(
        [trace, kind = m_shownKind, path, direction, keep = m_shownKeep] {
            return ContributorsOutcome{std::make_shared<const std::vector<FrameContribution>>(
                frameContributors(*trace, kind, path, direction, keepSpan(keep)))};
        },
        done(m_shownKind == TraceProfileKind::Cpu ? "count" : "nanoseconds", false));
}

} // namespace gs::ui
