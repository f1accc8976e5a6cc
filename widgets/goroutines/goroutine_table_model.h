// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/goroutine_filter.h"
#include "core/model/event_store.h"

#include "widgets/common/ordered_table_model.h"

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace gs::ui {

// `go tool trace`'s goroutine analysis as a table, one row per goroutine the filter keeps: ID,
// start function, creator, then Go's non-overlapping times (execution, scheduler wait, syscall
// including its blocked part, blocked time per wait reason, one column per reason the trace has)
// and the total. The numbers are GoroutineStats as the store computed them, to the nanosecond.
//
// Reads the store by row index and never copies it: rows are a permutation of the kept goroutine
// rows, sorted in the model (100k goroutines sort in milliseconds; QSortFilterProxyModel would
// not). A new filter result resets the model; sorting keeps persistent indexes. GUI thread only.
class GoroutineTableModel : public OrderedTableModel
{
    Q_OBJECT
public:
    // The fixed columns; after Syscall come reasonCount() wait-reason columns, then the total.
    enum Column
    {
        Id,
        StartFunction,
        CreatedBy,
        Execution,
        SchedWait,
        Syscall,
        FirstReasonColumn,
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // the raw value a column sorts by (ns, ID, or name)
        GoroutineRowRole,            // the row's GoroutineRow
    };

    explicit GoroutineTableModel(QObject* parent = nullptr);

    // A new trace: every goroutine, one column per wait reason it has.
    void setStore(StorePtr store);
    // Shows only the goroutines the result keeps; null shows all.
    void setFilterResult(std::shared_ptr<const GoroutineFilterResult> result);

    size_t reasonCount() const { return m_reasons.size(); }
    int totalColumn() const { return FirstReasonColumn + int(m_reasons.size()); }
    // The wait reason of a reason column.
    std::optional<StringId> reasonOfColumn(int column) const;

    // The goroutine on a display row (kNoRow out of range), and the display row of a goroutine
    // (-1 when filtered out).
    GoroutineRow goroutineAt(int row) const;
    int rowOfGoroutine(GoroutineRow goroutine) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void rebuildRows();
    void applySort();
    const GoroutineStats& statsOf(GoroutineRow row) const;
    // The nanoseconds a duration column shows for a goroutine.
    TimeNs durationAt(GoroutineRow row, int column) const;
    TimeNs durationIn(const GoroutineStats& stats, int column) const;
    // The sort key of a numeric column (every column but the start function).
    int64_t numericKey(GoroutineRow row) const;
    QString cellText(GoroutineRow row, int column) const;
    QString cellToolTip(GoroutineRow row, int column) const;
    QString headerToolTip(int column) const;

    StorePtr m_store;
    std::shared_ptr<const GoroutineFilterResult> m_result;
    std::vector<StringId> m_reasons;  // reason columns, in column order
    std::vector<int> m_rowOf;          // goroutine row -> display row, -1 when filtered out
    mutable std::unordered_map<GoroutineRow, GoroutineStats> m_stats; // of rows lately shown
    int m_sortColumn = Execution;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace gs::ui
