// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/user_annotations.h"
#include "widgets/trace/latency_models.h"

#include <memory>
#include <vector>

namespace gs::ui {

// One row per region type (summarizeRegions): type, count, total, p50, p90, p99, max, as
// `goroscope-cli regions` prints them. GUI thread only.
class RegionTypeModel : public LatencyTypeModel
{
    Q_OBJECT
public:
    enum Column
    {
        Type,
        Count,
        Total,
        P50,
        P90,
        P99,
        Max,
        ColumnCount
    };

    explicit RegionTypeModel(QObject* parent = nullptr);

    void setStore(std::shared_ptr<const EventStore> store) override;
    const std::vector<RegionTypeSummary>& types() const { return m_types; }
    size_t typeCount() const override { return m_types.size(); }
    size_t instanceCount(int row) const override;
    std::optional<TimeNs> durationOf(int row, size_t i) const override;

    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const EventStore> m_store;
    std::vector<RegionTypeSummary> m_types;
};

// The regions of one type: goroutine, task, start (since the trace start) and duration. GUI
// thread only.
class RegionInstanceModel : public LatencyInstanceModel
{
    Q_OBJECT
public:
    enum Column
    {
        Goroutine,
        Task,
        Start,
        Duration,
        ColumnCount
    };

    // Shows regions of the types of `types`.
    explicit RegionInstanceModel(const RegionTypeModel* types, QObject* parent = nullptr);

    const UserRegion& regionAt(int row) const;
    TimelinePlace placeOf(int row) const override;

    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const RegionTypeModel* m_types;
};

} // namespace gs::ui
