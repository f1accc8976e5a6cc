// SPDX-License-Identifier: MIT
#include "widgets/dump/dump_group_model.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"
#include "widgets/dump/dump_names.h"

namespace gs::ui {

DumpGroupModel::DumpGroupModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DumpGroupModel::setView(std::shared_ptr<const DumpView> view)
{
    beginResetModel();
    m_view = std::move(view);
    endResetModel();
}

const DumpGroup* DumpGroupModel::groupAt(int row) const
{
    if (!m_view || row < 0 || size_t(row) >= m_view->groups.size())
        return nullptr;
    return &m_view->groups[size_t(row)];
}

int DumpGroupModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_view ? 0 : int(m_view->groups.size());
}

int DumpGroupModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DumpGroupModel::waitText(const DumpGroup& group) const
{
    // A range rather than a bucket label: it is exact for every grouping.
    if (group.maxWaitMinutes == 0)
        return {};
    if (group.minWaitMinutes == group.maxWaitMinutes)
        return formatCount(group.minWaitMinutes, tr("minute"), tr("minutes"));
    return tr("%1\u2013%2 minutes").arg(group.minWaitMinutes).arg(group.maxWaitMinutes);
}

QVariant DumpGroupModel::data(const QModelIndex& index, int role) const
{
    const DumpGroup* group = groupAt(index.row());
    if (!group || !index.isValid())
        return {};
    const Symbols& symbols = m_view->store->symbols;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Count ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ToolTipRole)
        return plainToolTip(index.column() == Count ? formatCount(group->count, tr("goroutine"), tr("goroutines"))
                                                    : data(index, Qt::DisplayRole).toString());
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Count:
        return QVariant::fromValue(group->count);
    case State:
        return captureText(symbols.strings.get(group->state));
    case Wait:
        return waitText(*group);
    case Function:
        return blockingFunction(symbols, group->stack);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DumpGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Count:
        return tr("Count");
    case State:
        return tr("State");
    case Wait:
        return tr("Wait");
    case Function:
        return tr("Function");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace gs::ui
