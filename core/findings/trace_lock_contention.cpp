// SPDX-License-Identifier: MIT
// Rule "lock-contention": every wait of Go's sync profile (channels, select, sync primitives) is
// split among the goroutines that kept it waiting (blameWait) and charged to the function each was
// in when it let the next one go: for a mutex, the function that held it.
#include "core/analysis/trace_profiles.h"
#include "core/analysis/value_format.h"
#include "core/findings/stack_names.h"
#include "core/findings/trace_time.h"
#include "core/findings/trace_wait_rules.h"
#include "core/findings/wait_blame.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

namespace gs::findings {

namespace {

// What one holding function cost the others.
struct Holder
{
    std::string_view function;
    TimeNs totalNs = 0;
    TimeNs longestNs = 0; // the largest part of one wait charged to it
    std::unordered_map<int64_t, TimeNs> byHolder;                // goroutine that held -> time charged
    std::unordered_map<GoroutineRow, TimeNs> byWaiter;           // waiting goroutine -> time charged
    std::map<std::string, TimeNs> byObject;                      // what was waited on -> time charged
    TimeNs startNs = -1;
    TimeNs endNs = -1;
};

// Keys of `m` by decreasing value (ties: by key), at most `n`.
template<typename Key>
std::vector<Key> largestFirst(const std::unordered_map<Key, TimeNs>& m, size_t n)
{
    std::vector<std::pair<Key, TimeNs>> items(m.begin(), m.end());
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    std::vector<Key> keys;
    for (size_t i = 0; i < items.size() && i < n; ++i)
        keys.push_back(items[i].first);
    return keys;
}

Finding describe(const FindingInput& in, const Holder& h, TimeNs goroutineTime)
{
    const TraceData& trace = *in.store.trace;
    Finding f;
    f.kind = "lock-contention";
    f.weight = shareOf(h.totalNs, goroutineTime);
    const std::string object =
        std::max_element(h.byObject.begin(), h.byObject.end(), [](auto& a, auto& b) { return a.second < b.second; })
            ->first;
    // As for long waits: one or two goroutines waiting on their workers is fan-in, not contention.
    const bool contended = h.byWaiter.size() >= in.limits.longWaitHighWaiters || object == "sync.Mutex"
                           || object == "sync.RWMutex";
    if (!contended || f.weight < in.limits.lockContentionMediumShare)
        f.severity = Severity::Low;
    else if (f.weight >= in.limits.lockContentionHighShare && h.longestNs >= in.limits.longWaitHighNs)
        f.severity = Severity::High;
    else
        f.severity = Severity::Medium;
    f.title = std::string(h.function) + " held up " + std::to_string(h.byWaiter.size()) + " goroutine"
              + (h.byWaiter.size() == 1 ? "" : "s") + " waiting on " + object + " for "
              + formatValue(h.totalNs, "nanoseconds") + " in total";
    f.detail = "Each wait is charged to the goroutine that kept it waiting at the time — the holder of the lock, "
               "or the sender the receiver waited for — in the function it was in when it let the waiter go.";
    f.functions.emplace_back(h.function);
    f.goroutines = largestFirst(h.byHolder, kListedGoroutines);
    for (GoroutineRow row : largestFirst(h.byWaiter, kListedGoroutines))
        f.goroutines.push_back(trace.goroutines.idOf(row));
    f.startNs = h.startNs;
    f.endNs = h.endNs;
    f.with("wait_ns", double(h.totalNs), "nanoseconds")
        .with("longest_wait_ns", double(h.longestNs), "nanoseconds")
        .with("waiters", double(h.byWaiter.size()), "count")
        .with("holders", double(h.byHolder.size()), "count")
        .with("share", f.weight, "ratio");
    return f;
}

} // namespace

void findTraceLockContention(const FindingInput& in, std::vector<Finding>& out)
{
    const TraceData& trace = *in.store.trace;
    const SpanTable& spans = trace.spans;
    std::unordered_map<std::string_view, Holder> holders;
    ProgramWaits programWaits(in.store);
    // Stacks repeat: name each once.
    std::unordered_map<StackId, std::string_view> functionOf;
    forEachProfileStretch(in.store, TraceProfileKind::Sync, {}, [&](const ProfileStretch& s) {
        if (s.end <= s.start || in.stop.stop_requested())
            return;
        const auto span = spans.spanAt(s.goroutine, s.end - 1);
        if (!span)
            return;
        const std::string& object = programWaits.objectOf(*span);
        if (object.empty())
            return;
        const auto chain =
            programChain(trace, programWaits, s.goroutine, *span, in.limits.waitChainMaxHops, spans.startOf(*span));
        for (const WaitBlame& b : blameWait(in.store, chain)) {
            if (b.ns <= 0)
                continue;
            const std::string_view function = cachedFunction(functionOf, in.store, b.goroutine, b.stack);
            Holder& h = holders[function];
            h.function = function;
            h.totalNs += b.ns;
            h.longestNs = std::max(h.longestNs, b.ns);
            h.byHolder[b.goroutine] += b.ns;
            h.byWaiter[s.goroutine] += b.ns;
            h.byObject[object] += b.ns;
            h.startNs = h.startNs < 0 ? spans.startOf(*span) : std::min(h.startNs, spans.startOf(*span));
            h.endNs = std::max(h.endNs, spans.endOf(*span));
        }
    });
    const TimeNs goroutineTime = goroutineTimeNs(in.store);
    std::vector<const Holder*> worst;
    for (const auto& [function, h] : holders)
        if (h.totalNs >= in.limits.longWaitMinNs
            && shareOf(h.totalNs, goroutineTime) >= in.limits.lockContentionMinShare)
            worst.push_back(&h);
    std::sort(worst.begin(), worst.end(), [](const Holder* a, const Holder* b) {
        return a->totalNs != b->totalNs ? a->totalNs > b->totalNs : a->function < b->function;
    });
    worst.resize(std::min(worst.size(), in.limits.lockContentionMaxFindings));
    for (const Holder* h : worst)
        out.push_back(describe(in, *h, goroutineTime));
}

} // namespace gs::findings
