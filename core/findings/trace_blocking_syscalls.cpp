// SPDX-License-Identifier: MIT
// Rule "blocking-syscall": the stretches of Go's syscall profile (a goroutine in a system call,
// with its processor or after losing it), grouped by the function that made the call. A function
// is reported when one of its calls lasted syscallMinNs: many short calls are work, one long one
// is a goroutine (and an OS thread) stuck in the kernel.
#include "core/analysis/trace_profiles.h"
#include "core/analysis/value_format.h"
#include "core/findings/stack_names.h"
#include "core/findings/trace_time.h"
#include "core/findings/trace_wait_rules.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace gs::findings {

namespace {

struct Caller
{
    std::string_view function;
    TimeNs totalNs = 0;
    size_t calls = 0;
    ProfileStretch longest;
    std::vector<std::pair<int64_t, TimeNs>> goroutines; // goroutine -> its longest call
};

TimeNs lengthOf(const ProfileStretch& s)
{
    return s.end - s.start;
}

Finding describe(const FindingInput& in, Caller& c, TimeNs goroutineTime)
{
    std::sort(c.goroutines.begin(), c.goroutines.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    const TimeNs longest = lengthOf(c.longest);
    Finding f;
    f.kind = "blocking-syscall";
    f.weight = shareOf(c.totalNs, goroutineTime);
    f.severity = longest < in.limits.syscallHighNs             ? Severity::Low
                 : f.weight < in.limits.syscallHighShare ? Severity::Medium
                                                         : Severity::High;
    const std::string function(c.function);
    if (c.goroutines.size() == 1)
        f.title = "G" + std::to_string(c.goroutines.front().first) + " in " + function + " was blocked "
                  + formatValue(longest, "nanoseconds") + " in a system call";
    else
        f.title = std::to_string(c.goroutines.size()) + " goroutines in " + function + " spent "
                  + formatValue(c.totalNs, "nanoseconds") + " in system calls, the longest "
                  + formatValue(longest, "nanoseconds");
    f.detail = "A goroutine in a system call holds an OS thread and, once the call blocks, leaves its processor to "
               "another thread; a read or write the network poller could wait for would not.";
    f.functions.push_back(function);
    for (size_t i = 0; i < c.goroutines.size() && i < kListedGoroutines; ++i)
        f.goroutines.push_back(c.goroutines[i].first);
    f.startNs = c.longest.start;
    f.endNs = c.longest.end;
    f.with("longest_syscall_ns", double(longest), "nanoseconds")
        .with("total_syscall_ns", double(c.totalNs), "nanoseconds")
        .with("syscalls", double(c.calls), "count")
        .with("goroutines", double(c.goroutines.size()), "count")
        .with("share", f.weight, "ratio");
    return f;
}

} // namespace

void findBlockingSyscalls(const FindingInput& in, std::vector<Finding>& out)
{
    const TraceData& trace = *in.store.trace;
    std::unordered_map<std::string_view, Caller> callers;
    std::unordered_map<StackId, std::string_view> functionOf;
    forEachProfileStretch(in.store, TraceProfileKind::Syscall, {}, [&](const ProfileStretch& s) {
        if (in.stop.stop_requested())
            return;
        const std::string_view function =
            cachedFunction(functionOf, in.store, trace.goroutines.idOf(s.goroutine), s.stack);
        Caller& c = callers[function];
        c.function = function;
        c.totalNs += lengthOf(s);
        ++c.calls;
        if (c.calls == 1 || lengthOf(s) > lengthOf(c.longest))
            c.longest = s;
        // Stretches come goroutine by goroutine: the same goroutine is the last entry.
        const int64_t id = trace.goroutines.idOf(s.goroutine);
        if (c.goroutines.empty() || c.goroutines.back().first != id)
            c.goroutines.emplace_back(id, 0);
        c.goroutines.back().second = std::max(c.goroutines.back().second, lengthOf(s));
    });
    std::vector<Caller*> worst;
    for (auto& [function, c] : callers)
        if (lengthOf(c.longest) >= in.limits.syscallMinNs)
            worst.push_back(&c);
    std::sort(worst.begin(), worst.end(), [](const Caller* a, const Caller* b) {
        return a->totalNs != b->totalNs ? a->totalNs > b->totalNs : a->function < b->function;
    });
    worst.resize(std::min(worst.size(), in.limits.syscallMaxFindings));
    const TimeNs goroutineTime = goroutineTimeNs(in.store);
    for (Caller* c : worst)
        out.push_back(describe(in, *c, goroutineTime));
}

} // namespace gs::findings
