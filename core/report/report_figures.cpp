// SPDX-License-Identifier: MIT
#include "core/report/report_figures.h"

#include "core/analysis/blocking_chain.h"
#include "core/analysis/dump_groups.h"
#include "core/analysis/top_table.h"
#include "core/analysis/trace_profiles.h"
#include "core/analysis/value_format.h"
#include "core/base/capture_text.h"

#include <algorithm>

namespace gs::report {

namespace {

std::string duration(TimeNs ns)
{
    return formatValue(ns, "nanoseconds");
}

std::string percent(int64_t value, int64_t total)
{
    std::string p = formatPercent(value, total);
    p.erase(0, p.find_first_not_of(' '));
    return p;
}

// Capture text as the report shows it, as the app's labels do: literally on one line, cut when
// very long (HTML escaping comes later, for every string alike).
std::string shown(std::string_view capture)
{
    return escapeCaptureText(capture, kShownCaptureChars);
}

// pprof prints a function it could not symbolize as "<unknown>" (escaped later, like any name).
std::string printableName(const Symbols& symbols, FunctionId f)
{
    const std::string_view name = symbols.functionName(f);
    return name.empty() ? std::string("<unknown>") : shown(name);
}

std::string innermostFunction(const Symbols& symbols, StackId stack)
{
    const auto frames = symbols.stacks.frames(stack);
    return frames.empty() ? std::string() : printableName(symbols, symbols.frameFunction(frames.front()));
}

// The store whose stacks the top table ranks (the capture itself, or a profile derived from its
// trace, held by `derived`), and what its section calls it.
struct RankedProfile
{
    std::shared_ptr<const EventStore> derived;
    const EventStore* store = nullptr;
    std::string what;
};

RankedProfile rankedProfile(const EventStore& store)
{
    if (!store.trace)
        return {nullptr, &store, {}};
    const TraceProfileKind kind = store.trace->cpuSamples.empty() ? TraceProfileKind::Sync : TraceProfileKind::Cpu;
    RankedProfile ranked {deriveTraceProfile(store, kind), nullptr,
                          std::string(traceProfileName(kind)) + " profile of the trace"};
    ranked.store = ranked.derived.get();
    return ranked;
}

void addStateRow(ReportTable& table, std::string state, std::string reason, int64_t goroutines, TimeNs ns)
{
    if (goroutines > 0)
        table.rows.push_back({std::move(state), std::move(reason), std::to_string(goroutines), duration(ns)});
}

ReportTable traceStates(const EventStore& store)
{
    const TraceData& trace = *store.trace;
    ReportTable table;
    table.caption = std::to_string(trace.goroutines.size())
                    + " goroutines: how many spent time in each state, and how long in all (as go tool trace's "
                      "goroutine analysis counts it)";
    table.header = {"State", "Wait reason", "Goroutines", "Total time"};
    table.numeric = {false, false, true, true};
    // Per state: goroutines with time in it, and the time; waiting per reason, longest first.
    struct Sum
    {
        int64_t goroutines = 0;
        TimeNs ns = 0;
        void add(TimeNs t)
        {
            goroutines += t > 0;
            ns += t;
        }
    };
    Sum running, runnable, syscall, syscallBlocked;
    std::vector<std::pair<StringId, Sum>> waiting;
    for (GoroutineRow row = 0; row < trace.goroutines.size(); ++row) {
        const GoroutineStats stats = trace.goroutineStats(row);
        running.add(stats.execNs);
        runnable.add(stats.schedWaitNs);
        syscall.add(stats.syscallNs);
        syscallBlocked.add(stats.syscallBlockNs);
        for (const auto& [reason, ns] : stats.blockNsByReason) {
            // Captured by copy: Clang 14 cannot capture a structured binding.
            auto it = std::ranges::find_if(waiting, [reason = reason](const auto& w) { return w.first == reason; });
            if (it == waiting.end())
                it = waiting.insert(waiting.end(), {reason, Sum {}});
            it->second.add(ns);
        }
    }
    std::ranges::stable_sort(waiting, [](const auto& a, const auto& b) { return a.second.ns > b.second.ns; });
    addStateRow(table, spanStateName(SpanState::Running), "", running.goroutines, running.ns);
    addStateRow(table, spanStateName(SpanState::Runnable), "", runnable.goroutines, runnable.ns);
    addStateRow(table, spanStateName(SpanState::Syscall), "", syscall.goroutines, syscall.ns);
    addStateRow(table, spanStateName(SpanState::SyscallBlocked), "", syscallBlocked.goroutines, syscallBlocked.ns);
    for (const auto& [reason, sum] : waiting) {
        const std::string_view name = store.symbols.strings.get(reason);
        addStateRow(table, spanStateName(SpanState::Waiting), name.empty() ? "(none recorded)" : shown(name),
                    sum.goroutines, sum.ns);
    }
    return table;
}

std::string minutes(int32_t m)
{
    return std::to_string(m) + (m == 1 ? " minute" : " minutes");
}

ReportTable dumpStates(const EventStore& store)
{
    const std::vector<DumpEntry> entries = dumpEntries(*store.dump);
    int64_t total = 0;
    for (const DumpEntry& e : entries)
        total += e.count;
    ReportTable table;
    table.caption = std::to_string(total) + " goroutines by status, as the dump prints it";
    table.header = {"Status", "Goroutines", "Waiting"};
    table.numeric = {false, true, false};
    for (const DumpGroup& g : groupDump(store.symbols, entries, DumpGrouping::State)) {
        const std::string_view state = store.symbols.strings.get(g.state);
        std::string wait;
        if (g.maxWaitMinutes > 0)
            wait = g.minWaitMinutes == g.maxWaitMinutes ? minutes(g.maxWaitMinutes)
                                                        : std::to_string(g.minWaitMinutes) + "\u2013"
                                                              + minutes(g.maxWaitMinutes);
        table.rows.push_back({state.empty() ? std::string("(not recorded)") : shown(state),
                              std::to_string(g.count), std::move(wait)});
    }
    return table;
}

// What ended the hop's span, worded as the chain panel and `goroscope-cli chain` word it.
std::string endOf(const TraceData& trace, const ChainHop& hop)
{
    if (hop.wokenBy != kNoGoroutineId)
        return "woken by G" + std::to_string(hop.wokenBy) + " at " + duration(hop.wokenAt - trace.startNs);
    if (trace.spans.stateOf(hop.span) == SpanState::Waiting)
        return "no goroutine woke it (a timer, the network poller or the runtime did, or the trace ended)";
    return "it was not waiting: the chain ends here";
}

ReportTable chainTable(const EventStore& store, const FollowedWait& wait)
{
    const TraceData& trace = *store.trace;
    const SpanTable& spans = trace.spans;
    const std::vector<ChainHop> hops = blockingChain(trace, wait.row, wait.span);
    ReportTable table;
    table.caption = "From G" + std::to_string(trace.goroutines[wait.row].id) + "'s wait at "
                    + duration(spans.startOf(wait.span) - trace.startNs) + ": " + std::to_string(hops.size())
                    + (hops.size() == 1 ? " hop" : " hops");
    table.header = {"Hop", "Goroutine", "State", "Reason", "Start", "End", "Woken by", "Innermost frame"};
    table.numeric = {true, false, false, false, true, true, false, false};
    for (size_t k = 0; k < hops.size(); ++k) {
        const ChainHop& hop = hops[k];
        table.rows.push_back({std::to_string(k + 1), "G" + std::to_string(trace.goroutines[hop.row].id),
                              spanStateName(spans.stateOf(hop.span)),
                              shown(store.symbols.strings.get(spans.reasonOf(hop.span))),
                              duration(spans.startOf(hop.span) - trace.startNs),
                              duration(spans.endOf(hop.span) - trace.startNs), endOf(trace, hop),
                              innermostFunction(store.symbols, spans.stackOf(hop.span))});
    }
    return table;
}

} // namespace

ReportCapture describeCapture(const EventStore& store, std::string_view fileName)
{
    ReportCapture c {shown(fileName), formatName(store.format), {}};
    if (store.trace)
        c.detail = std::to_string(store.trace->goroutines.size()) + " goroutines";
    else if (store.dump)
        c.detail = std::to_string(dumpEntries(*store.dump).size()) + " entries";
    else if (store.profile && !store.profile->sampleTypes.empty())
        c.detail = shown(store.profile->sampleTypes[store.profile->defaultSampleType].type);
    return c;
}

std::string captureTimeRange(const EventStore& store)
{
    if (store.trace)
        return duration(store.trace->endNs - store.trace->startNs) + " traced";
    if (store.profile && store.profile->durationNs > 0)
        return duration(store.profile->durationNs) + " profiled";
    return {};
}

std::optional<ReportSection> topFunctionsSection(const EventStore& store, size_t limit)
{
    const RankedProfile ranked = rankedProfile(store);
    if (!ranked.store->profile || ranked.store->profile->sampleTypes.empty())
        return std::nullopt;
    const Profile& profile = *ranked.store->profile;
    const size_t type = profile.defaultSampleType;
    const Result<WeightedStacks> stacks = selectProfileStacks(*ranked.store, type, {});
    if (!stacks || stacks->total == 0)
        return std::nullopt;
    const std::vector<TopRow> rows = computeTop(ranked.store->symbols, *stacks, TopOrder::Flat);
    const int64_t total = sampleTypeTotal(profile, type);
    const std::string& unit = profile.sampleTypes[type].unit;
    ReportTable table;
    table.caption = (ranked.what.empty() ? std::string() : ranked.what + ", ") + shown(profile.sampleTypes[type].type)
                    + ": the first " + std::to_string(std::min(limit, rows.size())) + " of "
                    + std::to_string(rows.size()) + " functions by flat weight, as pprof -top ranks them; total "
                    + formatValue(total, unit);
    table.header = {"Flat", "Flat%", "Sum%", "Cum", "Cum%", "Function"};
    table.numeric = {true, true, true, true, true, false};
    int64_t flatSum = 0;
    for (size_t k = 0; k < std::min(limit, rows.size()); ++k) {
        const TopRow& r = rows[k];
        flatSum += r.flat;
        table.rows.push_back({formatValue(r.flat, unit), percent(r.flat, total), percent(flatSum, total),
                              formatValue(r.cum, unit), percent(r.cum, total),
                              printableName(ranked.store->symbols, r.function)});
    }
    ReportSection section;
    section.heading = "Top functions";
    section.tables.push_back(std::move(table));
    return section;
}

std::optional<ReportSection> goroutineStatesSection(const EventStore& store)
{
    if (!store.trace && !store.dump)
        return std::nullopt;
    ReportSection section;
    section.heading = "Goroutines by state";
    section.tables.push_back(store.trace ? traceStates(store) : dumpStates(store));
    return section;
}

std::optional<ReportSection> followedChainsSection(const EventStore& store, std::span<const FollowedWait> waits)
{
    if (!store.trace)
        return std::nullopt;
    const TraceData& trace = *store.trace;
    ReportSection section;
    section.heading = "Blocking chains followed";
    for (const FollowedWait& w : waits) {
        if (w.row < trace.goroutines.size() && w.span < trace.spans.size()
            && trace.spans.stateOf(w.span) == SpanState::Waiting)
            section.tables.push_back(chainTable(store, w));
    }
    if (section.tables.empty())
        return std::nullopt;
    section.text = "Each chain starts at a wait selected during the investigation and follows who woke it, "
                   "then what that goroutine itself waited for, back to where the trail ends.";
    return section;
}

} // namespace gs::report
