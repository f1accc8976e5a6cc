// SPDX-License-Identifier: MIT
#include "widgets/common/table_sort.h"

#include <QHeaderView>
#include <QTableView>

namespace gs::ui {

namespace {

// The default sort lives on the table itself, so any code holding the table can restore it.
constexpr const char* kDefaultColumn = "gsDefaultSortColumn";
constexpr const char* kDefaultOrder = "gsDefaultSortOrder";

} // namespace

QVariant firstSortOrder(bool quantity)
{
    return int(quantity ? Qt::DescendingOrder : Qt::AscendingOrder);
}

void makeSortable(QTableView* table, int column, Qt::SortOrder order)
{
    table->setProperty(kDefaultColumn, column);
    table->setProperty(kDefaultOrder, int(order));
    table->horizontalHeader()->setSortIndicator(column, order);
    table->setSortingEnabled(true);
}

void restoreDefaultSort(QTableView* table)
{
    const QVariant column = table->property(kDefaultColumn);
    if (!column.isValid())
        return;
    // With sorting enabled, a changed indicator sorts the model; an unchanged one does nothing.
    table->horizontalHeader()->setSortIndicator(column.toInt(), Qt::SortOrder(table->property(kDefaultOrder).toInt()));
}

} // namespace gs::ui
