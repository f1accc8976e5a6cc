// SPDX-License-Identifier: MIT
#include "widgets/trace/latency_tab.h"

#include "widgets/common/value_format.h"
#include "widgets/plots/duration_histogram_plot.h"
#include "widgets/timeline/span_description.h"
#include "widgets/trace/region_models.h"
#include "widgets/trace/task_models.h"
#include "widgets/trace/trace_session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace gs::ui {

namespace {

// A sortable single-selection table over `model`, sorted by kLatencySortRole.
QTableView* sortedTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(kLatencySortRole);
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

const QColor kBarColour(0x5a, 0x7d, 0xb8);

} // namespace

LatencyTab::LatencyTab(TraceSession* session, LatencyTypeModel* types, LatencyInstanceModel* instances,
                       const QString& one, const QString& many, QWidget* parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_session(session)
    , m_types(types)
    , m_instances(instances)
    , m_one(one)
    , m_many(many)
    , m_histogram(new DurationHistogramPlot)
    , m_summary(new QLabel)
    , m_showAll(new QPushButton(tr("Show All")))
{
    m_types->setParent(this);
    m_instances->setParent(this);
    m_typeView = sortedTable(m_types, this);
    m_instanceView = sortedTable(m_instances, this);
    m_histogram->setAxisLabels(tr("%1 duration (log scale)").arg(one), many);
    m_histogram->setMinimumSize(200, 100);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_showAll->setToolTip(tr("List every %1 of the type, not only those of the chosen durations").arg(one));
    m_showAll->setVisible(false);

    // Side by side, as the tab is usually short: types, the chosen type's histogram, its instances.
    m_summary->setWordWrap(true);
    auto* head = new QHBoxLayout;
    head->addWidget(m_summary, 1);
    head->addWidget(m_showAll, 0, Qt::AlignTop);
    auto* middle = new QWidget;
    auto* middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(2, 2, 2, 2);
    middleLayout->addLayout(head);
    middleLayout->addWidget(m_histogram, 1);
    addWidget(m_typeView);
    addWidget(middle);
    addWidget(m_instanceView);
    setStretchFactor(0, 2);
    setStretchFactor(1, 3);
    setStretchFactor(2, 2);

    connect(m_typeView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showType(current.row()); });
    connect(m_instanceView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { chooseInstance(current.row()); });
    connect(m_histogram, &DurationHistogramPlot::binsSelected, this, &LatencyTab::showBins);
    connect(m_showAll, &QPushButton::clicked, this, [this] { showInstances(std::nullopt); });
    connect(m_session, &TraceSession::storeChanged, this, [this] {
        m_stale = true;
        if (isVisible())
            summarize();
    });
}

QString LatencyTab::summary() const
{
    return m_summary->text();
}

void LatencyTab::showEvent(QShowEvent* event)
{
    QSplitter::showEvent(event);
    if (m_stale)
        summarize();
}

void LatencyTab::summarize()
{
    m_stale = false;
    m_typeRow = -1;
    m_instances->show(nullptr, nullptr, -1);
    m_types->setStore(m_session->store());
    m_typeView->sortByColumn(0, Qt::AscendingOrder);
    m_typeView->resizeColumnsToContents();
    showInstances(std::nullopt);
}

void LatencyTab::showType(int proxyRow)
{
    const QModelIndex source = sourceOf(m_typeView, proxyRow);
    m_typeRow = source.isValid() ? source.row() : -1;
    std::vector<TimeNs> durations;
    if (m_typeRow >= 0) {
        for (size_t i = 0, n = m_types->instanceCount(m_typeRow); i < n; ++i) {
            if (const auto d = m_types->durationOf(m_typeRow, i))
                durations.push_back(*d);
        }
    }
    m_histogram->setHistogram(buildDurationHistogram(std::move(durations)), kBarColour, m_one, m_many);
    showInstances(std::nullopt);
}

void LatencyTab::showBins(size_t first, size_t last)
{
    const DurationHistogram& h = m_histogram->histogram();
    showInstances(std::make_pair(h.lowerNs(first), h.upperNs(last)));
}

void LatencyTab::showInstances(std::optional<std::pair<TimeNs, TimeNs>> durations)
{
    // The proxy keeps the instances in the order the user sorted them by.
    m_instances->show(m_session->store(), m_types, m_typeRow, durations);
    m_instanceView->resizeColumnsToContents();
    m_showAll->setVisible(durations.has_value());
    if (m_typeRow < 0) {
        m_summary->setText(tr("Choose a type on the left: its %1 and their durations show here.").arg(m_many));
        return;
    }
    const DurationHistogram& h = m_histogram->histogram();
    const size_t all = m_types->instanceCount(m_typeRow);
    if (durations) {
        m_summary->setText(tr("%1 of %2 from %3 to %4")
                               .arg(formatCount(int64_t(m_instances->rowCount()), m_one, m_many))
                               .arg(all)
                               .arg(formatDuration(durations->first), formatDuration(durations->second)));
        return;
    }
    QString text = formatCount(int64_t(all), m_one, m_many);
    if (h.total != all)
        text += tr(", %1 with a duration").arg(h.total);
    if (h.total != 0)
        text += QStringLiteral(" \u00b7 ") + describePercentiles(h) + tr(" \u00b7 click a bar to list those");
    m_summary->setText(text);
}

void LatencyTab::chooseInstance(int proxyRow)
{
    const QModelIndex source = sourceOf(m_instanceView, proxyRow);
    const StorePtr& store = m_session->store();
    if (!source.isValid() || !store || !store->trace)
        return;
    const TimelinePlace place = m_instances->placeOf(source.row());
    emit instanceChosen(place.row, place.start, place.end);
}

RegionTab::RegionTab(TraceSession* session, QWidget* parent)
    : RegionTab(session, new RegionTypeModel, parent)
{
}

RegionTab::RegionTab(TraceSession* session, RegionTypeModel* types, QWidget* parent)
    : LatencyTab(session, types, new RegionInstanceModel(types), tr("region"), tr("regions"), parent)
{
    typeView()->setObjectName(QStringLiteral("regionTypes"));
    instanceView()->setObjectName(QStringLiteral("regionInstances"));
    histogram()->setObjectName(QStringLiteral("regionDurations"));
}

RegionTypeModel* RegionTab::typeModel() const
{
    return static_cast<RegionTypeModel*>(types());
}

RegionInstanceModel* RegionTab::instanceModel() const
{
    return static_cast<RegionInstanceModel*>(instances());
}

TaskTab::TaskTab(TraceSession* session, QWidget* parent)
    : TaskTab(session, new TaskTypeModel, parent)
{
}

TaskTab::TaskTab(TraceSession* session, TaskTypeModel* types, QWidget* parent)
    : LatencyTab(session, types, new TaskInstanceModel(types), tr("task"), tr("tasks"), parent)
{
    typeView()->setObjectName(QStringLiteral("taskTypes"));
    instanceView()->setObjectName(QStringLiteral("taskInstances"));
    histogram()->setObjectName(QStringLiteral("taskDurations"));
}

TaskTypeModel* TaskTab::typeModel() const
{
    return static_cast<TaskTypeModel*>(types());
}

TaskInstanceModel* TaskTab::instanceModel() const
{
    return static_cast<TaskInstanceModel*>(instances());
}

} // namespace gs::ui
