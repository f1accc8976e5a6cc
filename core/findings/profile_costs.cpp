// SPDX-License-Identifier: MIT
#include "core/findings/profile_costs.h"

#include "core/analysis/go_packages.h"
#include "core/analysis/stack_selection.h"

#include <algorithm>
#include <unordered_map>

namespace gs::findings {

ProfileKind profileKind(const Profile& profile)
{
    if (profile.findSampleType("cpu") >= 0)
        return ProfileKind::Cpu;
    if (profile.findSampleType("alloc_space") >= 0 || profile.findSampleType("inuse_space") >= 0)
        return ProfileKind::Memory;
    if (profile.findSampleType("delay") >= 0 && profile.findSampleType("contentions") >= 0)
        return ProfileKind::Contention;
    return ProfileKind::Other;
}

FunctionWeights largestFirst(const std::unordered_map<FunctionId, int64_t>& weights)
{
    FunctionWeights sorted(weights.begin(), weights.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    return sorted;
}

std::optional<size_t> userFrameFrom(const Symbols& symbols, std::span<const FrameId> frames, size_t from)
{
    std::optional<size_t> notRuntime;
    for (size_t i = from; i < frames.size(); ++i) {
        const std::string_view name = symbols.functionName(symbols.frameFunction(frames[i]));
        if (isGoRuntimeFunction(name))
            continue;
        if (!isGoStandardLibraryFunction(name))
            return i;
        if (!notRuntime)
            notRuntime = i;
    }
    return notRuntime;
}

namespace {

// The frame nearest the root whose function `family` marks.
std::optional<size_t> outermostOf(const Symbols& symbols, std::span<const FrameId> frames,
                                  const std::vector<uint8_t>& family)
{
    for (size_t i = frames.size(); i-- > 0;) {
        const FunctionId f = symbols.frameFunction(frames[i]);
        if (f < family.size() && family[f])
            return i;
    }
    return std::nullopt;
}

} // namespace

FamilyCost familyCost(const EventStore& store, size_t sampleType, const std::vector<uint8_t>* family)
{
    FamilyCost cost;
    const auto stacks = selectProfileStacks(store, sampleType, StackFilter {});
    if (!stacks)
        return cost;
    cost.total = sampleTypeTotal(*store.profile, sampleType);
    const Symbols& symbols = store.symbols;
    std::unordered_map<FunctionId, int64_t> entries;
    std::unordered_map<FunctionId, int64_t> callers;
    for (const StackWeight& weighted : stacks->stacks) {
        const std::span<const FrameId> frames = symbols.stacks.frames(weighted.stack);
        if (frames.empty())
            continue;
        // Where the stack enters the family (the leaf when there is no family).
        const std::optional<size_t> entry = family ? outermostOf(symbols, frames, *family) : 0;
        if (!entry)
            continue;
        cost.value += weighted.value;
        entries[symbols.frameFunction(frames[*entry])] += weighted.value;
        // A heap profile's leaf is the allocation site itself; a family's entry is called from above.
        if (const auto caller = userFrameFrom(symbols, frames, family ? *entry + 1 : 0))
            callers[symbols.frameFunction(frames[*caller])] += weighted.value;
    }
    cost.entries = largestFirst(entries);
    cost.callers = largestFirst(callers);
    return cost;
}

std::vector<uint8_t> functionsMatching(const Symbols& symbols, const std::string& pattern)
{
    auto mask = matchFunctions(symbols, pattern);
    return mask ? std::move(*mask) : std::vector<uint8_t> {};
}

void findCpuFamily(const FindingInput& in, const CpuFamily& family, std::vector<Finding>& out)
{
    const Profile& profile = *in.store.profile;
    if (profileKind(profile) != ProfileKind::Cpu)
        return;
    const Symbols& symbols = in.store.symbols;
    const auto members = functionsMatching(symbols, family.pattern);
    const FamilyCost cost = familyCost(in.store, size_t(profile.findSampleType("cpu")), &members);
    const auto severity = severityFor(cost.share(), family.high, family.medium, family.low);
    if (!severity)
        return;
    Finding f;
    f.kind = family.kind;
    f.severity = *severity;
    f.weight = cost.share();
    f.title = shown(cost.share(), "ratio") + " of CPU time is spent " + family.spent;
    if (!cost.entries.empty())
        f.title += " (" + std::string(symbols.functionName(cost.entries.front().first)) + ")";
    f.title += fromCallers(symbols, cost.callers, cost.total, 2);
    f.detail = family.detail;
    f.functions = functionNames(symbols, cost.callers, kNamedFunctions);
    f.with("share", cost.share(), "ratio").with("cpu_ns", double(cost.value), "nanoseconds");
    f.with("profile_cpu_ns", double(cost.total), "nanoseconds");
    if (!cost.callers.empty())
        f.with("top_caller_share", double(cost.callers.front().second) / double(cost.total), "ratio");
    out.push_back(std::move(f));
}

std::string evidenceUnit(const ValueType& type)
{
    if (type.unit == "nanoseconds" || type.unit == "bytes")
        return type.unit;
    return "count";
}

std::string shown(double value, const std::string& unit)
{
    return formatEvidence(Evidence {{}, value, unit});
}

std::vector<std::string> functionNames(const Symbols& symbols, const FunctionWeights& weights, size_t limit)
{
    std::vector<std::string> names;
    for (size_t i = 0; i < weights.size() && i < limit; ++i)
        names.emplace_back(symbols.functionName(weights[i].first));
    return names;
}

std::string fromCallers(const Symbols& symbols, const FunctionWeights& callers, int64_t total, size_t limit)
{
    std::string text;
    for (size_t i = 0; i < callers.size() && i < limit && total > 0; ++i) {
        text += i == 0 ? ", from " : ", ";
        text += std::string(symbols.functionName(callers[i].first)) + " ("
                + shown(double(callers[i].second) / double(total), "ratio") + ")";
    }
    return text;
}

} // namespace gs::findings
