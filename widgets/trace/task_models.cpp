// SPDX-License-Identifier: MIT
#include "widgets/trace/task_models.h"

#include "widgets/common/capture_display.h"
#include "widgets/timeline/span_description.h"

namespace gs::ui {

TaskTypeModel::TaskTypeModel(QObject* parent)
    : LatencyTypeModel(ColumnCount, parent)
{
}

void TaskTypeModel::setStore(std::shared_ptr<const EventStore> store)
{
    beginResetModel();
    m_store = store && store->trace ? std::move(store) : nullptr;
    m_types.clear();
    m_tasks = m_store ? summarizeTasks(*m_store->trace) : std::vector<TaskSummary>();
    if (m_store)
        m_types = summarizeTaskTypes(m_tasks, m_store->symbols.strings);
    endResetModel();
}

size_t TaskTypeModel::instanceCount(int row) const
{
    return m_types[size_t(row)].instances.size();
}

std::optional<TimeNs> TaskTypeModel::durationOf(int row, size_t i) const
{
    const UserTask& t = *m_types[size_t(row)].instances[i]->task;
    return taskComplete(t) ? std::optional<TimeNs>(t.end - t.start) : std::nullopt;
}

QVariant TaskTypeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_store)
        return {};
    if (role == Qt::TextAlignmentRole)
        return rightAligned(index.column(), Count);
    const TaskTypeSummary& s = m_types[size_t(index.row())];
    // Percentiles of no complete task would read as zero durations.
    const bool timed = s.complete != 0;
    switch (Column(index.column())) {
    case Type: {
        const QString name = captureText(m_store->symbols.strings.get(s.type));
        return role == Qt::DisplayRole || role == kLatencySortRole ? QVariant(name) : QVariant();
    }
    case Count:
        return countData(s.instances.size(), role);
    case Complete:
        return countData(s.complete, role);
    case P50:
        return timed ? durationData(s.p50Ns, role) : QVariant();
    case P90:
        return timed ? durationData(s.p90Ns, role) : QVariant();
    case P99:
        return timed ? durationData(s.p99Ns, role) : QVariant();
    case Max:
        return timed ? durationData(s.maxNs, role) : QVariant();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TaskTypeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == Complete)
        return tr("Tasks that began and ended in the trace: only they have a duration");
    if (role == Qt::ToolTipRole && section >= P50 && section <= P99)
        return tr("Nearest-rank percentile of the durations of the complete tasks");
    if (role != Qt::DisplayRole)
        return {};
    static const char* const kNames[] = {"Task type", "Count", "Complete", "p50", "p90", "p99", "Max"};
    return section < ColumnCount ? tr(kNames[section]) : QVariant();
}

TaskInstanceModel::TaskInstanceModel(const TaskTypeModel* types, QObject* parent)
    : LatencyInstanceModel(ColumnCount, parent)
    , m_types(types)
{
}

const TaskSummary& TaskInstanceModel::taskAt(int row) const
{
    return *m_types->types()[size_t(typeRow())].instances[instanceAt(row)];
}

TimelinePlace TaskInstanceModel::placeOf(int row) const
{
    const TraceData& t = *store()->trace;
    const UserTask& k = *taskAt(row).task;
    const int64_t owner = k.goroutine != kNoGoroutineId ? k.goroutine : k.endGoroutine;
    return {owner != kNoGoroutineId ? t.rowOf(owner) : kNoRow, taskStartNs(t, k), taskEndNs(t, k)};
}

QVariant TaskInstanceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || typeRow() < 0)
        return {};
    if (role == Qt::TextAlignmentRole)
        return rightAligned(index.column(), Id);
    const TaskSummary& s = taskAt(index.row());
    const UserTask& k = *s.task;
    const TraceData& t = *store()->trace;
    switch (Column(index.column())) {
    case Id:
        return taskData(k.id, role);
    case Parent:
        return taskData(k.parent, role);
    case Goroutine:
        return k.goroutine == kNoGoroutineId ? QVariant() : goroutineData(k.goroutine, role);
    case Goroutines:
        return countData(s.goroutines.size(), role);
    case Logs:
        return countData(s.logs, role);
    case Start:
        if (k.start < 0)
            return role == kLatencySortRole ? QVariant(qlonglong(-1))
                   : role == Qt::DisplayRole ? QVariant(tr("before the trace"))
                                             : QVariant();
        return durationData(k.start - t.startNs, role);
    case Duration:
        if (!taskComplete(k))
            // Unfinished tasks sort after every duration.
            return role == kLatencySortRole ? QVariant(qlonglong(INT64_MAX))
                   : role == Qt::DisplayRole ? QVariant(tr("unfinished"))
                                             : QVariant();
        return durationData(k.end - k.start, role);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TaskInstanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == Goroutines)
        return tr("Goroutines that took part: began or ended the task, or began a region or logged in it");
    if (role != Qt::DisplayRole)
        return {};
    static const char* const kNames[] = {"Task", "Parent", "Began on", "Goroutines", "Logs", "Start", "Duration"};
    return section < ColumnCount ? tr(kNames[section]) : QVariant();
}

} // namespace gs::ui
