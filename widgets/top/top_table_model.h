// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/profile/profile_compute.h"

#include "widgets/common/ordered_table_model.h"

#include <memory>
#include <optional>
#include <vector>

namespace gs::ui {

// `go tool pprof -top` as a table: flat, flat%, sum%, cum, cum%, function. Reads the shared
// ProfileResult by row index; sorting permutes an index vector instead of copying rows, and sum%
// is the running flat share in the current display order, as pprof defines it. Percentages are of
// the unfiltered total, as pprof reports them, so a focus filter shows what share of the whole
// profile remains. For a diff the values are deltas (current minus base) and percentages are of
// the base's total, as with pprof -diff_base.
class TopTableModel : public OrderedTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Flat,
        FlatPercent,
        SumPercent,
        Cum,
        CumPercent,
        Name,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // the raw number (or name) a column sorts by
        FunctionIdRole,              // the row's FunctionId in the result's symbols
    };

    explicit TopTableModel(QObject* parent = nullptr);

    // The rows of `result`; with `shown` (one byte per FunctionId of the result's symbols, as
    // gs::matchFunctions returns it) only the functions whose byte is set, as pprof's web UI
    // narrows its table to the search. Empty `shown` shows every function.
    void setResult(std::shared_ptr<const ProfileResult> result, std::vector<uint8_t> shown = {});
    const std::shared_ptr<const ProfileResult>& result() const { return m_result; }

    // The function shown on a row, and the row showing a function (-1 if absent).
    std::optional<FunctionId> functionAt(int row) const;
    int rowOf(FunctionId function) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void applySort();
    void updateRunningSum();
    const TopRow& rowAt(int row) const { return m_result->top[m_order[size_t(row)]]; }
    double denominator() const;

    std::shared_ptr<const ProfileResult> m_result;
    std::vector<int64_t> m_runningFlat; // display row -> sum of flat up to and including it
    int m_sortColumn = Flat;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace gs::ui
