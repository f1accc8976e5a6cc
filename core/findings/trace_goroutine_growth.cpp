// SPDX-License-Identifier: MIT
// goroutine-growth: the live goroutine count rising through the trace and holding there (not a
// burst that drains), with the start functions of the goroutines created and never ended.
#include "core/analysis/value_format.h"
#include "core/findings/trace_sched_rules.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace gs::findings {

namespace {

constexpr size_t kListed = 5;           // functions and goroutines a finding names
constexpr double kMinShareOfTop = 0.05; // a function listed left at least a twentieth as many as the first

// What the goroutines wait on at the end: the most common wait reason of their last spans ("" when
// none waits), and the longest of those waits.
struct LastWait
{
    std::string reason;
    TimeNs longestNs = 0;
};

LastWait lastWaitOf(const EventStore& store, const std::vector<GoroutineRow>& rows)
{
    const TraceData& trace = *store.trace;
    std::unordered_map<StringId, std::pair<size_t, TimeNs>> byReason; // count, longest
    for (const GoroutineRow r : rows) {
        const auto [begin, end] = trace.spans.rowRange(r);
        if (begin < end && trace.spans.stateOf(end - 1) == SpanState::Waiting) {
            auto& [count, longest] = byReason[trace.spans.reasonOf(end - 1)];
            ++count;
            longest = std::max(longest, trace.spans.durationOf(end - 1));
        }
    }
    const auto most = std::max_element(byReason.begin(), byReason.end(), [](const auto& a, const auto& b) {
        return std::tie(a.second.first, b.first) < std::tie(b.second.first, a.first);
    });
    if (most == byReason.end())
        return {};
    return {std::string(store.symbols.strings.get(most->first)), most->second.second};
}

} // namespace

void findGoroutineGrowth(const FindingInput& in, std::vector<Finding>& out)
{
    const TraceData& trace = *in.store.trace;
    const FindingThresholds& limits = in.limits;
    const Series& count = trace.goroutineCount;
    const TimeNs traceNs = trace.endNs - trace.startNs;
    if (count.size() < 2 || traceNs <= 0)
        return;
    const int64_t first = count[0].value;
    const int64_t last = count[count.size() - 1].value;
    int64_t peak = 0;
    for (size_t i = 0; i < count.size(); ++i)
        peak = std::max(peak, count[i].value);
    const int64_t growth = last - first;
    if (growth < limits.goroutineGrowth || last < 2 * first || double(last) < limits.growthHeldShare * double(peak))
        return;

    // The goroutines the trace saw created and never saw end, by start function.
    FunctionTally leftByFunction;
    size_t left = 0;
    for (GoroutineRow r = 0; r < trace.goroutines.size(); ++r) {
        const Goroutine g = trace.goroutines[r];
        if (g.createdNs > trace.startNs && g.endNs < 0) {
            leftByFunction[g.startFunction] += 1;
            ++left;
        }
    }
    if (in.stop.stop_requested())
        return;
    const auto functions = largestFunctions(in.store.symbols, leftByFunction, kListed, kMinShareOfTop);
    std::vector<GoroutineRow> topRows; // the goroutines the first function left
    if (!functions.empty())
        for (GoroutineRow r = 0; r < trace.goroutines.size(); ++r) {
            const Goroutine g = trace.goroutines[r];
            if (g.createdNs > trace.startNs && g.endNs < 0 && g.hasStartFunction()
                && in.store.symbols.functionName(g.startFunction) == functions.front().first)
                topRows.push_back(r);
        }

    const double seconds = double(traceNs) / 1e9;
    Finding f;
    f.kind = "goroutine-growth";
    f.severity = growth >= limits.goroutineGrowthSevere ? Severity::High : Severity::Medium;
    f.weight = std::min(1.0, double(left) / double(std::max<size_t>(1, trace.goroutines.size())));
    f.title = "live goroutines grew from " + std::to_string(first) + " to " + std::to_string(last);
    if (!functions.empty()) {
        f.title += "; " + std::to_string(topRows.size()) + " goroutines in " + functions.front().first + " never ended";
        if (const LastWait wait = lastWaitOf(in.store, topRows); !wait.reason.empty())
            f.title += ", blocked on " + wait.reason + " for up to " + formatValue(wait.longestNs, "nanoseconds");
    }
    f.detail = "Goroutines are created faster than they end, and the count does not come back down: a leak in "
               "the making if it goes on. Look at what the goroutines named wait for, and who should end them.";
    f.functions = functionNames(functions);
    for (size_t i = 0; i < topRows.size() && i < kListed; ++i)
        f.goroutines.push_back(trace.goroutines.idOf(topRows[i]));
    f.with("goroutines_start", double(first), "count")
        .with("goroutines_end", double(last), "count")
        .with("goroutines_peak", double(peak), "count")
        .with("never_ended", double(left), "count")
        .with("never_ended_per_second", double(left) / seconds, "per_second");
    f.startNs = trace.startNs;
    f.endNs = trace.endNs;
    out.push_back(std::move(f));
}

} // namespace gs::findings
