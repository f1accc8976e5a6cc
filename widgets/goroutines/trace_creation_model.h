// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/goroutine_relations.h"
#include "core/model/event_store.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace gs::ui {

// Who created whom in an execution trace, as a tree over the store's goroutines: a node's
// internal id is its goroutine row, and the CreationIndex (built once per store, linear in
// goroutines) answers parent(), index() and indexOf() in O(1). Goroutines whose creator the trace
// does not show are the roots. Goroutines the goroutine filter drops stay in place (the tree
// would fall apart without them) but are drawn dimmed.
//
// Not the dump page's CreationTreeModel: a dump knows creators only by ID (exited ones become
// placeholder nodes) and has states and wait minutes; a trace has rows, times and lifetimes.
// GUI thread only.
class TraceCreationModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        Goroutine,   // "G12"
        Function,    // its start function
        Created,     // when it was created, since the start of the trace
        Lifetime,    // creation to exit, or "alive at the end"
        Descendants, // goroutines it created, directly or not
        ColumnCount
    };

    explicit TraceCreationModel(QObject* parent = nullptr);

    // An execution trace store, or null.
    // `creation` is the store's creation index when already built (built here when null).
    void setStore(StorePtr store, std::shared_ptr<const CreationIndex> creation = nullptr);
    // The filter's keep mask (per row, 1 = kept); null keeps every goroutine.
    void setKeepMask(std::shared_ptr<const std::vector<uint8_t>> keep);

    const CreationIndex& creation() const { return *m_creation; }
    GoroutineRow goroutineAt(const QModelIndex& index) const;
    QModelIndex indexOf(GoroutineRow row, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::span<const GoroutineRow> childrenOf(const QModelIndex& parent) const;
    QString text(GoroutineRow row, Column column) const;

    StorePtr m_store;
    std::shared_ptr<const CreationIndex> m_creation;
    std::shared_ptr<const std::vector<uint8_t>> m_keep;
};

} // namespace gs::ui
