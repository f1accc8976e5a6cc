// SPDX-License-Identifier: MIT
#include "widgets/trace/trace_navigator.h"

#include "widgets/common/capture_display.h"
#include "widgets/navigation/bookmarks.h"
#include "widgets/navigation/navigation_history.h"
#include "widgets/timeline/timeline_pane.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_session.h"

#include <QAction>
#include <QApplication>
#include <QStyle>
#include <QTabWidget>

#include <utility>

namespace gs::ui {

namespace {

// Alt+Left / Alt+Right and the keyboard's own Back / Forward keys, spelled out: QKeySequence::Back
// adds Backspace on Windows, which text fields and the flame graph's zoom keep for themselves.
QAction* makeAction(const QString& text, QStyle::StandardPixmap icon, Qt::Key arrow, Qt::Key mediaKey, QObject* parent)
{
    auto* action = new QAction(QApplication::style()->standardIcon(icon), text, parent);
    action->setShortcuts({QKeySequence(Qt::ALT | arrow), QKeySequence(mediaKey)});
    action->setEnabled(false);
    return action;
}

// "Back: G42 main.worker (Alt+Left)": where the action leads, and its key.
QString actionTip(const QString& verb, const QString& target, const QAction* action)
{
    const QString key = action->shortcut().toString(QKeySequence::NativeText);
    return plainToolTip(target.isEmpty() ? QStringLiteral("%1 (%2)").arg(verb, key)
                                         : QStringLiteral("%1: %2 (%3)").arg(verb, target, key));
}

} // namespace

TraceNavigator::TraceNavigator(TraceSession* session, TimelinePane* pane, QTabWidget* tabs, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_pane(pane)
    , m_tabs(tabs)
    , m_history(new NavigationHistory(this))
    , m_bookmarks(new Bookmarks(this))
    , m_back(makeAction(tr("&Back"), QStyle::SP_ArrowBack, Qt::Key_Left, Qt::Key_Back, this))
    , m_forward(makeAction(tr("&Forward"), QStyle::SP_ArrowForward, Qt::Key_Right, Qt::Key_Forward, this))
{
    m_record.setSingleShot(true);
    m_record.setInterval(0);
    connect(&m_record, &QTimer::timeout, this, &TraceNavigator::recordNow);
    connect(m_back, &QAction::triggered, this, &TraceNavigator::back);
    connect(m_forward, &QAction::triggered, this, &TraceNavigator::forward);
    connect(m_history, &NavigationHistory::navigate, this, &TraceNavigator::apply);
    connect(m_history, &NavigationHistory::changed, this, &TraceNavigator::updateActions);
    connectSpanSelection();

    connect(m_session, &TraceSession::selectedGoroutineChanged, this, &TraceNavigator::scheduleRecord);
    connect(m_session, &TraceSession::selectedSpanChanged, this, &TraceNavigator::scheduleRecord);
    connect(m_session, &TraceSession::selectedFunctionChanged, this, &TraceNavigator::scheduleRecord);
    connect(m_pane->view(), &TimelineView::windowChanged, this, &TraceNavigator::scheduleRecord);
    connect(m_tabs, &QTabWidget::currentChanged, this, &TraceNavigator::scheduleRecord);
    updateActions();
}

void TraceNavigator::connectSpanSelection()
{
    connect(m_pane->view(), &TimelineView::spanSelected, m_session,
            [this](GoroutineRow row, uint32_t span) { m_session->setSelectedSpan(SpanRef{row, span}); });
    connect(m_session, &TraceSession::selectedSpanChanged, this, &TraceNavigator::showSessionSpan);
}

void TraceNavigator::showSessionSpan()
{
    const std::optional<SpanRef> span = m_session->selectedSpan();
    const std::optional<SpanRef> previous = std::exchange(m_sessionSpan, span);
    TimelineView* view = m_pane->view();
    if (span == view->selectedSpan())
        return;
    if (span) {
        view->selectSpan(*span); // its spanSelected fills the details and chain panels
        return;
    }
    // A view span the session never held is a click on its way here: the view reports the
    // goroutine before the span, and selecting that goroutine drops the session's old span. That
    // one stays; otherwise the view and the panels stop showing a span (the details would
    // describe a goroutine no longer selected).
    const std::optional<SpanRef> shown = view->selectedSpan();
    if (!shown || shown == previous)
        m_pane->clearSpan();
}

NavLocation TraceNavigator::location() const
{
    const TimeWindow& window = m_pane->view()->window();
    NavLocation location;
    location.goroutine = m_session->selectedGoroutine();
    location.span = m_session->selectedSpan();
    if (m_session->store()) {
        location.startNs = window.startNs;
        location.endNs = window.endNs;
    }
    location.function = m_session->selectedFunction();
    location.tab = m_tabs->currentIndex();
    return location;
}

QString TraceNavigator::describe(const NavLocation& location) const
{
    return m_session->store() ? describeLocation(location, *m_session->store()) : QString();
}

void TraceNavigator::scheduleRecord()
{
    if (!m_history->isApplying() && m_session->store())
        m_record.start();
}

void TraceNavigator::recordNow()
{
    m_record.stop();
    if (m_session->store())
        m_history->visit(location());
}

void TraceNavigator::back()
{
    recordNow(); // a change of this very turn is where Back returns from
    m_history->back();
}

void TraceNavigator::forward()
{
    recordNow();
    m_history->forward();
}

void TraceNavigator::goToBookmark(int index)
{
    if (index < 0 || index >= m_bookmarks->count())
        return;
    goTo(m_bookmarks->list()[size_t(index)].location);
}

void TraceNavigator::goTo(const NavLocation& location)
{
    recordNow();
    m_history->go(location);
}

void TraceNavigator::reset()
{
    m_record.stop();
    m_bookmarks->clear();
    m_history->clear();
    if (m_session->store())
        m_history->visit(location());
}

void TraceNavigator::apply(const NavLocation& location)
{
    // Selection first: views reacting to it (a flame graph's function, a span's row) may move
    // the window or the tab, which the location then sets.
    m_session->setSelectedFunction(location.function);
    if (location.span) {
        m_session->setSelectedSpan(location.span);
    } else {
        m_session->setSelectedGoroutine(location.goroutine);
        m_session->setSelectedSpan(std::nullopt);
    }
    if (location.endNs > location.startNs)
        m_pane->view()->setTimeRange(location.startNs, location.endNs);
    if (location.tab >= 0 && location.tab < m_tabs->count())
        m_tabs->setCurrentIndex(location.tab);
    m_history->replaceCurrent(this->location());
}

void TraceNavigator::updateActions()
{
    const auto& entries = m_history->entries();
    const int current = m_history->currentIndex();
    // Back from a window change not yet recorded returns to the current entry.
    const int backTo = m_history->pending() ? current : current - 1;
    m_back->setEnabled(m_history->canGoBack());
    m_forward->setEnabled(m_history->canGoForward());
    const QString backTarget = m_back->isEnabled() ? describe(entries[size_t(backTo)]) : QString();
    const QString forwardTarget = m_forward->isEnabled() ? describe(entries[size_t(current + 1)]) : QString();
    m_back->setToolTip(actionTip(tr("Back"), backTarget, m_back));
    m_forward->setToolTip(actionTip(tr("Forward"), forwardTarget, m_forward));
}

} // namespace gs::ui
