// SPDX-License-Identifier: MIT
#include "core/analysis/top_table.h"

#include <algorithm>
#include <cstdlib>

namespace gs {

namespace {

void accumulate(const Symbols& symbols, const WeightedStacks& ws, int64_t sign, std::vector<int64_t>& flat,
                std::vector<int64_t>& cum, std::vector<uint8_t>& touched)
{
    // `stamp` marks functions already counted in the current stack, so recursion counts once.
    std::vector<uint32_t> stamp(symbols.functions.size(), 0);
    uint32_t generation = 0;
    for (const StackWeight& sw : ws.stacks) {
        ++generation;
        bool leafDone = false;
        for (FrameId fr : symbols.stacks.frames(sw.stack)) {
            const FunctionId f = symbols.frames[fr].function;
            if (ws.isHidden(f))
                continue;
            if (!leafDone) {
                flat[f] += sign * sw.value;
                leafDone = true;
            }
            if (stamp[f] != generation) {
                stamp[f] = generation;
                cum[f] += sign * sw.value;
                touched[f] = 1;
            }
        }
    }
}

} // namespace

std::vector<TopRow> computeTop(const Symbols& symbols, const WeightedStacks& stacks, TopOrder order,
                               const WeightedStacks* base)
{
    const size_t n = symbols.functions.size();
    std::vector<int64_t> flat(n, 0), cum(n, 0);
    std::vector<uint8_t> touched(n, 0);
    accumulate(symbols, stacks, +1, flat, cum, touched);
    if (base)
        accumulate(symbols, *base, -1, flat, cum, touched);

    std::vector<TopRow> rows;
    for (size_t f = 0; f < n; ++f) {
        if (touched[f] && (flat[f] != 0 || cum[f] != 0))
            rows.push_back(TopRow {FunctionId(f), flat[f], cum[f]});
    }
    auto name = [&](const TopRow& r) { return symbols.functionName(r.function); };
    std::sort(rows.begin(), rows.end(), [&](const TopRow& a, const TopRow& b) {
        const int64_t a1 = std::llabs(order == TopOrder::Flat ? a.flat : a.cum);
        const int64_t b1 = std::llabs(order == TopOrder::Flat ? b.flat : b.cum);
        if (a1 != b1)
            return a1 > b1;
        if (name(a) != name(b))
            return name(a) < name(b);
        const int64_t a2 = std::llabs(order == TopOrder::Flat ? a.cum : a.flat);
        const int64_t b2 = std::llabs(order == TopOrder::Flat ? b.cum : b.flat);
        if (a2 != b2)
            return a2 > b2;
        // Only functions sharing a name get here (regrouped nodes), which pprof leaves in a Go
        // map's order, different from run to run: a fixed order instead.
        return a.function < b.function;
    });
    return rows;
}

} // namespace gs
