// SPDX-License-Identifier: MIT
#include "core/analysis/peek.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>

namespace gs {

namespace {

void sortEdges(const Symbols& symbols, std::vector<CallEdge>& edges)
{
    std::sort(edges.begin(), edges.end(), [&](const CallEdge& a, const CallEdge& b) {
        if (a.weight != b.weight)
            return std::llabs(a.weight) > std::llabs(b.weight);
        const std::string_view callerA = printableFunctionName(symbols, a.caller);
        const std::string_view callerB = printableFunctionName(symbols, b.caller);
        if (callerA != callerB)
            return callerA < callerB;
        const std::string_view calleeA = printableFunctionName(symbols, a.callee);
        const std::string_view calleeB = printableFunctionName(symbols, b.callee);
        if (calleeA != calleeB)
            return calleeA < calleeB;
        return std::tie(a.caller, a.callee) < std::tie(b.caller, b.callee);
    });
}

} // namespace

std::string_view printableFunctionName(const Symbols& symbols, FunctionId f)
{
    const std::string_view name = symbols.functionName(f);
    return name.empty() ? std::string_view("<unknown>") : name;
}

std::vector<PeekEntry> computePeek(const Symbols& symbols, const std::vector<TopRow>& rows,
                                   const std::vector<CallEdge>& edges, const std::vector<uint8_t>& matched)
{
    auto isMatched = [&](FunctionId f) { return f < matched.size() && matched[f]; };
    std::vector<PeekEntry> entries;
    std::vector<size_t> entryOf(symbols.functions.size(), SIZE_MAX);
    for (const TopRow& r : rows) {
        if (!isMatched(r.function))
            continue;
        entryOf[r.function] = entries.size();
        entries.push_back({r, {}, {}});
    }
    for (const CallEdge& e : edges) {
        if (isMatched(e.callee) && entryOf[e.callee] != SIZE_MAX)
            entries[entryOf[e.callee]].callers.push_back(e);
        if (isMatched(e.caller) && entryOf[e.caller] != SIZE_MAX)
            entries[entryOf[e.caller]].callees.push_back(e);
    }
    for (PeekEntry& entry : entries) {
        sortEdges(symbols, entry.callers);
        sortEdges(symbols, entry.callees);
    }
    return entries;
}

std::vector<CallEdge> subtractCallEdges(const std::vector<CallEdge>& current, const std::vector<CallEdge>& base)
{
    std::vector<CallEdge> out;
    out.reserve(current.size() + base.size());
    auto key = [](const CallEdge& e) { return std::tie(e.caller, e.callee); };
    size_t i = 0, j = 0;
    while (i < current.size() || j < base.size()) {
        if (j == base.size() || (i < current.size() && key(current[i]) < key(base[j]))) {
            out.push_back(current[i++]);
        } else if (i == current.size() || key(base[j]) < key(current[i])) {
            CallEdge e = base[j++];
            e.weight = -e.weight;
            out.push_back(e);
        } else {
            CallEdge e = current[i++];
            e.weight -= base[j].weight;
            e.inlined = e.inlined && base[j++].inlined;
            out.push_back(e);
        }
    }
    std::erase_if(out, [](const CallEdge& e) { return e.weight == 0; });
    return out;
}

} // namespace gs
