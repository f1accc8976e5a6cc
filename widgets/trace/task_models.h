// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/user_annotations.h"
#include "widgets/trace/latency_models.h"

#include <memory>
#include <vector>

namespace gs::ui {

// One row per task type (summarizeTaskTypes), as `go tool trace`'s "User-defined tasks" page:
// type, count, how many are complete (began and ended in the trace), and the percentiles of the
// complete ones' durations. GUI thread only.
class TaskTypeModel : public LatencyTypeModel
{
    Q_OBJECT
public:
    enum Column
    {
        Type,
        Count,
        Complete,
        P50,
        P90,
        P99,
        Max,
        ColumnCount
    };

    explicit TaskTypeModel(QObject* parent = nullptr);

    void setStore(std::shared_ptr<const EventStore> store) override;
    const std::vector<TaskTypeSummary>& types() const { return m_types; }
    size_t typeCount() const override { return m_types.size(); }
    size_t instanceCount(int row) const override;
    std::optional<TimeNs> durationOf(int row, size_t i) const override;

    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const EventStore> m_store;
    std::vector<TaskSummary> m_tasks; // what m_types points into
    std::vector<TaskTypeSummary> m_types;
};

// The tasks of one type: ID, parent, the goroutine that began it, how many goroutines took part,
// logs, start (since the trace start) and duration ("unfinished" for a task that did not both
// begin and end in the trace). GUI thread only.
class TaskInstanceModel : public LatencyInstanceModel
{
    Q_OBJECT
public:
    enum Column
    {
        Id,
        Parent,
        Goroutine,
        Goroutines,
        Logs,
        Start,
        Duration,
        ColumnCount
    };

    explicit TaskInstanceModel(const TaskTypeModel* types, QObject* parent = nullptr);

    const TaskSummary& taskAt(int row) const;
    // The goroutine that began the task (or ended it, when it began before the trace) and its
    // lifetime in the trace.
    TimelinePlace placeOf(int row) const override;

    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const TaskTypeModel* m_types;
};

} // namespace gs::ui
