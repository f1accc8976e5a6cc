// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QPoint>
#include <QWidget>

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
class TraceSession;

// The page an execution trace opens on: a toolbar (grouping, sorting, fit, filter to the selected
// range, the summary of the selected time range) and the goroutine filter bar over a vertical
// splitter with the TimelinePane (goroutine timeline, metric plots, span details) above and tabs
// below: the goroutine table and the span-duration histogram.
//
// All views follow one TraceSession: its filter result hides goroutines from the timeline and
// the table and feeds the histogram; its selected goroutine is highlighted on the timeline and
// selected in the table. This page only wires views to the session. Ctrl+F focuses the filter
// entry; right-clicking a span offers filters built from it. GUI thread only.
class TracePage : public QWidget
{
    Q_OBJECT
public:
    explicit TracePage(QWidget* parent = nullptr);

    void setStore(StorePtr store);
    const StorePtr& store() const { return m_store; }
    TraceSession* session() const { return m_session; }
    TimelinePane* pane() const { return m_pane; }
    TimelineView* timeline() const;
    GoroutineFilterBar* filterBar() const { return m_filterBar; }
    GoroutineTable* goroutineTable() const { return m_table; }
    SpanDurationHistogram* histogram() const { return m_histogram; }
    QTabWidget* tabs() const { return m_tabs; }
    QAction* filterToRangeAction() const { return m_filterToRange; }

    // The timeline's context menu for a point of its viewport: filters built from the span or
    // goroutine under it, the selected range, clearing the filter.
    void fillTimelineMenu(QMenu* menu, QPoint viewportPos);

private:
    QWidget* createToolbar();
    void connectSession();
    void updateCount();
    void filterToSelectedRange();

    StorePtr m_store;
    TraceSession* m_session = nullptr;
    TimelinePane* m_pane = nullptr;
    GoroutineFilterBar* m_filterBar = nullptr;
    GoroutineTable* m_table = nullptr;
    SpanDurationHistogram* m_histogram = nullptr;
    QTabWidget* m_tabs = nullptr;
    QComboBox* m_sort = nullptr;
    QLabel* m_rangeSummary = nullptr;
    QAction* m_filterToRange = nullptr;
};

} // namespace gs::ui
