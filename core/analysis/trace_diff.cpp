// SPDX-License-Identifier: MIT
#include "core/analysis/trace_diff.h"

#include "core/analysis/user_annotations.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>

namespace gs {

namespace {

// The goroutines of a trace grouped by the name of their start function, as the goroutine
// analysis groups them ("" for those without one).
std::map<std::string, GoroutineGroupTimes> startFunctionTimes(const EventStore& store)
{
    const TraceData& trace = *store.trace;
    std::map<std::string, GoroutineGroupTimes> groups;
    for (GoroutineRow row = 0; row < trace.goroutines.size(); ++row) {
        const Goroutine g = trace.goroutines[row];
        const GoroutineStats stats = trace.goroutineStats(row);
        GoroutineGroupTimes& t
            = groups[g.hasStartFunction() ? std::string(store.symbols.functionName(g.startFunction)) : std::string()];
        ++t.goroutines;
        t.execNs += stats.execNs;
        t.schedWaitNs += stats.schedWaitNs;
        t.syscallNs += stats.syscallNs;
        t.syscallBlockNs += stats.syscallBlockNs;
        for (const auto& [reason, ns] : stats.blockNsByReason)
            t.blockNsByReason[std::string(store.symbols.strings.get(reason))] += ns;
        t.totalNs += stats.totalNs;
    }
    return groups;
}

std::map<std::string, RegionLatency> regionLatencies(const EventStore& store)
{
    std::map<std::string, RegionLatency> types;
    for (const RegionTypeSummary& s : summarizeRegions(*store.trace, store.symbols.strings)) {
        types[std::string(store.symbols.strings.get(s.type))]
            = {int64_t(s.instances.size()), s.totalNs, s.p50Ns, s.p90Ns, s.p99Ns, s.maxNs};
    }
    return types;
}

GoroutineGroupTimes minus(const GoroutineGroupTimes& a, const GoroutineGroupTimes& b)
{
    GoroutineGroupTimes d;
    d.goroutines = a.goroutines - b.goroutines;
    d.execNs = a.execNs - b.execNs;
    d.schedWaitNs = a.schedWaitNs - b.schedWaitNs;
    d.syscallNs = a.syscallNs - b.syscallNs;
    d.syscallBlockNs = a.syscallBlockNs - b.syscallBlockNs;
    d.blockNsByReason = a.blockNsByReason;
    for (const auto& [reason, ns] : b.blockNsByReason)
        d.blockNsByReason[reason] -= ns;
    d.totalNs = a.totalNs - b.totalNs;
    return d;
}

RegionLatency minus(const RegionLatency& a, const RegionLatency& b)
{
    return {a.count - b.count, a.totalNs - b.totalNs, a.p50Ns - b.p50Ns,
            a.p90Ns - b.p90Ns, a.p99Ns - b.p99Ns,     a.maxNs - b.maxNs};
}

// Pairs the entries of both sides by name, each side's absent ones left empty, with the
// differences.
template<typename Times>
std::vector<SideBySide<Times>> join(const std::map<std::string, Times>& before,
                                    const std::map<std::string, Times>& after)
{
    std::vector<SideBySide<Times>> out;
    for (const auto& [key, times] : before) {
        auto& e = out.emplace_back();
        e.name = key;
        e.before = times;
        if (auto it = after.find(key); it != after.end())
            e.after = it->second;
    }
    for (const auto& [key, times] : after) {
        if (!before.count(key)) {
            auto& e = out.emplace_back();
            e.name = key;
            e.after = times;
        }
    }
    for (auto& e : out)
        e.difference = minus(e.after.value_or(Times {}), e.before.value_or(Times {}));
    return out;
}

} // namespace

TraceDiff diffTraces(const EventStore& before, const EventStore& after)
{
    TraceDiff diff;
    diff.startFunctions
        = join(startFunctionTimes(before), startFunctionTimes(after));
    std::sort(diff.startFunctions.begin(), diff.startFunctions.end(),
              [](const StartFunctionDiff& a, const StartFunctionDiff& b) {
                  const TimeNs ta = std::llabs(a.difference.totalNs), tb = std::llabs(b.difference.totalNs);
                  return std::tie(tb, a.name) < std::tie(ta, b.name);
              });
    diff.regionTypes = join(regionLatencies(before), regionLatencies(after));
    std::sort(diff.regionTypes.begin(), diff.regionTypes.end(), [](const RegionTypeDiff& a, const RegionTypeDiff& b) {
        const TimeNs pa = std::llabs(a.difference.p90Ns), pb = std::llabs(b.difference.p90Ns);
        const TimeNs ta = std::llabs(a.difference.totalNs), tb = std::llabs(b.difference.totalNs);
        return std::tie(pb, tb, a.name) < std::tie(pa, ta, b.name);
    });
    return diff;
}

} // namespace gs
