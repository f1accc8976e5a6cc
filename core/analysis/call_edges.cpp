// SPDX-License-Identifier: MIT
#include "core/analysis/call_edges.h"

#include <algorithm>
#include <unordered_map>

namespace gs {

std::vector<CallEdge> computeCallEdges(const Symbols& symbols, const WeightedStacks& stacks,
                                       const std::vector<uint8_t>* shown)
{
    std::unordered_map<uint64_t, CallEdge> edges; // caller << 32 | callee
    std::vector<uint64_t> seen; // edges already counted in the current stack
    for (const StackWeight& sw : stacks.stacks) {
        if (sw.value == 0)
            continue;
        seen.clear();
        const auto frames = symbols.stacks.frames(sw.stack);
        bool hasCaller = false;
        FunctionId caller = 0;
        for (auto it = frames.rbegin(); it != frames.rend(); ++it) { // root first, as pprof walks
            const Frame& frame = symbols.frames[*it];
            if (stacks.isHidden(frame.function) || (shown && !(*shown)[frame.function]))
                continue;
            if (hasCaller && caller != frame.function) {
                const uint64_t key = (uint64_t(caller) << 32) | frame.function;
                if (std::find(seen.begin(), seen.end(), key) == seen.end()) {
                    seen.push_back(key);
                    auto [edge, inserted] = edges.try_emplace(key, CallEdge {caller, frame.function, 0, true});
                    edge->second.inlined = edge->second.inlined && frame.inlined;
                    edge->second.weight += sw.value;
                }
            }
            caller = frame.function;
            hasCaller = true;
        }
    }
    std::vector<CallEdge> out;
    out.reserve(edges.size());
    for (const auto& [key, edge] : edges)
        out.push_back(edge);
    std::sort(out.begin(), out.end(), [](const CallEdge& a, const CallEdge& b) {
        return a.caller != b.caller ? a.caller < b.caller : a.callee < b.callee;
    });
    return out;
}

} // namespace gs
