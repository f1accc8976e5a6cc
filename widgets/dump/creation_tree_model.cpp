// SPDX-License-Identifier: MIT
#include "widgets/dump/creation_tree_model.h"

#include "widgets/common/capture_display.h"
#include "widgets/dump/dump_names.h"

namespace gs::ui {

CreationTreeModel::CreationTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

void CreationTreeModel::setStore(StorePtr store)
{
    beginResetModel();
    m_store = std::move(store);
    m_tree = m_store && m_store->dump ? buildCreationTree(*m_store->dump) : CreationTree {};
    m_parent.assign(m_tree.nodes.size(), kRoot);
    m_row.assign(m_tree.nodes.size(), 0);
    for (size_t r = 0; r < m_tree.roots.size(); ++r)
        m_row[m_tree.roots[r]] = uint32_t(r);
    for (uint32_t n = 0; n < m_tree.nodes.size(); ++n) {
        const std::vector<uint32_t>& children = m_tree.nodes[n].children;
        for (size_t r = 0; r < children.size(); ++r) {
            m_parent[children[r]] = n;
            m_row[children[r]] = uint32_t(r);
        }
    }
    endResetModel();
}

const std::vector<uint32_t>& CreationTreeModel::childrenOf(const QModelIndex& parent) const
{
    return parent.isValid() ? m_tree.nodes[size_t(parent.internalId())].children : m_tree.roots;
}

QModelIndex CreationTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const std::vector<uint32_t>& children = childrenOf(parent);
    if (size_t(row) >= children.size())
        return {};
    return createIndex(row, column, quintptr(children[size_t(row)]));
}

QModelIndex CreationTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const uint32_t p = m_parent[size_t(child.internalId())];
    if (p == kRoot)
        return {};
    return createIndex(int(m_row[p]), 0, quintptr(p));
}

int CreationTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(parent).size());
}

int CreationTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant CreationTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (role == Qt::ToolTipRole)
        return plainToolTip(data(index, Qt::DisplayRole).toString());
    if (role != Qt::DisplayRole)
        return {};
    const CreationNode& node = m_tree.nodes[size_t(index.internalId())];
    // Null for a creator that exited before the dump.
    const DumpGoroutine* g = node.goroutine != CreationNode::kAbsent ? &m_store->dump->goroutines[node.goroutine] : nullptr;
    const Symbols& symbols = m_store->symbols;
    switch (Column(index.column())) {
    case Goroutine:
        return g ? tr("goroutine %1").arg(node.id) : tr("goroutine %1 (exited)").arg(node.id);
    case Function:
        return g ? startFunction(symbols, g->stack) : QString();
    case State:
        return g ? statusText(symbols, g->state, g->waitMinutes) : QString();
    case Descendants:
        return QVariant::fromValue(node.subtreeSize);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CreationTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Goroutine:
        return tr("Goroutine");
    case Function:
        return tr("Start function");
    case State:
        return tr("State");
    case Descendants:
        return tr("Goroutines");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace gs::ui
