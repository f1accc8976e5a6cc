// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/mmu.h"

#include <QAbstractTableModel>

#include <vector>

namespace gs::ui {

// The worst windows of one size on the MMU tab (MmuCurve::worstWindows, lowest first, as go tool
// trace's MMU page lists them): start since the trace start, window size, mean utilisation.
// Not sortable: the order is the ranking. GUI thread only.
class MmuWindowModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Start,
        Window,
        Utilization,
        ColumnCount
    };

    explicit MmuWindowModel(QObject* parent = nullptr);

    // Windows of `windowNs` each, starting at absolute times; shown from `traceStartNs`.
    void setWindows(std::vector<UtilWindow> windows, TimeNs windowNs, TimeNs traceStartNs);
    void clear();
    const UtilWindow& windowAt(int row) const { return m_windows[size_t(row)]; }
    TimeNs windowNs() const { return m_windowNs; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<UtilWindow> m_windows;
    TimeNs m_windowNs = 0;
    TimeNs m_traceStartNs = 0;
};

} // namespace gs::ui
