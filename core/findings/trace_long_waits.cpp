// SPDX-License-Identifier: MIT
// Rule "long-wait". Which waits count: the program's own (ProgramWaits: channels, select, sync
// primitives). Left out as idle or expected: sleeps and timers, the network poller (an idle
// server's accept and read), GC and other runtime waits, a goroutine blocked "forever", waits
// still open at the end of the trace or that nobody in the trace ended — those have no goroutine
// to blame, and an idle worker looks just like them — and a hand-off whose chain comes back to the
// waiter.
#include "core/analysis/trace_profiles.h"
#include "core/analysis/value_format.h"
#include "core/findings/stack_names.h"
#include "core/findings/trace_time.h"
#include "core/findings/trace_wait_rules.h"
#include "core/findings/wait_blame.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

namespace gs::findings {

namespace {

struct Wait
{
    GoroutineRow row = kNoRow;
    uint32_t span = 0;
    TimeNs ns = 0;
    size_t hops = 0;
    std::optional<ChainHop> rootSpan; // what the root did instead of waiting (ProgramChain::end)
};

// The long waits that end at the same goroutine.
struct RootGroup
{
    int64_t root = kNoGoroutineId;
    std::string_view rootFunction;
    std::vector<Wait> waits;
    TimeNs totalNs = 0;
};

// The waiters in a title: a few by ID, more by count.
std::string waitersText(const std::vector<int64_t>& ids)
{
    if (ids.size() > 3)
        return std::to_string(ids.size()) + " goroutines";
    std::string text;
    for (size_t i = 0; i < ids.size(); ++i)
        text += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + ("G" + std::to_string(ids[i]));
    return text;
}

// What the root was doing before it let the chain go, for the detail: "sleeping (sleep)".
std::string rootActivity(const EventStore& store, const std::optional<ChainHop>& rootSpan)
{
    if (!rootSpan)
        return "running";
    const SpanTable& spans = store.trace->spans;
    switch (spans.stateOf(rootSpan->span)) {
    case SpanState::Running:
        return "running";
    case SpanState::Runnable:
        return "waiting for a processor";
    case SpanState::Syscall:
    case SpanState::SyscallBlocked:
        return "in a system call";
    case SpanState::Waiting:
        break;
    }
    return "waiting (" + std::string(store.symbols.strings.get(spans.reasonOf(rootSpan->span))) + ")";
}

// Whether the root had been waiting on the network: then the others waited, through it, for a
// peer (a server's reply), which the trace does not show.
bool rootAwaitedNetwork(const EventStore& store, const std::optional<ChainHop>& rootSpan)
{
    return rootSpan && isNetworkWait(store, rootSpan->span);
}

// The wait object most of the group waited on.
std::string commonObject(ProgramWaits& programWaits, const RootGroup& group)
{
    std::map<std::string, size_t> counts;
    for (const Wait& w : group.waits)
        ++counts[programWaits.objectOf(w.span)];
    return std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
}

Finding describe(const FindingInput& in, ProgramWaits& programWaits, const RootGroup& group, TimeNs goroutineTime)
{
    const TraceData& trace = *in.store.trace;
    const SpanTable& spans = trace.spans;
    std::vector<Wait> waits = group.waits;
    std::sort(waits.begin(), waits.end(), [](const Wait& a, const Wait& b) { return a.ns > b.ns; });
    Finding f;
    f.kind = "long-wait";
    f.goroutines.push_back(group.root);
    std::vector<int64_t> waiters;
    f.functions.emplace_back(group.rootFunction);
    f.startNs = spans.startOf(waits.front().span);
    f.endNs = spans.endOf(waits.front().span);
    for (const Wait& w : waits) {
        const int64_t id = trace.goroutines.idOf(w.row);
        if (std::find(waiters.begin(), waiters.end(), id) == waiters.end())
            waiters.push_back(id);
        const std::string function(recognisableFunction(in.store.symbols, spans.stackOf(w.span)));
        if (std::find(f.functions.begin(), f.functions.end(), function) == f.functions.end())
            f.functions.push_back(function);
        f.startNs = std::min(f.startNs, spans.startOf(w.span));
        f.endNs = std::max(f.endNs, spans.endOf(w.span));
    }
    f.goroutines.insert(f.goroutines.end(), waiters.begin(),
                        waiters.begin() + std::ptrdiff_t(std::min(waiters.size(), kListedGoroutines)));
    const TimeNs longest = waits.front().ns;
    const bool network = rootAwaitedNetwork(in.store, waits.front().rootSpan);
    const std::string object = commonObject(programWaits, group);
    // A few goroutines waiting long on a channel or WaitGroup is the ordinary fan-in (main waiting
    // for its workers); on a lock it is one goroutine holding it too long.
    const bool lock = object == "sync.Mutex" || object == "sync.RWMutex";
    if (longest < in.limits.longWaitHighNs)
        f.severity = Severity::Low;
    else if (waiters.size() >= in.limits.longWaitHighWaiters)
        f.severity = network ? Severity::Medium : Severity::High;
    else
        f.severity = lock ? Severity::Medium : Severity::Low;
    f.weight = shareOf(group.totalNs, goroutineTime);
    f.title = "G" + std::to_string(group.root) + " in " + std::string(group.rootFunction) + " kept "
              + waitersText(waiters) + " waiting " + (waiters.size() > 1 ? "up to " : "")
              + formatValue(longest, "nanoseconds") + " on " + object;
    f.detail = "Following who woke each waiter back to the goroutine that was not itself waiting on another ends at G"
               + std::to_string(group.root) + ", which was " + rootActivity(in.store, waits.front().rootSpan)
               + " before it let the longest waiter go"
               + (network ? ": the wait is for the network peer, seen through it."
                          : ": what it did while the others waited (held a lock, slept, made a system call) is the "
                            "cause.");
    f.with("longest_wait_ns", double(longest), "nanoseconds")
        .with("total_wait_ns", double(group.totalNs), "nanoseconds")
        .with("waiters", double(waiters.size()), "count")
        .with("chain_hops", double(waits.front().hops), "count")
        .with("share", f.weight, "ratio");
    return f;
}

} // namespace

void findLongWaits(const FindingInput& in, std::vector<Finding>& out)
{
    const TraceData& trace = *in.store.trace;
    const SpanTable& spans = trace.spans;
    ProgramWaits programWaits(in.store);
    std::unordered_map<int64_t, RootGroup> groups;
    forEachProfileStretch(in.store, TraceProfileKind::Sync, {}, [&](const ProfileStretch& s) {
        if (s.end - s.start < in.limits.longWaitMinNs || in.stop.stop_requested())
            return;
        const auto span = spans.spanAt(s.goroutine, s.end - 1);
        if (!span || programWaits.objectOf(*span).empty())
            return;
        const ProgramChain chain = programChain(trace, programWaits, s.goroutine, *span, in.limits.waitChainMaxHops);
        const ChainHop* last = rootHop(chain);
        if (!last)
            return;
        // A chain that comes back to the waiter is a hand-off (a producer and its consumers): the
        // waiter kept itself waiting, nobody else did.
        if (last->wokenBy == trace.goroutines.idOf(s.goroutine))
            return;
        RootGroup& group = groups[last->wokenBy];
        group.root = last->wokenBy;
        if (group.rootFunction.empty())
            group.rootFunction = goroutineFunction(in.store, last->wokenBy, last->wakerStack);
        group.waits.push_back({s.goroutine, *span, s.end - s.start, chain.waits.size(), chain.end});
        group.totalNs += s.end - s.start;
    });
    std::vector<const RootGroup*> worst;
    for (const auto& [root, group] : groups)
        worst.push_back(&group);
    std::sort(worst.begin(), worst.end(), [](const RootGroup* a, const RootGroup* b) {
        return a->totalNs != b->totalNs ? a->totalNs > b->totalNs : a->root < b->root;
    });
    worst.resize(std::min(worst.size(), in.limits.longWaitMaxFindings));
    const TimeNs goroutineTime = goroutineTimeNs(in.store);
    for (const RootGroup* group : worst)
        out.push_back(describe(in, programWaits, *group, goroutineTime));
}

} // namespace gs::findings
