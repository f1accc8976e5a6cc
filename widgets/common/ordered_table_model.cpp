// SPDX-License-Identifier: MIT
#include "widgets/common/ordered_table_model.h"

#include <algorithm>

namespace gs::ui {

void OrderedTableModel::reorder(const std::function<void()>& resort)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<uint32_t> entriesBefore;
    entriesBefore.reserve(size_t(before.size()));
    for (const QModelIndex& i : before)
        entriesBefore.push_back(m_order[size_t(i.row())]);

    resort();

    const uint32_t entries = m_order.empty() ? 0 : *std::max_element(m_order.begin(), m_order.end()) + 1;
    std::vector<int> rowOfEntry(entries, -1);
    for (size_t row = 0; row < m_order.size(); ++row)
        rowOfEntry[m_order[row]] = int(row);
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype k = 0; k < before.size(); ++k)
        after.push_back(index(rowOfEntry[entriesBefore[size_t(k)]], before[k].column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace gs::ui
