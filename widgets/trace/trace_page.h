// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace gs::ui {

class SpanDetailsPanel;
class TimelineView;
class TracePlots;

// The page an execution trace opens on: the goroutine timeline with its metric plots below
// (sharing the time axis), a toolbar for grouping and sorting, and the details of the selected
// span beside it. Following a waker link selects what the waking goroutine was doing at the
// wake-up. GUI thread only.
class TracePage : public QWidget
{
    Q_OBJECT
public:
    explicit TracePage(QWidget* parent = nullptr);

    void setStore(StorePtr store);
    const StorePtr& store() const { return m_store; }
    TimelineView* timeline() const { return m_timeline; }
    SpanDetailsPanel* details() const { return m_details; }

    // Selects the span of goroutine `goroutineId` covering time `t` (or its last span before t).
    bool selectGoroutineAt(int64_t goroutineId, TimeNs t);

private:
    void showSpan(GoroutineRow row, uint32_t span);
    void alignPlots();

    StorePtr m_store;
    TimelineView* m_timeline = nullptr;
    TracePlots* m_plots = nullptr;
    SpanDetailsPanel* m_details = nullptr;
    QComboBox* m_sort = nullptr;
    QLabel* m_rangeSummary = nullptr;
};

} // namespace gs::ui
