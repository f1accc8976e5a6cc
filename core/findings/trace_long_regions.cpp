// SPDX-License-Identifier: MIT
// Rule "long-region": a user region or task (runtime/trace's StartRegion, NewTask) that lasted far
// longer than the others of its name. Only those wholly inside the trace count: one begun before
// it or still open at its end has no true length.
#include "core/analysis/value_format.h"
#include "core/base/nearest_rank.h"
#include "core/findings/trace_time.h"
#include "core/findings/trace_wait_rules.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

namespace gs::findings {

namespace {

// One region or task, as the rule compares them.
struct Measured
{
    TimeNs start = 0;
    TimeNs end = 0;
    int64_t goroutine = kNoGoroutineId;
    TimeNs ns() const { return end - start; }
};

struct Outlier
{
    Finding finding;
    double ratio = 0;
};

// The longest of `items` (all of one name) when it stands out from the others.
std::optional<Outlier> outlierOf(const FindingInput& in, const char* what, std::string_view name,
                                 std::vector<Measured>& items)
{
    if (items.size() < in.limits.regionMinSiblings + 1)
        return std::nullopt;
    std::sort(items.begin(), items.end(), [](const Measured& a, const Measured& b) { return a.ns() < b.ns(); });
    const Measured& longest = items.back();
    const size_t others = items.size() - 1;
    // Compared with the p90 of the others, not their p99: among a few dozen siblings the p99 is
    // the slowest other one, and a single sibling slowed by preemption would hide the outlier.
    const TimeNs p90 = items[nearestRank(others, 90) - 1].ns();
    const TimeNs p99 = items[nearestRank(others, 99) - 1].ns();
    const double ratio = double(longest.ns()) / double(std::max<TimeNs>(p90, 1));
    if (longest.ns() < in.limits.regionMinNs || ratio < in.limits.regionOutlierRatio)
        return std::nullopt;
    const TraceData& trace = *in.store.trace;
    Finding f;
    f.kind = "long-region";
    f.weight = shareOf(longest.ns(), trace.endNs - trace.startNs);
    f.severity = ratio >= in.limits.regionExtremeRatio && f.weight >= in.limits.regionExtremeTraceShare
                     ? Severity::Medium
                     : Severity::Low;
    const std::string where = longest.goroutine != kNoGoroutineId ? " on G" + std::to_string(longest.goroutine) : "";
    f.title = std::string(what) + " \"" + std::string(name) + "\"" + where + " took "
              + formatValue(longest.ns(), "nanoseconds") + ", " + std::to_string(int64_t(ratio))
              + " times the p90 of the " + std::to_string(others) + " others (" + formatValue(p90, "nanoseconds") + ")";
    if (longest.goroutine != kNoGoroutineId)
        f.goroutines.push_back(longest.goroutine);
    f.startNs = longest.start;
    f.endNs = longest.end;
    f.with("duration_ns", double(longest.ns()), "nanoseconds")
        .with("p90_others_ns", double(p90), "nanoseconds")
        .with("p99_others_ns", double(p99), "nanoseconds")
        .with("max_others_ns", double(items[others - 1].ns()), "nanoseconds")
        .with("others", double(others), "count")
        .with("trace_share", f.weight, "ratio");
    return Outlier {std::move(f), ratio};
}

void addOutliers(const FindingInput& in, const char* what, std::unordered_map<StringId, std::vector<Measured>>& byName,
                 std::vector<Outlier>& found)
{
    for (auto& [name, items] : byName)
        if (auto outlier = outlierOf(in, what, in.store.symbols.strings.get(name), items))
            found.push_back(std::move(*outlier));
}

} // namespace

void findLongRegions(const FindingInput& in, std::vector<Finding>& out)
{
    const TraceData& trace = *in.store.trace;
    std::unordered_map<StringId, std::vector<Measured>> regions;
    for (const UserRegion& r : trace.regions)
        if (r.start > trace.startNs && r.end >= r.start && r.end < trace.endNs)
            regions[r.name].push_back({r.start, r.end, r.goroutine});
    std::unordered_map<StringId, std::vector<Measured>> tasks;
    for (const UserTask& t : trace.tasks)
        if (t.start >= 0 && t.end >= t.start)
            tasks[t.name].push_back({t.start, t.end, t.goroutine});
    std::vector<Outlier> found;
    addOutliers(in, "Region", regions, found);
    addOutliers(in, "Task", tasks, found);
    std::sort(found.begin(), found.end(), [](const Outlier& a, const Outlier& b) {
        return a.ratio != b.ratio ? a.ratio > b.ratio : a.finding.title < b.finding.title;
    });
    for (size_t i = 0; i < found.size() && i < in.limits.regionMaxFindings; ++i)
        out.push_back(std::move(found[i].finding));
}

} // namespace gs::findings
