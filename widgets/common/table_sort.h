// SPDX-License-Identifier: MIT
#pragma once

#include <QVariant>
#include <Qt>

class QTableView;

namespace gs::ui {

// The sorting of the app's tables, one way for all of them.
//
// Qt's header sorts a column it was not sorted by ascending on the first click, unless the model
// answers Qt::InitialSortOrderRole for that section. Models answer firstSortOrder(): quantities
// (times, counts, weights) come largest first, since one looks for the biggest, and names and IDs
// A to Z.
QVariant firstSortOrder(bool quantity);

// Makes `table` sortable by header clicks and sorts it by `column` in `order`, its default sort.
void makeSortable(QTableView* table, int column, Qt::SortOrder order);

// Back to the default sort makeSortable gave: a newly opened file starts from it, not from the
// sort the user chose for the previous file. Nothing happens when the table is already so sorted.
void restoreDefaultSort(QTableView* table);

} // namespace gs::ui
