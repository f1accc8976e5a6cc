// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/goroutine_filter.h"
#include "core/model/event_store.h"

#include "widgets/common/background_work.h"
#include "widgets/common/job_runner.h"

#include <QAbstractTableModel>
#include "widgets/goroutines/goroutine_order.h"

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
// rows (sortGoroutines; QSortFilterProxyModel would not cope with millions). Rows are handed to
// the view kRowsPerFetch at a time as it scrolls down (fetchMore): a view keeps per-row state in
// its header, and millions of rows at once would cost the GUI thread tens of milliseconds. A new
// filter result resets the model; sorting keeps persistent indexes. Tables of a large trace
// (needsBackgroundWork) sort on the thread pool: the model keeps its rows until the new order
// arrives (isSorting()).
// GUI thread only.
class GoroutineTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // The fixed columns; after Syscall come reasonCount() wait-reason columns, then the total.
    enum Column
    {
        Id = IdColumn,
        StartFunction = StartFunctionColumn,
        CreatedBy = CreatedByColumn,
        Execution = ExecutionColumn,
        SchedWait = SchedWaitColumn,
        Syscall = SyscallColumn,
        FirstReasonColumn = FirstWaitReasonColumn,
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // the raw value a column sorts by (ns, ID, or name)
        GoroutineRowRole,            // the row's GoroutineRow
    };

    static constexpr int kRowsPerFetch = 10000;

    explicit GoroutineTableModel(QObject* parent = nullptr);

    // A new trace: every goroutine, one column per wait reason in `reasons` (the trace's
    // waitReasons), in `order` when it is for this model's sort (both computed here when empty).
    void setStore(StorePtr store, std::vector<StringId> reasons = {}, GoroutineOrderPtr order = {});
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
    // The index of a goroutine's cell, fetching the rows up to it first; invalid when filtered out.
    QModelIndex indexOfGoroutine(GoroutineRow goroutine, int column);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    // Whether a new order is being computed off the GUI thread.
    bool isSorting() const { return m_sorting; }

signals:
    // An order computed off the GUI thread is shown.
    void sorted();

private:
    // Orders the rows for the current filter and sort, at once or on the thread pool; `reset`
    // when the set of rows changes (a new filter), else the order moves persistent indexes.
    void resort(bool reset);
    void applyOrder(GoroutineOrderPtr order, bool reset);
    std::shared_ptr<const std::vector<uint8_t>> keepMask() const;
    int orderedRows() const;
    // Hands the view rows up to `count` (of the ordered ones).
    void fetchTo(int count);
    const GoroutineStats& statsOf(GoroutineRow row) const;
    // The nanoseconds a duration column shows for a goroutine.
    TimeNs durationAt(GoroutineRow row, int column) const;
    QString cellText(GoroutineRow row, int column) const;
    QString cellToolTip(GoroutineRow row, int column) const;
    QString headerToolTip(int column) const;

    StorePtr m_store;
    std::shared_ptr<const GoroutineFilterResult> m_result;
    std::vector<StringId> m_reasons;  // reason columns, in column order
    GoroutineOrderPtr m_order;         // shared with the worker that sorted it, never copied
    int m_fetched = 0;                 // the rows the view has: the first m_fetched of m_order
    mutable std::unordered_map<GoroutineRow, GoroutineStats> m_stats; // of rows lately shown
    int m_sortColumn = Execution;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    JobRunner m_jobs;
    bool m_sorting = false;
};

} // namespace gs::ui
