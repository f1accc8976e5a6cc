// SPDX-License-Identifier: MIT
#include "widgets/trace/user_log_model.h"

#include "widgets/common/capture_display.h"
#include "widgets/timeline/span_description.h"
#include "widgets/trace/latency_models.h"

namespace gs::ui {

UserLogModel::UserLogModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void UserLogModel::setStore(std::shared_ptr<const EventStore> store)
{
    beginResetModel();
    m_store = store && store->trace ? std::move(store) : nullptr;
    endResetModel();
}

int UserLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_store ? 0 : int(m_store->trace->logs.size());
}

int UserLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserLogModel::data(const QModelIndex& index, int role) const
{
    if (!m_store || !index.isValid())
        return {};
    const UserLog& l = logAt(index.row());
    const Symbols& symbols = m_store->symbols;
    if (role == Qt::ToolTipRole && index.column() == Message)
        return plainToolTip(captureText(symbols.strings.get(l.message)));
    if (role == Qt::TextAlignmentRole && index.column() <= Task)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Time:
        return formatDuration(l.time - m_store->trace->startNs);
    case Goroutine:
        return goroutineData(l.goroutine, role);
    case Task:
        return taskData(l.task, role);
    case Category:
        return captureText(symbols.strings.get(l.category));
    case Message:
        return captureText(symbols.strings.get(l.message));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant UserLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Goroutine:
        return tr("Goroutine");
    case Task:
        return tr("Task");
    case Category:
        return tr("Category");
    case Message:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace gs::ui
