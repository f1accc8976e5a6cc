// SPDX-License-Identifier: MIT
// gc-pressure: how much of the trace the GC ran, the mark assists it made the program's goroutines
// pay (which ones paid most), and the minimum mutator utilisation at 10 ms with its worst window.
#include "core/analysis/mmu.h"
#include "core/analysis/value_format.h"
#include "core/findings/trace_sched_rules.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace gs::findings {

namespace {

constexpr size_t kListed = 5;          // functions and goroutines a finding names
constexpr double kMinShareOfTop = 0.1; // a function listed assists at least a tenth of the first one's

// The part of `r` within the trace.
TimeNs clippedNs(const TraceData& trace, const TimeRange& r)
{
    return std::max<TimeNs>(0, std::min(r.end, trace.endNs) - std::max(r.start, trace.startNs));
}

// The time `ranges` cover within the trace.
TimeNs coveredNs(const TraceData& trace, const std::vector<TimeRange>& ranges)
{
    TimeNs total = 0;
    for (const TimeRange& r : ranges)
        total += clippedNs(trace, r);
    return total;
}

// The time the program's own goroutines (not the runtime's) ran, assists included.
TimeNs programRunningNs(const EventStore& store)
{
    const TraceData& trace = *store.trace;
    TimeNs total = 0;
    for (GoroutineRow r = 0; r < trace.goroutines.size(); ++r) {
        if (isRuntimeFunction(store.symbols, trace.goroutines.startFunctionOf(r)))
            continue;
        const auto [begin, end] = trace.spans.rowRange(r);
        for (uint32_t i = begin; i < end; ++i)
            if (trace.spans.stateOf(i) == SpanState::Running)
                total += trace.spans.durationOf(i);
    }
    return total;
}

} // namespace

void findGcPressure(const FindingInput& in, std::vector<Finding>& out)
{
    const TraceData& trace = *in.store.trace;
    const FindingThresholds& limits = in.limits;
    const TimeNs traceNs = trace.endNs - trace.startNs;
    if (traceNs <= 0 || trace.gcRanges.empty())
        return;
    const double gcShare = std::min(1.0, double(coveredNs(trace, trace.gcRanges)) / double(traceNs));
    if (gcShare < limits.gcShare) // the GC ran briefly: a low MMU then is one cycle's dent, not pressure
        return;
    const TimeNs stwNs = coveredNs(trace, trace.stwRanges);

    std::unordered_map<int64_t, TimeNs> assistByGoroutine;
    TimeNs assistNs = 0;
    for (const TimeRange& r : trace.assistRanges) {
        const TimeNs d = clippedNs(trace, r);
        assistNs += d;
        assistByGoroutine[r.goroutine] += d;
    }
    std::vector<std::pair<TimeNs, int64_t>> assisting;
    assisting.reserve(assistByGoroutine.size());
    FunctionTally assistByFunction;
    for (const auto& [goroutine, ns] : assistByGoroutine) {
        assisting.emplace_back(ns, goroutine);
        if (const GoroutineRow row = trace.rowOf(goroutine); row != kNoRow)
            assistByFunction[trace.goroutines.startFunctionOf(row)] += double(ns);
    }
    std::sort(assisting.begin(), assisting.end(), std::greater<>());
    if (in.stop.stop_requested())
        return;

    const MmuCurve curve(mutatorUtilization(trace, kMmuDefaultFlags));
    const double mmu = curve.mmu(limits.mmuWindowNs);
    const double assistShare = std::min(1.0, double(assistNs) / double(std::max<TimeNs>(1, programRunningNs(in.store))));
    // The GC taking the processors from the program, or its goroutines' own running time.
    const bool costly = mmu < limits.mmuLow || assistShare >= limits.assistShare;

    // High takes both the GC running most of the time and it costing the program; either alone is
    // medium.
    const bool mostly = gcShare >= limits.gcShareSevere;
    const auto functions = largestFunctions(in.store.symbols, assistByFunction, kListed, kMinShareOfTop);
    Finding f;
    f.kind = "gc-pressure";
    f.severity = (mostly && costly) ? Severity::High : (mostly || costly) ? Severity::Medium : Severity::Low;
    f.weight = gcShare;
    f.title = "GC running " + std::to_string(std::llround(gcShare * 100)) + "% of the trace; "
              + std::to_string(std::llround(mmu * 100)) + "% of the processors left to the program in the worst "
              + formatValue(limits.mmuWindowNs, "nanoseconds");
    if (!functions.empty())
        f.title += "; " + functions.front().first + " pays " + formatValue(std::llround(functions.front().second), "nanoseconds")
                   + " of mark assists";
    f.detail = "The heap fills so fast that the GC runs most of the time and makes the allocating goroutines "
               "assist its marking. Allocating less in the functions named (reusing buffers, fewer pointers) "
               "or a higher GOGC or GOMEMLIMIT gives the time back.";
    f.functions = functionNames(functions);
    for (size_t i = 0; i < assisting.size() && i < kListed; ++i)
        f.goroutines.push_back(assisting[i].second);
    f.with("gc_share", gcShare, "ratio")
        .with("stw_ns", double(stwNs), "nanoseconds")
        .with("assist_ns", double(assistNs), "nanoseconds")
        .with("assist_share", assistShare, "ratio")
        .with("mmu_10ms", mmu, "ratio")
        .with("gc_cycles", double(trace.gcRanges.size()), "count");
    if (const auto worst = curve.worstWindows(limits.mmuWindowNs, 1); !worst.empty()) {
        f.startNs = worst.front().start;
        f.endNs = std::min(trace.endNs, worst.front().start + limits.mmuWindowNs);
    }
    out.push_back(std::move(f));
}

} // namespace gs::findings
