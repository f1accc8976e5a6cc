// SPDX-License-Identifier: MIT
// goroutine-storm: very many goroutines created within a short stretch, far above the rate in the
// rest of the trace, with the functions that created them and what they run.
#include "core/analysis/value_format.h"
#include "core/findings/trace_sched_rules.h"

#include <algorithm>
#include <cmath>

namespace gs::findings {

namespace {

constexpr size_t kListed = 5;          // functions and goroutines a finding names
constexpr double kMinShareOfTop = 0.1; // a function listed made at least a tenth as many as the first

} // namespace

void findGoroutineStorm(const FindingInput& in, std::vector<Finding>& out)
{
    const TraceData& trace = *in.store.trace;
    const FindingThresholds& limits = in.limits;
    const TimeNs traceNs = trace.endNs - trace.startNs;
    if (traceNs <= limits.stormWindowNs)
        return;

    // Creation times of the goroutines created during the trace; the busiest window of them.
    std::vector<TimeNs> created;
    for (GoroutineRow r = 0; r < trace.goroutines.size(); ++r)
        if (const TimeNs t = trace.goroutines.createdNsOf(r); t > trace.startNs)
            created.push_back(t);
    if (created.size() < size_t(limits.stormGoroutines))
        return;
    std::sort(created.begin(), created.end());
    size_t bestFirst = 0;
    size_t bestCount = 0;
    for (size_t first = 0, last = 0; first < created.size(); ++first) {
        while (last < created.size() && created[last] < created[first] + limits.stormWindowNs)
            ++last;
        if (last - first > bestCount) {
            bestCount = last - first;
            bestFirst = first;
        }
    }
    // The rate in the busiest window against the rate in the rest of the trace: a burst stands out
    // from it, a server's steady flow does not.
    const double windowRate = double(bestCount) * 1e9 / double(limits.stormWindowNs);
    const TimeNs restNs = std::max(limits.stormWindowNs, traceNs - limits.stormWindowNs);
    const double restRate = double(created.size() - bestCount) * 1e9 / double(restNs);
    if (bestCount < size_t(limits.stormGoroutines) || windowRate < limits.stormRateFactor * restRate)
        return;
    const TimeNs from = created[bestFirst];
    const TimeNs to = created[bestFirst + bestCount - 1];

    // Who created the storm's goroutines, and what they run.
    FunctionTally byCreator;
    FunctionTally byStart;
    std::vector<int64_t> examples;
    for (GoroutineRow r = 0; r < trace.goroutines.size(); ++r) {
        const Goroutine g = trace.goroutines[r];
        if (g.createdNs < from || g.createdNs > to)
            continue;
        byCreator[creatorFunction(in.store, r)] += 1;
        byStart[g.startFunction] += 1;
        if (examples.size() < kListed)
            examples.push_back(g.id);
    }
    if (in.stop.stop_requested())
        return;
    const auto creators = largestFunctions(in.store.symbols, byCreator, kListed, kMinShareOfTop);
    const auto starts = largestFunctions(in.store.symbols, byStart, kListed, kMinShareOfTop);

    Finding f;
    f.kind = "goroutine-storm";
    f.severity = bestCount >= size_t(limits.stormGoroutinesSevere) ? Severity::High : Severity::Medium;
    f.weight = double(bestCount) / double(std::max<size_t>(1, trace.goroutines.size()));
    f.title = std::to_string(bestCount) + " goroutines";
    if (!starts.empty())
        f.title += " of " + starts.front().first;
    f.title += " created in " + formatValue(to - from, "nanoseconds");
    if (!creators.empty())
        f.title += " by " + creators.front().first;
    f.title += " (" + std::to_string(std::llround(windowRate)) + "/s)";
    f.detail = "A burst of goroutine creation: each costs a stack and scheduler work, and together they queue for "
               "the processors. A worker pool or a semaphore bounds how many run at once.";
    f.functions = functionNames(creators);
    for (const auto& s : starts)
        if (std::find(f.functions.begin(), f.functions.end(), s.first) == f.functions.end())
            f.functions.push_back(s.first);
    f.goroutines = std::move(examples);
    f.with("created", double(bestCount), "count")
        .with("created_per_second", windowRate, "per_second")
        .with("created_per_second_elsewhere", restRate, "per_second");
    f.startNs = from;
    f.endNs = to;
    out.push_back(std::move(f));
}

} // namespace gs::findings
