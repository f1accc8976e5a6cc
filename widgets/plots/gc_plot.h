// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QWidget>

#include <array>

class QCustomPlot;
class QCPAxisRect;
class QLabel;
class QMouseEvent;

namespace gs::ui {

// The page of a GODEBUG=gctrace=1 log: heap at GC start, marked live heap and heap goal per cycle
// (MB as the runtime prints them) above the stop-the-world pause per cycle (sweep termination +
// mark termination, ms), on one x axis of seconds since program start, with a legend and a
// tooltip naming the cycle under the mouse. GUI thread only.
class GcPlot : public QWidget
{
    Q_OBJECT
public:
    explicit GcPlot(QWidget* parent = nullptr);

    // A store with a gcTrace, or null to clear.
    void setStore(StorePtr store);
    const StorePtr& store() const { return m_store; }

    QCustomPlot* plot() const { return m_plot; }
    // Number of points per graph, for tests: heap start, live heap, heap goal, pauses.
    std::array<int, 4> pointCounts() const;
    // The tooltip text for the cycle nearest to `seconds` since program start, or empty.
    QString cycleTipAt(double seconds) const;

private:
    void onMouseMove(QMouseEvent* event);

    StorePtr m_store;
    QLabel* m_summary = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPAxisRect* m_heapRect = nullptr;
    QCPAxisRect* m_pauseRect = nullptr;
};

} // namespace gs::ui
