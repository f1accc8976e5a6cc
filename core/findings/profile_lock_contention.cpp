// SPDX-License-Identifier: MIT
// lock-contention: in mutex and block profiles, the locks goroutines waited for (the lock call in
// a block profile, the unlock that ended the wait in a mutex profile), each with the program's
// functions that took them.
#include "core/analysis/go_packages.h"
#include "core/analysis/stack_selection.h"
#include "core/findings/profile_costs.h"
#include "core/findings/profile_rule_set.h"

#include <algorithm>
#include <unordered_map>

namespace gs::findings {

namespace {

// Lock and unlock of sync's mutexes (and the runtime's own locks). Block profiles also record
// channel operations, selects, WaitGroup.Wait and Cond.Wait: waits for work or for an event, not
// for a lock, so they are not contention.
constexpr const char* kLockCall =
    R"(^(sync|internal/sync)\.\(\*(Mutex|RWMutex)\)\.|^runtime\.(lock|unlock)(2|WithRank)?$|^runtime\._LostContendedRuntimeLock$)";

// How many locks get a finding each: the rest are below the top ones' share.
constexpr size_t kLocks = 3;

bool isSyncOrRuntime(std::string_view function)
{
    const std::string_view pkg = goPackage(function);
    return isGoRuntimeFunction(function) || pkg == "sync" || pkg == "internal/sync";
}

struct LockHead
{
    int64_t delay = 0;
    int64_t contentions = 0;
    std::unordered_map<FunctionId, int64_t> callers; // delay by the function that took the lock
};

} // namespace

void findProfileLockContention(const FindingInput& in, std::vector<Finding>& out)
{
    const Profile& profile = *in.store.profile;
    if (profileKind(profile) != ProfileKind::Contention)
        return;
    const Symbols& symbols = in.store.symbols;
    const size_t delayType = size_t(profile.findSampleType("delay"));
    const auto delays = selectProfileStacks(in.store, delayType, StackFilter {});
    const auto counts = selectProfileStacks(in.store, size_t(profile.findSampleType("contentions")), StackFilter {});
    if (!delays || !counts)
        return;
    const int64_t totalDelay = sampleTypeTotal(profile, delayType);
    if (totalDelay <= 0)
        return;
    std::unordered_map<StackId, int64_t> contentionsOf;
    for (const StackWeight& w : counts->stacks)
        contentionsOf[w.stack] += w.value;
    const auto isLockCall = functionsMatching(symbols, kLockCall);

    std::unordered_map<FunctionId, LockHead> heads;
    for (const StackWeight& w : delays->stacks) {
        const std::span<const FrameId> frames = symbols.stacks.frames(w.stack);
        // The head is the outermost lock frame below the first frame outside sync and the runtime
        // (sync.(*Mutex).Lock rather than the internal lockSlow it calls); that frame is the caller.
        size_t caller = 0;
        while (caller < frames.size() && isSyncOrRuntime(symbols.functionName(symbols.frameFunction(frames[caller]))))
            ++caller;
        std::optional<FunctionId> head;
        for (size_t i = 0; i < caller; ++i)
            if (const FunctionId f = symbols.frameFunction(frames[i]); f < isLockCall.size() && isLockCall[f])
                head = f;
        if (!head)
            continue;
        LockHead& h = heads[*head];
        h.delay += w.value;
        h.contentions += contentionsOf[w.stack];
        if (const auto user = userFrameFrom(symbols, frames, caller))
            h.callers[symbols.frameFunction(frames[*user])] += w.value;
    }

    std::vector<std::pair<FunctionId, const LockHead*>> ranked;
    for (const auto& [function, head] : heads)
        ranked.emplace_back(function, &head);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second->delay != b.second->delay ? a.second->delay > b.second->delay : a.first < b.first;
    });
    const FindingThresholds& t = in.limits;
    for (size_t i = 0; i < ranked.size() && i < kLocks; ++i) {
        const auto& [function, head] = ranked[i];
        const double share = double(head->delay) / double(totalDelay);
        const auto severity = severityFor(head->delay, t.lockDelayHigh, t.lockDelayMedium, t.lockDelayLow);
        if (!severity || share < t.lockMinShare)
            continue;
        const FunctionWeights callers = largestFirst(head->callers);
        const std::string lock(symbols.functionName(function));
        // A mutex profile charges the wait to the unlock that ended it: the stack holding the lock.
        const bool atUnlock = lock.find("nlock") != std::string::npos;
        Finding f;
        f.kind = "lock-contention";
        f.severity = *severity;
        f.weight = share;
        const std::string by = callers.empty() ? std::string("the runtime")
                                               : std::string(symbols.functionName(callers.front().first));
        f.title = atUnlock ? "Goroutines waited " + shown(double(head->delay), "nanoseconds") + " for a lock held in "
                                 + by + " (" + lock + ", " + shown(share, "ratio") + " of lock delay)"
                           : "Goroutines in " + by + " waited " + shown(double(head->delay), "nanoseconds") + " in "
                                 + lock + " (" + shown(share, "ratio") + " of blocking delay)";
        f.detail = "Delay by lock call, with the program's functions on those stacks"
                   + fromCallers(symbols, callers, head->delay, kNamedFunctions)
                   + ". Shorter critical sections, sharding the data or an RWMutex for readers cut the wait.";
        f.functions = functionNames(symbols, callers, kNamedFunctions);
        f.functions.push_back(lock);
        f.with("delay_ns", double(head->delay), "nanoseconds").with("contentions", double(head->contentions), "count");
        f.with("share", share, "ratio").with("profile_delay_ns", double(totalDelay), "nanoseconds");
        out.push_back(std::move(f));
    }
}

} // namespace gs::findings
