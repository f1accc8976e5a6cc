// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <Qt>

#include <cstdint>
#include <memory>
#include <vector>

namespace gs::ui {

// The goroutine table's columns: after Syscall come one column per wait reason (in the order of
// `reasons`), then the total.
enum GoroutineColumn
{
    IdColumn,
    StartFunctionColumn,
    CreatedByColumn,
    ExecutionColumn,
    SchedWaitColumn,
    SyscallColumn,
    // Not FirstReasonColumn: GoroutineTableModel's enumerator of that name would shadow it.
    FirstWaitReasonColumn,
};

// The nanoseconds a duration column shows for a goroutine with these statistics.
TimeNs columnDuration(const GoroutineStats& stats, int column, const std::vector<StringId>& reasons);

// The goroutine table's rows in display order, and the way back.
struct GoroutineOrder
{
    int column = ExecutionColumn;
    Qt::SortOrder order = Qt::DescendingOrder;
    std::shared_ptr<const std::vector<uint8_t>> keep; // the mask it was sorted for; null: all
    std::vector<uint32_t> rows;                 // display row -> goroutine row
    std::vector<int> displayRowOf;              // goroutine row -> display row, -1 when filtered out
    // The statistics of the first rows, those shown first: a long-lived goroutine's take
    // milliseconds to sum from its spans, too long for the GUI thread when a screenful has dozens.
    std::vector<GoroutineStats> firstStats;
    static constexpr size_t kFirstStats = 128;
};
using GoroutineOrderPtr = std::shared_ptr<const GoroutineOrder>;

// The goroutine rows `keep` keeps (all when null), sorted by `column`: ties broken by goroutine
// ID ascending in either direction, so the order is deterministic. O(n log n) over the kept rows;
// millions of goroutines take a second or more, so large tables sort on a worker thread.
GoroutineOrder sortGoroutines(const EventStore& store, std::shared_ptr<const std::vector<uint8_t>> keep,
                              const std::vector<StringId>& reasons, int column, Qt::SortOrder order);

} // namespace gs::ui
