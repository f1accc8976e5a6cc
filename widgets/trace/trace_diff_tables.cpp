// SPDX-License-Identifier: MIT
#include "widgets/trace/trace_diff_tables.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace gs::ui {

namespace {

template<typename Times>
using Measure = std::function<int64_t(const Times&)>;

// The row of one entry: each measure taken on both sides (zeros where the entry is absent) and
// on the diff's difference.
template<typename Times>
ComparedRow rowOf(const SideBySide<Times>& e, const std::vector<Measure<Times>>& measures)
{
    ComparedRow row;
    row.name = e.name;
    row.isNew = e.isNew();
    row.isGone = e.isGone();
    row.unchanged = e.unchanged();
    const Times before = e.before.value_or(Times {});
    const Times after = e.after.value_or(Times {});
    for (const Measure<Times>& m : measures) {
        row.before.push_back(m(before));
        row.after.push_back(m(after));
        row.difference.push_back(m(e.difference));
    }
    row.details.resize(measures.size());
    return row;
}

TimeNs blockedNs(const GoroutineGroupTimes& t)
{
    TimeNs sum = 0;
    for (const auto& [reason, ns] : t.blockNsByReason)
        sum += ns;
    return sum;
}

// "chan receive: 1.2 ms → 1.5 ms (+300 µs)", one line per wait reason of either side.
QString blockedByReason(const StartFunctionDiff& f)
{
    const GoroutineGroupTimes before = f.before.value_or(GoroutineGroupTimes {});
    const GoroutineGroupTimes after = f.after.value_or(GoroutineGroupTimes {});
    const auto timeOf = [](const GoroutineGroupTimes& t, const std::string& reason) {
        const auto it = t.blockNsByReason.find(reason);
        return it == t.blockNsByReason.end() ? TimeNs(0) : it->second;
    };
    QStringList lines;
    for (const auto& [reason, change] : f.difference.blockNsByReason) {
        lines << QObject::tr("%1: %2 \u2192 %3 (%4)")
                     .arg(reason.empty() ? QObject::tr("(no reason)") : captureText(reason),
                          formatValue(timeOf(before, reason), "nanoseconds"),
                          formatValue(timeOf(after, reason), "nanoseconds"), formatDelta(change, "nanoseconds"));
    }
    return lines.isEmpty() ? QString() : QObject::tr("By wait reason, before \u2192 after:\n") + lines.join(QLatin1Char('\n'));
}

} // namespace

ComparedTable startFunctionComparison(const TraceDiff& diff)
{
    // Total first: the rows are sorted by its change.
    ComparedTable table;
    table.nameHeader = QObject::tr("Start function");
    table.emptyName = QObject::tr("(unknown start function)");
    table.measures = {
        {QObject::tr("Total"), QObject::tr("the goroutines' lifetimes in the trace, summed"), "nanoseconds"},
        {QObject::tr("Goroutines"), QObject::tr("goroutines started by this function"), "count"},
        {QObject::tr("Exec"), QObject::tr("time running on a processor, summed over the goroutines"), "nanoseconds"},
        {QObject::tr("Sched wait"), QObject::tr("time runnable, waiting for a processor, summed over the goroutines"),
         "nanoseconds"},
        {QObject::tr("Syscall"), QObject::tr("time in system calls, running or blocked, summed over the goroutines"),
         "nanoseconds"},
        {QObject::tr("Blocked"), QObject::tr("time waiting (channels, locks, network, sleep...), summed over the goroutines"),
         "nanoseconds"},
    };
    const std::vector<Measure<GoroutineGroupTimes>> measures = {
        [](const GoroutineGroupTimes& t) { return t.totalNs; },
        [](const GoroutineGroupTimes& t) { return t.goroutines; },
        [](const GoroutineGroupTimes& t) { return t.execNs; },
        [](const GoroutineGroupTimes& t) { return t.schedWaitNs; },
        [](const GoroutineGroupTimes& t) { return t.syscallNs + t.syscallBlockNs; },
        blockedNs,
    };
    constexpr size_t kBlocked = 5;
    for (const StartFunctionDiff& f : diff.startFunctions) {
        ComparedRow& row = table.rows.emplace_back(rowOf(f, measures));
        row.details[kBlocked] = blockedByReason(f);
    }
    return table;
}

ComparedTable regionTypeComparison(const TraceDiff& diff)
{
    ComparedTable table;
    table.nameHeader = QObject::tr("Region type");
    table.emptyName = QObject::tr("(unnamed region)");
    const QString percentile = QObject::tr("nearest-rank percentile of the region durations");
    table.measures = {
        {QObject::tr("Count"), QObject::tr("regions of this type"), "count"},
        {QObject::tr("p50"), percentile, "nanoseconds"},
        {QObject::tr("p90"), percentile + QObject::tr("; the rows are sorted by its change"), "nanoseconds"},
        {QObject::tr("p99"), percentile, "nanoseconds"},
        {QObject::tr("Max"), QObject::tr("the longest region"), "nanoseconds"},
    };
    const std::vector<Measure<RegionLatency>> measures = {
        [](const RegionLatency& l) { return l.count; },
        [](const RegionLatency& l) { return l.p50Ns; },
        [](const RegionLatency& l) { return l.p90Ns; },
        [](const RegionLatency& l) { return l.p99Ns; },
        [](const RegionLatency& l) { return l.maxNs; },
    };
    for (const RegionTypeDiff& r : diff.regionTypes)
        table.rows.push_back(rowOf(r, measures));
    return table;
}

} // namespace gs::ui
