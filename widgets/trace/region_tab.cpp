// SPDX-License-Identifier: MIT
#include "widgets/trace/region_tab.h"

#include "widgets/trace/region_models.h"
#include "widgets/trace/trace_session.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>

namespace gs::ui {

namespace {

// A sortable single-selection table over `model`, sorted by kRegionSortRole.
QTableView* sortedTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(kRegionSortRole);
    auto* view = new QTableView(parent);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    return view;
}

QModelIndex sourceOf(const QTableView* view, int proxyRow)
{
    const auto* proxy = static_cast<const QSortFilterProxyModel*>(view->model());
    return proxy->mapToSource(proxy->index(proxyRow, 0));
}

} // namespace

RegionTab::RegionTab(TraceSession* session, QWidget* parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_session(session)
    , m_types(new RegionTypeModel(this))
    , m_instances(new RegionInstanceModel(this))
{
    m_typeView = sortedTable(m_types, this);
    m_typeView->setObjectName(QStringLiteral("regionTypes"));
    m_instanceView = sortedTable(m_instances, this);
    m_instanceView->setObjectName(QStringLiteral("regionInstances"));
    addWidget(m_typeView);
    addWidget(m_instanceView);
    setStretchFactor(0, 3);
    setStretchFactor(1, 2);
    connect(m_typeView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showType(current.row()); });
    connect(m_instanceView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { chooseInstance(current.row()); });
    connect(m_session, &TraceSession::storeChanged, this, [this] {
        m_stale = true;
        if (isVisible())
            summarize();
    });
}

void RegionTab::showEvent(QShowEvent* event)
{
    QSplitter::showEvent(event);
    if (m_stale)
        summarize();
}

void RegionTab::summarize()
{
    m_stale = false;
    m_instances->setType(nullptr, nullptr);
    m_types->setStore(m_session->store());
    m_typeView->sortByColumn(RegionTypeModel::Type, Qt::AscendingOrder);
    m_typeView->resizeColumnsToContents();
}

void RegionTab::showType(int proxyRow)
{
    const QModelIndex source = sourceOf(m_typeView, proxyRow);
    m_instances->setType(m_session->store(), source.isValid() ? &m_types->types()[size_t(source.row())] : nullptr);
    m_instanceView->sortByColumn(RegionInstanceModel::Start, Qt::AscendingOrder);
    m_instanceView->resizeColumnsToContents();
}

void RegionTab::chooseInstance(int proxyRow)
{
    const QModelIndex source = sourceOf(m_instanceView, proxyRow);
    const StorePtr& store = m_session->store();
    if (!source.isValid() || !store || !store->trace)
        return;
    const UserRegion& r = m_instances->regionAt(source.row());
    emit regionChosen(store->trace->rowOf(r.goroutine), r.start, r.end);
}

} // namespace gs::ui
