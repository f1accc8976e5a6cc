// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/navigation/nav_location.h"

#include <QObject>
#include <QTimer>

#include <optional>

class QAction;
class QTabWidget;

namespace gs::ui {

class Bookmarks;
class NavigationHistory;
class TimelinePane;
class TraceSession;

// Navigation on the trace page: the TraceSession holds the selection, this keeps the views in
// step with it and records where the user has been.
//
// Span selection goes through the session: a span clicked on the timeline (or reached from the
// chain panel or a waker link) is set on the session, and a span the session selects (back,
// forward, another view) is selected on the timeline, which shows it in the details and chain
// panels. Every change of the selection, the settled time window or the tab is a visit of the
// NavigationHistory; back(), forward() and bookmarks apply a location through the session, the
// timeline and the tabs. A burst of changes within one event-loop turn (a span click selects its
// goroutine, then the span) is recorded once, on the next turn. History and bookmarks start over
// with every trace (reset()). GUI thread only.
class TraceNavigator : public QObject
{
    Q_OBJECT
public:
    TraceNavigator(TraceSession* session, TimelinePane* pane, QTabWidget* tabs, QObject* parent = nullptr);

    NavigationHistory* history() const { return m_history; }
    Bookmarks* bookmarks() const { return m_bookmarks; }
    // Go back / forward (Alt+Left / Alt+Right), enabled when possible; for menus and toolbars.
    QAction* backAction() const { return m_back; }
    QAction* forwardAction() const { return m_forward; }

    // What the page shows now.
    NavLocation location() const;
    // describeLocation() on the session's store; empty without a trace.
    QString describe(const NavLocation& location) const;

    void back();
    void forward();
    // Shows bookmark `index` as a new visit.
    void goToBookmark(int index);
    // Shows `location` (of the open trace) as a new visit: a bookmark, a restored session.
    void goTo(const NavLocation& location);

    // A new trace (or none) is shown: forgets the history and the bookmarks; what is shown now is
    // the first entry.
    void reset();

private:
    void connectSpanSelection();
    void showSessionSpan();
    void scheduleRecord();
    void recordNow();
    void apply(const NavLocation& location);
    void updateActions();

    TraceSession* m_session;
    TimelinePane* m_pane;
    QTabWidget* m_tabs;
    NavigationHistory* m_history;
    Bookmarks* m_bookmarks;
    QAction* m_back;
    QAction* m_forward;
    QTimer m_record;                         // zero-delay: one visit per burst of changes
    std::optional<SpanRef> m_sessionSpan;    // the session's span as last seen
};

} // namespace gs::ui
