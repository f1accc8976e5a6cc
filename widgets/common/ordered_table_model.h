// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>

#include <cstdint>
#include <functional>
#include <vector>

namespace gs::ui {

// A table model whose display rows are a permutation of its entries (m_order: display row ->
// entry). Re-sorting goes through reorder(), which moves the persistent indexes (the view's
// selection and current item) with their entries, as a sortable model must.
class OrderedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    // Runs `resort`, which rewrites m_order, inside one layout change.
    void reorder(const std::function<void()>& resort);

    std::vector<uint32_t> m_order;
};

} // namespace gs::ui
