// SPDX-License-Identifier: MIT
#include "widgets/trace/latency_models.h"

#include "widgets/timeline/span_description.h"

namespace gs::ui {

QVariant durationData(TimeNs ns, int role)
{
    if (role == kLatencySortRole)
        return qlonglong(ns);
    return role == Qt::DisplayRole ? QVariant(formatDuration(ns)) : QVariant();
}

QVariant countData(uint64_t count, int role)
{
    return role == Qt::DisplayRole || role == kLatencySortRole ? QVariant(qulonglong(count)) : QVariant();
}

QVariant goroutineData(int64_t goroutine, int role)
{
    if (role == kLatencySortRole)
        return qlonglong(goroutine);
    return role == Qt::DisplayRole ? QVariant(QStringLiteral("G%1").arg(goroutine)) : QVariant();
}

QVariant taskData(uint64_t task, int role)
{
    if (role == kLatencySortRole)
        return qulonglong(task);
    return role != Qt::DisplayRole ? QVariant() : task == 0 ? QVariant(QStringLiteral("-")) : QVariant(QString::number(task));
}

QVariant rightAligned(int column, int firstNumeric)
{
    return column >= firstNumeric ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
}

LatencyTypeModel::LatencyTypeModel(int columns, QObject* parent)
    : QAbstractTableModel(parent)
    , m_columns(columns)
{
}

int LatencyTypeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(typeCount());
}

int LatencyTypeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

LatencyInstanceModel::LatencyInstanceModel(int columns, QObject* parent)
    : QAbstractTableModel(parent)
    , m_columns(columns)
{
}

int LatencyInstanceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

void LatencyInstanceModel::show(std::shared_ptr<const EventStore> store, const LatencyTypeModel* types, int typeRow,
                                std::optional<std::pair<TimeNs, TimeNs>> durations)
{
    beginResetModel();
    m_store = std::move(store);
    m_typeRow = m_store && types ? typeRow : -1;
    m_shown.clear();
    if (m_typeRow >= 0) {
        for (size_t i = 0, n = types->instanceCount(m_typeRow); i < n; ++i) {
            const std::optional<TimeNs> d = types->durationOf(m_typeRow, i);
            if (!durations || (d && *d >= durations->first && *d < durations->second))
                m_shown.push_back(i);
        }
    }
    endResetModel();
}

int LatencyInstanceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

} // namespace gs::ui
