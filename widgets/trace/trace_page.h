// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace gs::ui {

class TimelinePane;
class TimelineView;

// The page an execution trace opens on: a toolbar (grouping, sorting, fit, the summary of the
// selected time range) over the TimelinePane (goroutine timeline, metric plots, span details).
// GUI thread only.
class TracePage : public QWidget
{
    Q_OBJECT
public:
    explicit TracePage(QWidget* parent = nullptr);

    void setStore(StorePtr store);
    const StorePtr& store() const { return m_store; }
    TimelinePane* pane() const { return m_pane; }
    TimelineView* timeline() const;

private:
    StorePtr m_store;
    TimelinePane* m_pane = nullptr;
    QComboBox* m_sort = nullptr;
    QLabel* m_rangeSummary = nullptr;
};

} // namespace gs::ui
