// SPDX-License-Identifier: MIT
#include "widgets/trace/region_models.h"

#include "widgets/common/capture_display.h"
#include "widgets/timeline/span_description.h"

namespace gs::ui {

namespace {

// Durations shown for people, sorted by nanoseconds.
QVariant durationData(TimeNs ns, int role)
{
    if (role == kRegionSortRole)
        return qlonglong(ns);
    return role == Qt::DisplayRole ? QVariant(formatDuration(ns)) : QVariant();
}

QVariant rightAligned(int column, int firstNumeric)
{
    return column >= firstNumeric ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
}

} // namespace

RegionTypeModel::RegionTypeModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void RegionTypeModel::setStore(std::shared_ptr<const EventStore> store)
{
    beginResetModel();
    m_store = store && store->trace ? std::move(store) : nullptr;
    m_types = m_store ? summarizeRegions(*m_store->trace, m_store->symbols.strings) : std::vector<RegionTypeSummary>();
    endResetModel();
}

int RegionTypeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_types.size());
}

int RegionTypeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
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
        return role == Qt::DisplayRole || role == kRegionSortRole ? QVariant(name) : QVariant();
    }
    case Count:
        return role == Qt::DisplayRole || role == kRegionSortRole ? QVariant(qulonglong(s.instances.size())) : QVariant();
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

RegionInstanceModel::RegionInstanceModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void RegionInstanceModel::setType(std::shared_ptr<const EventStore> store, const RegionTypeSummary* summary)
{
    beginResetModel();
    m_store = std::move(store);
    m_summary = m_store ? summary : nullptr;
    endResetModel();
}

int RegionInstanceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_summary ? 0 : int(m_summary->instances.size());
}

int RegionInstanceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegionInstanceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_summary)
        return {};
    if (role == Qt::TextAlignmentRole)
        return rightAligned(index.column(), Goroutine);
    const UserRegion& r = regionAt(index.row());
    const bool shown = role == Qt::DisplayRole || role == kRegionSortRole;
    switch (Column(index.column())) {
    case Goroutine:
        return !shown ? QVariant() : role == kRegionSortRole ? QVariant(qlonglong(r.goroutine)) : QVariant(QStringLiteral("G%1").arg(r.goroutine));
    case Task:
        return !shown ? QVariant() : r.task == 0 ? QVariant(QStringLiteral("-")) : QVariant(QString::number(r.task));
    case Start:
        return durationData(r.start - m_store->trace->startNs, role);
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
