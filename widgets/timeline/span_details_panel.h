// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"
#include "widgets/timeline/timeline_scene.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace gs::ui {

// Side panel for the span selected on the timeline: goroutine, state, wait reason, start, end and
// duration, processor, the goroutine that woke it, and its full stack (leaf first, with file:line).
// Activating a stack frame (double-click or Enter) asks for its function in the flame graph.
// Holds the store it shows, so the text stays valid when the view moves on. GUI thread only.
class SpanDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SpanDetailsPanel(QWidget* parent = nullptr);

    void setSpan(StorePtr store, SpanRef span);
    void clear();

    // Text of the fields, for tests: "state", "reason", "start", "end", "duration", "proc",
    // "waker", "goroutine"; and the stack frames as shown.
    QString field(const QString& name) const;
    QStringList frames() const;

signals:
    // The waker goroutine's ID was activated (the label is a link): select it elsewhere.
    void wakerActivated(int64_t goroutineId);
    // A stack frame was activated: show its function (full name) in the trace's flame graph.
    void frameActivated(const QString& function);

private:
    StorePtr m_store;
    QLabel* m_goroutine = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_reason = nullptr;
    QLabel* m_start = nullptr;
    QLabel* m_end = nullptr;
    QLabel* m_duration = nullptr;
    QLabel* m_proc = nullptr;
    QLabel* m_waker = nullptr;
    QListWidget* m_frames = nullptr;
};

} // namespace gs::ui
