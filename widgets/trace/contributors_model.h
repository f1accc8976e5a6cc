// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/goroutine_links.h"
#include "core/model/event_store.h"

#include <QAbstractTableModel>

#include <memory>
#include <string>
#include <vector>

namespace gs::ui {

// The goroutines that fed a flame-graph frame, one row each in the order given (largest share
// first, as frameContributors sorts them): goroutine, start function, value in the profile's unit,
// share of the frame and the number of stretches or samples. For a pprof profile opened beside the
// trace there are no values (linked mode): the goroutine's stacks contain the function, no more.
// Reads the trace store and the list by shared pointer and converts to text only in data().
// GUI thread only.
class ContributorsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using ListPtr = std::shared_ptr<const std::vector<FrameContribution>>;

    enum Column
    {
        Id,        // "G17"
        Function,  // start function, short name
        Value,     // value in `unit`; linked: "stack contains function"
        Share,     // value / the sum of all rows' values
        Count,     // stretches (blocking) or samples (CPU) that made up the value
        ColumnCount
    };

    explicit ContributorsModel(QObject* parent = nullptr);

    // `unit` is the pprof unit of the values ("nanoseconds", "count"); `linked` drops the values.
    void setContributors(StorePtr trace, ListPtr list, std::string unit, bool linked);
    void clear();
    const ListPtr& list() const { return m_list; }
    // The goroutine row shown at `row`, or kNoRow.
    GoroutineRow goroutineAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant text(const FrameContribution& c, int column) const;

    StorePtr m_trace;
    ListPtr m_list;
    std::string m_unit;
    bool m_linked = false;
    int64_t m_total = 0;
};

} // namespace gs::ui
