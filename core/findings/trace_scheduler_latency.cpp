// SPDX-License-Identifier: MIT
// scheduler-latency: goroutines waiting runnable for a processor (Go's scheduler latency
// profile), and GOMAXPROCS saturation: stretches where every processor ran a goroutine while
// others queued runnable.
#include "core/analysis/value_format.h"
#include "core/base/nearest_rank.h"
#include "core/findings/trace_sched_rules.h"

#include <algorithm>
#include <cmath>
#include <queue>

namespace gs::findings {

namespace {

constexpr size_t kListed = 5;          // functions and goroutines a finding names
constexpr double kMinShareOfTop = 0.1; // a function listed waits at least a tenth of the first one's

// A change at `time` in the number of busy processors or runnable goroutines.
struct Change
{
    TimeNs time = 0;
    int32_t busy = 0;
    int32_t runnable = 0;
};

struct Saturation
{
    TimeNs totalNs = 0;           // time with every processor busy and a goroutine runnable
    TimeNs worstStart = -1;       // the longest stretch (gaps below saturationGapNs joined)
    TimeNs worstEnd = -1;
    int64_t gomaxprocs = 0;       // GOMAXPROCS during that stretch
};

// Sweeps the processors' runs, the syscalls holding a processor and the runnable spans in time
// order, following GOMAXPROCS.
Saturation saturationOf(const TraceData& trace, const std::vector<uint32_t>& runnableSpans,
                        const std::vector<uint32_t>& syscallSpans, TimeNs gapNs)
{
    std::vector<Change> changes;
    size_t runs = 0;
    for (const Processor& p : trace.processors)
        runs += p.spans.size();
    changes.reserve(2 * (runs + runnableSpans.size() + syscallSpans.size()));
    for (const uint32_t i : syscallSpans) {
        changes.push_back({trace.spans.startOf(i), 1, 0});
        changes.push_back({trace.spans.endOf(i), -1, 0});
    }
    for (size_t p = 0; p < trace.processors.size(); ++p)
        for (uint32_t k = 0; k < trace.processors[p].spans.size(); ++k) {
            const ProcSpan run = trace.procSpan(p, k);
            changes.push_back({run.start, 1, 0});
            changes.push_back({run.end, -1, 0});
        }
    for (const uint32_t i : runnableSpans) {
        changes.push_back({trace.spans.startOf(i), 0, 1});
        changes.push_back({trace.spans.endOf(i), 0, -1});
    }
    std::sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.time < b.time; });

    Saturation s;
    size_t procsAt = 0; // next point of the gomaxprocs series
    int64_t procs = 0;
    int64_t busy = 0;
    int64_t runnable = 0;
    TimeNs stretchStart = -1;
    TimeNs stretchEnd = -1;
    TimeNs stretchProcs = 0;
    auto closeStretch = [&] {
        if (stretchStart >= 0 && stretchEnd - stretchStart > s.worstEnd - s.worstStart) {
            s.worstStart = stretchStart;
            s.worstEnd = stretchEnd;
            s.gomaxprocs = stretchProcs;
        }
        stretchStart = -1;
    };
    for (size_t c = 0; c < changes.size();) {
        const TimeNs t = changes[c].time;
        for (; c < changes.size() && changes[c].time == t; ++c) {
            busy += changes[c].busy;
            runnable += changes[c].runnable;
        }
        for (; procsAt < trace.gomaxprocs.size() && trace.gomaxprocs[procsAt].time <= t; ++procsAt)
            procs = trace.gomaxprocs[procsAt].value;
        const bool saturated = procs > 0 && busy >= procs && runnable > 0;
        if (!saturated || c == changes.size())
            continue;
        const TimeNs until = changes[c].time;
        s.totalNs += until - t;
        if (stretchStart >= 0 && t - stretchEnd > gapNs)
            closeStretch();
        if (stretchStart < 0) {
            stretchStart = t;
            stretchProcs = procs;
        }
        stretchEnd = until;
    }
    closeStretch();
    return s;
}

TimeNs p99(std::vector<TimeNs>& durations)
{
    if (durations.empty())
        return 0;
    const auto at = durations.begin() + ptrdiff_t(nearestRank(durations.size(), 99) - 1);
    std::nth_element(durations.begin(), at, durations.end());
    return *at;
}

} // namespace

void findSchedulerLatency(const FindingInput& in, std::vector<Finding>& out)
{
    const TraceData& trace = *in.store.trace;
    const FindingThresholds& limits = in.limits;
    const TimeNs traceNs = trace.endNs - trace.startNs;
    if (traceNs <= 0)
        return;

    // Every runnable span of the program's goroutines (the runtime's own, such as the background
    // sweeper, run at low priority by design), its duration, and the runnable time per start
    // function and goroutine.
    std::vector<uint32_t> runnableSpans;
    std::vector<TimeNs> durations;
    std::vector<FunctionId> functionOfSpan; // the start function of each runnable span's goroutine
    FunctionTally waitByFunction;
    using GoroutineWait = std::pair<TimeNs, int64_t>; // a min-heap of the goroutines that waited most
    std::priority_queue<GoroutineWait, std::vector<GoroutineWait>, std::greater<>> mostWaiting;
    std::vector<uint32_t> syscallSpans; // a goroutine in a syscall keeps its processor busy
    for (GoroutineRow r = 0; r < trace.goroutines.size(); ++r) {
        const FunctionId function = trace.goroutines.startFunctionOf(r);
        const bool runtimeOwn = isRuntimeFunction(in.store.symbols, function);
        const auto [begin, end] = trace.spans.rowRange(r);
        TimeNs waited = 0;
        for (uint32_t i = begin; i < end; ++i)
            if (trace.spans.stateOf(i) == SpanState::Syscall && trace.spans.procOf(i) >= 0)
                syscallSpans.push_back(i);
            else if (trace.spans.stateOf(i) == SpanState::Runnable && !runtimeOwn) {
                runnableSpans.push_back(i);
                durations.push_back(trace.spans.durationOf(i));
                functionOfSpan.push_back(function);
                waited += durations.back();
            }
        if (waited == 0)
            continue;
        waitByFunction[function] += double(waited);
        mostWaiting.emplace(waited, trace.goroutines.idOf(r));
        if (mostWaiting.size() > kListed)
            mostWaiting.pop();
    }
    if (in.stop.stop_requested() || durations.empty())
        return;
    TimeNs totalWait = 0;
    for (const TimeNs d : durations)
        totalWait += d;
    // The p99 of the function that waited most, before p99 reorders the durations.
    const auto functions = largestFunctions(in.store.symbols, waitByFunction, kListed, kMinShareOfTop);
    std::vector<TimeNs> topDurations;
    for (const auto& [function, wait] : waitByFunction)
        if (!functions.empty() && wait == functions.front().second && function < in.store.symbols.functions.size()
            && in.store.symbols.functionName(function) == functions.front().first)
            for (size_t k = 0; k < durations.size(); ++k)
                if (functionOfSpan[k] == function)
                    topDurations.push_back(durations[k]);
    const TimeNs topP99 = p99(topDurations);
    const TimeNs p99Wait = p99(durations);
    const Saturation saturation = saturationOf(trace, runnableSpans, syscallSpans, limits.saturationGapNs);
    const double saturatedShare = double(saturation.totalNs) / double(traceNs);

    // Saturation matters only when goroutines wait long for it.
    if (p99Wait < limits.runnableP99Ns)
        return;
    Finding f;
    f.kind = "scheduler-latency";
    f.severity = Severity::Low;
    f.weight = saturatedShare;
    // Busy processors alone are a well-used machine; High needs the goroutines to wait for them
    // too, past a preemption slice.
    if (saturatedShare >= limits.saturatedShareSevere && p99Wait >= limits.runnableP99SevereNs)
        f.severity = Severity::High;
    else if (saturatedShare >= limits.saturatedShare || p99Wait >= limits.runnableP99SevereNs)
        f.severity = Severity::Medium;
    f.title = functions.empty() ? "goroutines wait " + formatValue(p99Wait, "nanoseconds")
                                : "goroutines of " + functions.front().first + " wait " + formatValue(topP99, "nanoseconds");
    f.title += " (p99) for a processor";
    if (saturatedShare >= limits.saturatedShare)
        f.title += "; every processor busy " + std::to_string(std::llround(saturatedShare * 100))
                   + "% of the trace at GOMAXPROCS=" + std::to_string(saturation.gomaxprocs);
    f.detail = "Runnable goroutines wait for a processor; when every processor (GOMAXPROCS) is busy they queue. "
               "More CPU-bound goroutines than processors, or a GOMAXPROCS below the CPUs the program may use, "
               "make every goroutine slower to respond.";
    f.functions = functionNames(functions);
    for (; !mostWaiting.empty(); mostWaiting.pop())
        f.goroutines.push_back(mostWaiting.top().second);
    std::reverse(f.goroutines.begin(), f.goroutines.end());
    f.with("runnable_p99_ns", double(p99Wait), "nanoseconds")
        .with("runnable_total_ns", double(totalWait), "nanoseconds")
        .with("saturated_share", saturatedShare, "ratio");
    if (saturation.gomaxprocs > 0)
        f.with("gomaxprocs", double(saturation.gomaxprocs), "count");
    else if (!trace.gomaxprocs.empty())
        f.with("gomaxprocs", double(trace.gomaxprocs[trace.gomaxprocs.size() - 1].value), "count");
    if (!functions.empty())
        f.with("top_function_runnable_ns", functions.front().second, "nanoseconds")
            .with("top_function_runnable_p99_ns", double(topP99), "nanoseconds");
    if (saturation.worstStart >= 0) {
        f.startNs = saturation.worstStart;
        f.endNs = saturation.worstEnd;
    }
    out.push_back(std::move(f));
}

} // namespace gs::findings
