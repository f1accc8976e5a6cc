// SPDX-License-Identifier: MIT
// Tallies by function, shared by the scheduler, GC and goroutine-count rules.
#include "core/findings/trace_sched_rules.h"

#include "core/analysis/go_packages.h"

#include <algorithm>
#include <tuple>

namespace gs::findings {

std::vector<std::pair<std::string, double>> largestFunctions(const Symbols& symbols, const FunctionTally& tally,
                                                             size_t limit, double minShareOfLargest)
{
    std::vector<std::pair<std::string, double>> ranked;
    ranked.reserve(tally.size());
    for (const auto& [function, value] : tally)
        if (function < symbols.functions.size() && value > 0)
            ranked.emplace_back(std::string(symbols.functionName(function)), value);
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return std::tie(b.second, a.first) < std::tie(a.second, b.first); });
    if (!ranked.empty()) {
        const double floor = ranked.front().second * minShareOfLargest;
        const auto small = std::find_if(ranked.begin(), ranked.end(), [&](const auto& r) { return r.second < floor; });
        ranked.erase(small, ranked.end());
    }
    if (ranked.size() > limit)
        ranked.resize(limit);
    return ranked;
}

std::vector<std::string> functionNames(const std::vector<std::pair<std::string, double>>& ranked)
{
    std::vector<std::string> names;
    names.reserve(ranked.size());
    for (const auto& r : ranked)
        names.push_back(r.first);
    return names;
}

bool isRuntimeFunction(const Symbols& symbols, FunctionId function)
{
    return function < symbols.functions.size() && isRuntimeGoroutineStart(symbols.functionName(function));
}

FunctionId creatorFunction(const EventStore& store, GoroutineRow row)
{
    const StackId stack = store.trace->goroutines[row].creationStack;
    if (stack == 0 || stack >= store.symbols.stacks.size())
        return UINT32_MAX;
    const auto frames = store.symbols.stacks.frames(stack);
    return frames.empty() ? UINT32_MAX : store.symbols.frameFunction(frames.front());
}

} // namespace gs::findings
