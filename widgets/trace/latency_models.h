// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QAbstractTableModel>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace gs::ui {

// The role that sorts the tables of the Regions and Tasks tabs by value (durations in ns, counts)
// rather than by their text.
inline constexpr int kLatencySortRole = Qt::UserRole + 1;

// Durations shown for people, sorted by nanoseconds.
QVariant durationData(TimeNs ns, int role);
// Text and its sort key for a count.
QVariant countData(uint64_t count, int role);
// "G12", sorted by the goroutine ID.
QVariant goroutineData(int64_t goroutine, int role);
// A task ID, or "-" for none (0, the background task), sorted by ID.
QVariant taskData(uint64_t task, int role);
// Right alignment for the columns from firstNumeric on.
QVariant rightAligned(int column, int firstNumeric);

// One row per kind of annotation (a region type, a task type) with the durations of its instances:
// the left table of a LatencyTab. GUI thread only.
class LatencyTypeModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    LatencyTypeModel(int columns, QObject* parent);

    // Summarises the annotations of `store` (none without a trace).
    virtual void setStore(std::shared_ptr<const EventStore> store) = 0;
    virtual size_t typeCount() const = 0;
    // How many instances type `row` has, and the duration of the i-th; nullopt for an instance
    // without one (a task that did not end in the trace).
    virtual size_t instanceCount(int row) const = 0;
    virtual std::optional<TimeNs> durationOf(int row, size_t i) const = 0;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;

private:
    int m_columns;
};

// Where an instance is on the timeline: the goroutine that owns it (kNoRow for none) and its time.
struct TimelinePlace
{
    GoroutineRow row = kNoRow;
    TimeNs start = 0;
    TimeNs end = 0;
};

// The instances of one type of a LatencyTypeModel, all of them or those whose duration lies in a
// range (a histogram's bins): the right table of a LatencyTab. GUI thread only.
class LatencyInstanceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    LatencyInstanceModel(int columns, QObject* parent);

    // Shows the instances of type `typeRow` of `types` (none for -1) of a duration in
    // [durations->first, durations->second), or all of them.
    void show(std::shared_ptr<const EventStore> store, const LatencyTypeModel* types, int typeRow,
              std::optional<std::pair<TimeNs, TimeNs>> durations = std::nullopt);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    virtual TimelinePlace placeOf(int row) const = 0;

protected:
    const std::shared_ptr<const EventStore>& store() const { return m_store; }
    int typeRow() const { return m_typeRow; }
    // The index within its type of the instance on `row`.
    size_t instanceAt(int row) const { return m_shown[size_t(row)]; }

private:
    int m_columns;
    std::shared_ptr<const EventStore> m_store;
    int m_typeRow = -1;
    std::vector<size_t> m_shown;
};

} // namespace gs::ui
