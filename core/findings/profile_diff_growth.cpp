// SPDX-License-Identifier: MIT
// diff-growth: with a base profile of the same kind, the functions whose part of the profile grew
// most. Two profiles of different length or load have different totals, so each function is
// measured as a share of its own profile's total; the finding says when the totals differ.
#include "core/analysis/top_table.h"
#include "core/findings/profile_costs.h"
#include "core/findings/profile_rule_set.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace gs::findings {

namespace {

// How many growing functions one finding lists.
constexpr size_t kGrowing = 3;

// The sample type the comparison is in: CPU time for CPU profiles, else the profile's default.
size_t comparedType(const Profile& profile)
{
    const int cpu = profile.findSampleType("cpu");
    return cpu >= 0 ? size_t(cpu) : profile.defaultSampleType;
}

struct Shares
{
    double flat = 0;
    double cum = 0;
    size_t depth = 0; // fewest frames above it in any stack: callers have less than their callees
};

// Each function's flat and cumulative share of `total`, by name (the two profiles' symbol tables differ).
std::unordered_map<std::string_view, Shares> sharesByName(const EventStore& store, size_t type, int64_t total)
{
    std::unordered_map<std::string_view, Shares> shares;
    const auto stacks = selectProfileStacks(store, type, StackFilter {});
    if (!stacks || total <= 0)
        return shares;
    const Symbols& symbols = store.symbols;
    std::unordered_map<FunctionId, size_t> depths;
    for (const StackWeight& weighted : stacks->stacks) {
        const std::span<const FrameId> frames = symbols.stacks.frames(weighted.stack);
        for (size_t i = 0; i < frames.size(); ++i) {
            const size_t depth = frames.size() - 1 - i;
            const auto [at, added] = depths.emplace(symbols.frameFunction(frames[i]), depth);
            if (!added)
                at->second = std::min(at->second, depth);
        }
    }
    for (const TopRow& row : computeTop(symbols, *stacks, TopOrder::Cum))
        shares[symbols.functionName(row.function)] = {double(row.flat) / double(total), double(row.cum) / double(total),
                                                      depths[row.function]};
    return shares;
}

struct Growth
{
    std::string_view function;
    Shares now;
    Shares before;
    double cum() const { return now.cum - before.cum; }
    double flat() const { return now.flat - before.flat; }
};

} // namespace

void findDiffGrowth(const FindingInput& in, std::vector<Finding>& out)
{
    if (!in.base || !in.base->profile)
        return;
    const Profile& profile = *in.store.profile;
    const size_t type = comparedType(profile);
    if (type >= in.base->profile->sampleTypes.size())
        return;
    const int64_t total = sampleTypeTotal(profile, type);
    const int64_t baseTotal = sampleTypeTotal(*in.base->profile, type);
    // An empty profile on either side has no shares to compare.
    if (total <= 0 || baseTotal <= 0)
        return;
    const auto now = sharesByName(in.store, type, total);
    const auto before = sharesByName(*in.base, type, baseTotal);

    std::vector<Growth> grown;
    for (const auto& [function, shares] : now) {
        const auto old = before.find(function);
        Growth g {function, shares, old == before.end() ? Shares {} : old->second};
        if (g.cum() > 0)
            grown.push_back(g);
    }
    if (grown.empty())
        return;
    const FindingThresholds& t = in.limits;
    // A caller grows with its callee: of the functions that grew about as much as the most, the
    // deepest is the one that changed (its callers only lead to it).
    std::sort(grown.begin(), grown.end(), [](const Growth& a, const Growth& b) {
        if (a.cum() != b.cum())
            return a.cum() > b.cum();
        return a.function < b.function;
    });
    const double most = grown.front().cum();
    const auto chainEnd = std::partition_point(grown.begin(), grown.end(),
                                               [&](const Growth& g) { return g.cum() >= most - t.growthSameChain; });
    std::stable_sort(grown.begin(), chainEnd, [](const Growth& a, const Growth& b) { return a.now.depth > b.now.depth; });
    const Growth& top = grown.front();
    const auto severity = severityFor(top.cum(), t.growthHigh, t.growthMedium, t.growthLow);
    if (!severity)
        return;

    const ValueType& measured = profile.sampleTypes[type];
    const std::string unit = evidenceUnit(measured);
    const std::string what = measured.type == "cpu" ? "CPU time" : measured.type;
    Finding f;
    f.kind = "diff-growth";
    f.severity = *severity;
    f.weight = top.cum();
    f.title = std::string(top.function) + " grew from " + shown(top.before.cum, "ratio") + " to "
              + shown(top.now.cum, "ratio") + " of " + what + " since the base";
    f.detail = total == baseTotal
                   ? "Both profiles have the same total " + what + " (" + shown(double(total), unit)
                         + "), so shares compare the values as they are."
                   : "Shares of each profile's own total " + what + " (" + shown(double(total), unit)
                         + " now, " + shown(double(baseTotal), unit) + " in the base), since the totals differ.";
    f.detail += " Growing most (cumulative share):";
    for (size_t i = 0; i < grown.size() && i < kGrowing; ++i) {
        f.functions.emplace_back(grown[i].function);
        f.detail += std::string(i == 0 ? " " : ", ") + std::string(grown[i].function) + " +"
                    + shown(grown[i].cum(), "ratio") + " (flat +" + shown(grown[i].flat(), "ratio") + ")";
    }
    f.detail += ".";
    f.with("growth", top.cum(), "ratio").with("flat_growth", top.flat(), "ratio");
    f.with("share", top.now.cum, "ratio").with("base_share", top.before.cum, "ratio");
    f.with("total", double(total), unit).with("base_total", double(baseTotal), unit);
    f.with("normalised", total == baseTotal ? 0 : 1, "count");
    out.push_back(std::move(f));
}

} // namespace gs::findings
