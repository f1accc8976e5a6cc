// SPDX-License-Identifier: MIT
#include "widgets/goroutines/goroutine_order.h"

#include "core/analysis/row_order.h"

#include <algorithm>
#include <string_view>

namespace gs::ui {

namespace {

TimeNs blockedOn(const GoroutineStats& stats, StringId reason)
{
    const auto& by = stats.blockNsByReason; // sorted by reason id
    const auto it = std::lower_bound(by.begin(), by.end(), reason,
                                     [](const std::pair<StringId, TimeNs>& e, StringId r) { return e.first < r; });
    return it != by.end() && it->first == reason ? it->second : 0;
}

// The sort key of a numeric column (every column but the start function).
int64_t numericKey(const TraceData& t, GoroutineRow row, int column, const std::vector<StringId>& reasons)
{
    switch (column) {
    case IdColumn:
        return t.goroutines.idOf(row);
    case CreatedByColumn:
        return t.goroutines.creatorIdOf(row);
    case ExecutionColumn: {
        // The span table's state mix: no GoroutineStats (and its list) per goroutine.
        TimeNs mix[kSpanStateCount];
        const auto [first, last] = t.spans.rowRange(row);
        t.spans.stateMix(row, first, last, mix);
        return mix[size_t(SpanState::Running)];
    }
    default:
        return columnDuration(t.goroutineStats(row), column, reasons);
    }
}

} // namespace

TimeNs columnDuration(const GoroutineStats& stats, int column, const std::vector<StringId>& reasons)
{
    switch (column) {
    case ExecutionColumn:
        return stats.execNs;
    case SchedWaitColumn:
        return stats.schedWaitNs;
    case SyscallColumn:
        return stats.syscallNs + stats.syscallBlockNs;
    default:
        break;
    }
    const int total = FirstWaitReasonColumn + int(reasons.size());
    if (column == total)
        return stats.totalNs;
    if (column >= FirstWaitReasonColumn && column < total)
        return blockedOn(stats, reasons[size_t(column - FirstWaitReasonColumn)]);
    return 0;
}

GoroutineOrder sortGoroutines(const EventStore& store, std::shared_ptr<const std::vector<uint8_t>> keep,
                              const std::vector<StringId>& reasons, int column, Qt::SortOrder order)
{
    GoroutineOrder out;
    out.column = column;
    out.order = order;
    out.keep = std::move(keep);
    if (!store.trace)
        return out;
    const TraceData& t = *store.trace;
    const size_t n = t.goroutines.size();
    const std::vector<uint8_t>* mask = out.keep.get();
    auto kept = [mask](GoroutineRow r) { return !mask || (r < mask->size() && (*mask)[r]); };
    const bool ascending = order == Qt::AscendingOrder;
    if (column == StartFunctionColumn) {
        for (GoroutineRow r = 0; r < n; ++r) {
            if (kept(r))
                out.rows.push_back(r);
        }
        auto name = [&](GoroutineRow r) {
            const FunctionId f = t.goroutines.startFunctionOf(r);
            return f != UINT32_MAX ? store.symbols.functionName(f) : std::string_view();
        };
        std::sort(out.rows.begin(), out.rows.end(), [&](GoroutineRow a, GoroutineRow b) {
            const std::string_view na = name(a), nb = name(b);
            if (na != nb)
                return ascending ? na < nb : nb < na;
            return t.goroutines.idOf(a) < t.goroutines.idOf(b);
        });
    } else {
        out.rows = rowsByKey(
            t, [&](GoroutineRow r) { return numericKey(t, r, column, reasons); }, !ascending, kept);
    }
    out.displayRowOf.assign(n, -1);
    for (size_t i = 0; i < out.rows.size(); ++i)
        out.displayRowOf[out.rows[i]] = int(i);
    for (size_t i = 0; i < std::min(out.rows.size(), GoroutineOrder::kFirstStats); ++i)
        out.firstStats.push_back(t.goroutineStats(out.rows[i]));
    return out;
}

} // namespace gs::ui
