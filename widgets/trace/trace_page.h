// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"
#include "widgets/trace/linked_dump_tab.h"
#include "widgets/trace/trace_compare_tab.h"
#include "widgets/trace/trace_views.h"

#include <QPoint>
#include <QPointer>
#include <QWidget>

#include <string_view>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QTabWidget;

namespace gs::ui {

class GoroutineFilterBar;
class GoroutineTable;
class SpanDurationHistogram;
class TimelinePane;
class TimelineView;
class TraceFlameTab;
class TraceNavigator;
class TraceSearchPanel;
class TraceSession;

// The page an execution trace opens on: a toolbar (back and forward, grouping, sorting, fit, filter to the selected
// range, the summary of the selected time range) and the goroutine filter bar over a vertical
// splitter with the TimelinePane (goroutine timeline, metric plots, span details) above and tabs
// below: the goroutine table, the span-duration histogram, the flame graph (TraceFlameTab),
// whose selected frame's contributors the timeline highlights, the creation tree, regions, tasks,
// logs, search everything (TraceSearchPanel), whose hits it shows on the timeline, and the MMU
// curve (MmuTab), whose worst windows it selects on the timeline; and while a
// base trace is set, the comparison with it (TraceCompareTab).
//
// All views follow one TraceSession: its filter result hides goroutines from the timeline and
// the table and feeds the histogram; its selected goroutine is highlighted on the timeline and
// selected in the table; the TraceNavigator records where the user has been for back, forward
// and bookmarks. This page only wires views to the session. Ctrl+F focuses the filter
// entry; right-clicking a span offers filters built from it. GUI thread only.
class TracePage : public QWidget
{
    Q_OBJECT
public:
    explicit TracePage(QWidget* parent = nullptr);

    // A trace store (or null) with the parts prepared for its views (prepared here when null).
    void setStore(StorePtr store, TraceViewsPtr views = nullptr);
    const StorePtr& store() const { return m_store; }
    TraceSession* session() const { return m_session; }
    // Back/forward history and bookmarks of this page's selection, window and tab.
    TraceNavigator* navigator() const { return m_navigator; }
    TimelinePane* pane() const { return m_pane; }
    TimelineView* timeline() const;
    GoroutineFilterBar* filterBar() const { return m_filterBar; }
    GoroutineTable* goroutineTable() const { return m_table; }
    SpanDurationHistogram* histogram() const { return m_histogram; }
    TraceFlameTab* flameTab() const { return m_flame; }
    // The "Search" tab (Ctrl+Shift+F, View > Search Everything).
    TraceSearchPanel* searchPanel() const { return m_search; }
    QTabWidget* tabs() const { return m_tabs; }
    // The views whose first paint of a big trace takes milliseconds each, the one wanted first
    // first: the timeline's and the goroutine table's viewports.
    QList<QWidget*> slowPaintingViews() const;
    QAction* filterToRangeAction() const { return m_filterToRange; }
    // The "Dump" tab of a dump opened beside the trace, or null.
    LinkedDumpTab* linkedDumpTab() const { return m_linkedDump; }

    // A file opened beside the trace (File > Open Beside Trace): a pprof profile of the same program
    // links its flame-graph frames to the trace's goroutines, a goroutine dump links its goroutine
    // IDs to the timeline. False, and nothing changes, when the store is neither.
    bool openBeside(StorePtr store, const QString& path);

    // Compares the trace with `base`, a trace of the same program taken before a change (File >
    // Compare with Base): a "Compare" tab, last, shows the differences. False, and nothing
    // changes, when either is not a trace. Another trace opened ends the comparison.
    bool compareWith(StorePtr base);
    void clearBase();
    // The base trace compared with, or null.
    StorePtr base() const;
    // The "Compare" tab while a base is set, or null.
    TraceCompareTab* compareTab() const { return m_compare; }

    // The timeline's context menu for a point of its viewport: filters built from the span or
    // goroutine under it, the selected range, clearing the filter.
    void fillTimelineMenu(QMenu* menu, QPoint viewportPos);

    // The page's entries for the View menu (null: a separator): filter, go to goroutine, and the
    // plots and the tabs below the timeline shown or hidden.
    QList<QAction*> viewActions() const { return m_viewActions; }

    // "Go to goroutine": selects the goroutine `query` names (searchGoroutine; the next match
    // after the selected goroutine) and scrolls the timeline to its row. Ctrl+G focuses the field.
    void goToGoroutine(const QString& query);

    // The Flame graph tab, focused on `function`.
    void showFunctionInFlameGraph(const QString& function);

signals:
    // A base trace was set or cleared.
    void baseChanged();

private:
    QWidget* createToolbar();
    void createViewActions();
    void connectSession();
    void updateCount();
    void filterToSelectedRange();
    void showLinkedProfile(StorePtr profile, const QString& path);
    void showContributor(GoroutineRow row);
    void showLinkedDump(StorePtr dump, const QString& path);
    void filterToStartFunction(std::string_view function);

    StorePtr m_store;
    TraceSession* m_session = nullptr;
    TimelinePane* m_pane = nullptr;
    GoroutineFilterBar* m_filterBar = nullptr;
    GoroutineTable* m_table = nullptr;
    SpanDurationHistogram* m_histogram = nullptr;
    TraceFlameTab* m_flame = nullptr;
    TraceSearchPanel* m_search = nullptr;
    QTabWidget* m_tabs = nullptr;
    QComboBox* m_sort = nullptr;
    QLabel* m_rangeSummary = nullptr;
    QAction* m_filterToRange = nullptr;
    QAction* m_threadRows = nullptr;
    TraceNavigator* m_navigator = nullptr;
    QPointer<LinkedDumpTab> m_linkedDump; // in m_tabs while a dump is open beside the trace
    QPointer<TraceCompareTab> m_compare;  // in m_tabs while a base trace is set
    QList<QAction*> m_viewActions;
};

} // namespace gs::ui
