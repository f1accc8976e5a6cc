// SPDX-License-Identifier: MIT
#include "widgets/trace/contributors_model.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/go_names.h"
#include "widgets/common/value_format.h"
#include "widgets/timeline/span_description.h"

namespace gs::ui {

ContributorsModel::ContributorsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ContributorsModel::setContributors(StorePtr trace, ListPtr list, std::string unit, bool linked)
{
    beginResetModel();
    m_trace = trace && trace->trace ? std::move(trace) : nullptr;
    m_list = m_trace ? std::move(list) : nullptr;
    m_unit = std::move(unit);
    m_linked = linked;
    m_total = 0;
    if (m_list) {
        for (const FrameContribution& c : *m_list)
            m_total += c.value;
    }
    endResetModel();
}

void ContributorsModel::clear()
{
    setContributors(nullptr, nullptr, {}, false);
}

GoroutineRow ContributorsModel::goroutineAt(int row) const
{
    if (!m_list || row < 0 || size_t(row) >= m_list->size())
        return kNoRow;
    return (*m_list)[size_t(row)].row;
}

int ContributorsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_list ? 0 : int(m_list->size());
}

int ContributorsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContributorsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_list || size_t(index.row()) >= m_list->size())
        return {};
    const FrameContribution& c = (*m_list)[size_t(index.row())];
    if (c.row >= m_trace->trace->goroutines.size())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return text(c, index.column());
    case Qt::ToolTipRole:
        return plainToolTip(goroutineTitle(*m_trace->trace, m_trace->symbols, c.row));
    case Qt::TextAlignmentRole:
        return index.column() >= Value && !m_linked ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant ContributorsModel::text(const FrameContribution& c, int column) const
{
    const Goroutine& g = m_trace->trace->goroutines[c.row];
    switch (column) {
    case Id:
        return QStringLiteral("G%1").arg(g.id);
    case Function:
        return g.hasStartFunction() ? captureText(goShortName(m_trace->symbols.functionName(g.startFunction))) : QString();
    case Value:
        return m_linked ? tr("stack contains function") : formatValue(c.value, m_unit);
    case Share:
        return m_linked || m_total <= 0 ? QString() : formatPercent(double(c.value) / double(m_total));
    case Count:
        return m_linked ? QString() : QString::number(c.count);
    default:
        return {};
    }
}

QVariant ContributorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Goroutine");
    case Function:
        return tr("Start function");
    case Value:
        return tr("Value");
    case Share:
        return tr("Share");
    case Count:
        return tr("Count");
    default:
        return {};
    }
}

} // namespace gs::ui
