// SPDX-License-Identifier: MIT
#pragma once

#include <QTableView>

namespace gs::ui {

class TraceSession;
class UserLogModel;

// The trace page's "Logs" tab: every runtime/trace.Log of the trace (UserLogModel). Choosing a
// log selects what its goroutine was doing at that moment (the span covering the log's time),
// which the timeline and the details show. GUI thread only.
class UserLogTable : public QTableView
{
    Q_OBJECT
public:
    explicit UserLogTable(TraceSession* session, QWidget* parent = nullptr);

    UserLogModel* logModel() const { return m_model; }

private:
    void selectLogOf(const QModelIndex& index);

    TraceSession* m_session;
    UserLogModel* m_model;
};

} // namespace gs::ui
