// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/dump_creation_tree.h"
#include "core/model/event_store.h"

#include <QAbstractItemModel>

#include <vector>

namespace gs::ui {

// Who created whom in a traceback dump, as a tree: a node's internal id is its index in the
// CreationTree, and a parent/row table built once per store answers parent() in O(1). Exited
// creators (no longer in the dump) are rows too, so their children stay together. GUI thread only.
class CreationTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        Goroutine,   // "goroutine 13", or "goroutine 13 (exited)" for a creator not in the dump
        Function,    // the goroutine's start function (its outermost frame)
        State,       // status text with the wait time
        Descendants, // goroutines in the dump at or below this node
        ColumnCount
    };

    explicit CreationTreeModel(QObject* parent = nullptr);

    // A traceback dump store, or null; builds the tree on the calling thread (linear in goroutines).
    void setStore(StorePtr store);
    const CreationTree& tree() const { return m_tree; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static constexpr uint32_t kRoot = CreationNode::kAbsent;
    const std::vector<uint32_t>& childrenOf(const QModelIndex& parent) const;

    StorePtr m_store;
    CreationTree m_tree;
    std::vector<uint32_t> m_parent; // per node: its parent node, kRoot for a root
    std::vector<uint32_t> m_row;    // per node: its row under its parent
};

} // namespace gs::ui
