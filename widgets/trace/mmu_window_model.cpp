// SPDX-License-Identifier: MIT
#include "widgets/trace/mmu_window_model.h"

#include "widgets/common/value_format.h"
#include "widgets/timeline/time_ruler.h"

#include <algorithm>

namespace gs::ui {

MmuWindowModel::MmuWindowModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void MmuWindowModel::setWindows(std::vector<UtilWindow> windows, TimeNs windowNs, TimeNs traceStartNs)
{
    beginResetModel();
    m_windows = std::move(windows);
    m_windowNs = windowNs;
    m_traceStartNs = traceStartNs;
    endResetModel();
}

void MmuWindowModel::clear()
{
    setWindows({}, 0, 0);
}

int MmuWindowModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_windows.size());
}

int MmuWindowModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MmuWindowModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_windows.size())
        return {};
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const UtilWindow& w = windowAt(index.row());
    switch (Column(index.column())) {
    case Start:
        // Precise to about a hundredth of the window: windows a few apart read apart.
        return formatTickLabel(w.start - m_traceStartNs, std::max<TimeNs>(m_windowNs / 100, 1));
    case Window:
        return formatValue(m_windowNs, "nanoseconds");
    case Utilization:
        return formatPercent(w.util);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MmuWindowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == Utilization)
        return tr("Mean share of the processors running the program, not the GC, during the window");
    if (role != Qt::DisplayRole)
        return {};
    static const char* const kNames[] = {"Start", "Window", "Utilization"};
    return section < ColumnCount ? tr(kNames[section]) : QVariant();
}

} // namespace gs::ui
