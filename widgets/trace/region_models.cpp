// SPDX-License-Identifier: MIT
#include "widgets/trace/region_models.h"

#include "widgets/common/capture_display.h"
#include "widgets/timeline/span_description.h"

namespace gs::ui {

RegionTypeModel::RegionTypeModel(QObject* parent)
    : LatencyTypeModel(ColumnCount, parent)
{
}

void RegionTypeModel::setStore(std::shared_ptr<const EventStore> store)
{
    beginResetModel();
    m_store = store && store->trace ? std::move(store) : nullptr;
    m_types = m_store ? summarizeRegions(*m_store->trace, m_store->symbols.strings) : std::vector<RegionTypeSummary>();
    endResetModel();
}

size_t RegionTypeModel::instanceCount(int row) const
{
    return m_types[size_t(row)].instances.size();
}

std::optional<TimeNs> RegionTypeModel::durationOf(int row, size_t i) const
{
    const UserRegion& r = *m_types[size_t(row)].instances[i];
    return r.end - r.start;
}

QVariant RegionTypeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_store)
        return {};
    if (role == Qt::TextAlignmentRole)
        return rightAligned(index.column(), Count);
    const RegionTypeSummary& s = m_types[size_t(index.row())];
    switch (Column(index.column())) {
    case Type: {
        const QString name = captureText(m_store->symbols.strings.get(s.type));
        return role == Qt::DisplayRole || role == kLatencySortRole ? QVariant(name) : QVariant();
    }
    case Count:
        return countData(s.instances.size(), role);
    case Total:
        return durationData(s.totalNs, role);
    case P50:
        return durationData(s.p50Ns, role);
    case P90:
        return durationData(s.p90Ns, role);
    case P99:
        return durationData(s.p99Ns, role);
    case Max:
        return durationData(s.maxNs, role);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RegionTypeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section >= P50 && section <= P99)
        return tr("Nearest-rank percentile of the region durations");
    if (role != Qt::DisplayRole)
        return {};
    static const char* const kNames[] = {"Region type", "Count", "Total", "p50", "p90", "p99", "Max"};
    return section < ColumnCount ? tr(kNames[section]) : QVariant();
}

RegionInstanceModel::RegionInstanceModel(const RegionTypeModel* types, QObject* parent)
    : LatencyInstanceModel(ColumnCount, parent)
    , m_types(types)
{
}

const UserRegion& RegionInstanceModel::regionAt(int row) const
{
    return *m_types->types()[size_t(typeRow())].instances[instanceAt(row)];
}

TimelinePlace RegionInstanceModel::placeOf(int row) const
{
    const UserRegion& r = regionAt(row);
    return {store()->trace->rowOf(r.goroutine), r.start, r.end};
}

QVariant RegionInstanceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || typeRow() < 0)
        return {};
    if (role == Qt::TextAlignmentRole)
        return rightAligned(index.column(), Goroutine);
    const UserRegion& r = regionAt(index.row());
    switch (Column(index.column())) {
    case Goroutine:
        return goroutineData(r.goroutine, role);
    case Task:
        return taskData(r.task, role);
    case Start:
        return durationData(r.start - store()->trace->startNs, role);
    case Duration:
        return durationData(r.end - r.start, role);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RegionInstanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char* const kNames[] = {"Goroutine", "Task", "Start", "Duration"};
    return section < ColumnCount ? tr(kNames[section]) : QVariant();
}

} // namespace gs::ui
