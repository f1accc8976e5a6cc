// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/filters/filter_item.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;

namespace gs::ui {

class ChipList;

// Entry row for filters (kind + regex, Enter adds) followed by the active filters as removable
// chips. It validates before emitting, so the session only ever receives filters that compile;
// it never applies anything itself.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget* parent = nullptr);

    // Rebuilds the chips from the session's current list.
    void setFilters(const std::vector<FilterItem>& items);
    // Puts the keyboard focus into the pattern field.
    void focusEntry();

signals:
    void filterAdded(const gs::ui::FilterItem& item);
    void filterRemoved(int index);

private:
    void submit();

    QComboBox* m_kind = nullptr;
    QLineEdit* m_pattern = nullptr;
    QLabel* m_error = nullptr;
    ChipList* m_chips = nullptr;
};

} // namespace gs::ui
