// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/user_annotations.h"
#include "core/model/event_store.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace gs::ui {

// The role that sorts the regions tab's tables by value (durations in ns, counts) rather than by
// their text.
inline constexpr int kRegionSortRole = Qt::UserRole + 1;

// One row per region type (summarizeRegions): type, count, total, p50, p90, p99, max, as
// `goroscope-cli regions` prints them. GUI thread only.
class RegionTypeModel : public QAbstractTableModel
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

    void setStore(std::shared_ptr<const EventStore> store);
    const std::vector<RegionTypeSummary>& types() const { return m_types; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const EventStore> m_store;
    std::vector<RegionTypeSummary> m_types;
};

// The regions of one type: goroutine, task, start (since the trace start) and duration. GUI
// thread only.
class RegionInstanceModel : public QAbstractTableModel
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

    explicit RegionInstanceModel(QObject* parent = nullptr);

    // The instances shown; `summary` lives in the RegionTypeModel of the same store.
    void setType(std::shared_ptr<const EventStore> store, const RegionTypeSummary* summary);
    const UserRegion& regionAt(int row) const { return *m_summary->instances[size_t(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const EventStore> m_store;
    const RegionTypeSummary* m_summary = nullptr;
};

} // namespace gs::ui
