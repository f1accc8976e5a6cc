// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace gs::ui {

// The goroutines of a dump opened beside a trace, one row each, the members of the largest
// identical-stack group first and by ID within a group, so a leak reads as one block. Every row
// knows the trace row of the goroutine with its ID, or kNoRow when the trace has none (the dump
// was taken outside the trace's time, or the goroutine never ran while it was recorded): the ID
// is drawn as a link, or greyed with a tooltip saying so. A debug=1 count profile has no IDs and
// gives no rows. Holds both stores by shared pointer. GUI thread only.
class LinkedDumpModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Id,        // the Go goroutine ID: a link to the trace's goroutine, or greyed
        State,     // the status with its wait time, as the dump header prints it
        Function,  // the innermost non-runtime function
        CreatedBy, // "created by" function and creator ID
        ColumnCount
    };
    enum Role
    {
        TraceRowRole = Qt::UserRole + 1, // GoroutineRow in the trace, kNoRow when absent
    };

    explicit LinkedDumpModel(QObject* parent = nullptr);

    void setStores(StorePtr trace, StorePtr dump);
    const StorePtr& dump() const { return m_dump; }

    const DumpGoroutine* goroutineAt(int row) const;
    GoroutineRow traceRowAt(int row) const;
    // The row of the dump goroutine with this Go ID, or -1.
    int rowOfId(int64_t id) const;
    // Rows whose goroutine is in the trace.
    int linkedCount() const { return m_linked; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const DumpGoroutine& g, Column column) const;

    StorePtr m_trace;
    StorePtr m_dump;
    std::vector<uint32_t> m_order;         // row -> index in dump.goroutines
    std::vector<GoroutineRow> m_traceRows; // per row
    std::unordered_map<int64_t, int> m_rowById;
    int m_linked = 0;
};

} // namespace gs::ui
