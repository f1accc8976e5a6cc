// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QModelIndex>
#include <QObject>

#include <functional>

class QAbstractItemView;

namespace gs::ui {

class TraceSession;

// Keeps an item view's current row and the session's selected goroutine in step, both ways: the
// view follows the session (selecting and scrolling to the goroutine's index, or clearing), and a
// row the user makes current selects its goroutine. A guard keeps the view's own following from
// echoing back into the session. The two functions map between goroutines and the view's model
// (an invalid index: the goroutine is not shown). GUI thread only; owned by the view.
class GoroutineSelectionSync : public QObject
{
public:
    using IndexOf = std::function<QModelIndex(GoroutineRow)>;
    using GoroutineAt = std::function<GoroutineRow(const QModelIndex&)>;

    GoroutineSelectionSync(QAbstractItemView* view, TraceSession* session, IndexOf indexOf, GoroutineAt goroutineAt);

    // Shows the session's selected goroutine in the view (also after the model changed).
    void showSessionSelection();

private:
    QAbstractItemView* m_view;
    TraceSession* m_session;
    IndexOf m_indexOf;
    GoroutineAt m_goroutineAt;
    bool m_syncing = false; // set while the view follows the session
};

} // namespace gs::ui
