// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QAbstractTableModel>

#include <memory>

namespace gs::ui {

// The user logs of a trace (runtime/trace.Log), one row each in trace order: time since the
// trace start, goroutine, task, category and message, capture text escaped (captureText), the
// message whole in the tooltip. GUI thread only.
class UserLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Goroutine,
        Task,
        Category,
        Message,
        ColumnCount
    };

    explicit UserLogModel(QObject* parent = nullptr);

    void setStore(std::shared_ptr<const EventStore> store);
    // The log of a row (an index into TraceData::logs).
    const UserLog& logAt(int row) const { return m_store->trace->logs[size_t(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const EventStore> m_store;
};

} // namespace gs::ui
