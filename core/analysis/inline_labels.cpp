// SPDX-License-Identifier: MIT
#include "core/analysis/inline_labels.h"

#include <algorithm>
#include <unordered_map>

namespace gs {

std::vector<InlineLabel> computeInlineLabels(const Symbols& symbols, const WeightedStacks& stacks,
                                             const std::vector<uint8_t>* shown, int64_t minEdgeWeight)
{
    struct Edge
    {
        bool allInlined = true;
        int64_t weight = 0;
    };
    std::unordered_map<uint64_t, Edge> edges; // caller << 32 | callee
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
                    Edge& edge = edges[key];
                    edge.allInlined = edge.allInlined && frame.inlined;
                    edge.weight += sw.value;
                }
            }
            caller = frame.function;
            hasCaller = true;
        }
    }
    // Bit 1: some caller's calls inlined; bit 2: some not.
    std::vector<uint8_t> kinds(symbols.functions.size(), 0);
    for (const auto& [key, edge] : edges) {
        if ((edge.weight < 0 ? -edge.weight : edge.weight) >= minEdgeWeight)
            kinds[uint32_t(key)] |= edge.allInlined ? 1 : 2;
    }
    std::vector<InlineLabel> labels(kinds.size(), InlineLabel::None);
    for (size_t f = 0; f < kinds.size(); ++f) {
        if (kinds[f] == 1)
            labels[f] = InlineLabel::Inline;
        else if (kinds[f] == 3)
            labels[f] = InlineLabel::PartialInline;
    }
    return labels;
}

const char* inlineSuffix(InlineLabel label)
{
    switch (label) {
    case InlineLabel::Inline:
        return " (inline)";
    case InlineLabel::PartialInline:
        return " (partial-inline)";
    case InlineLabel::None:
        break;
    }
    return "";
}

} // namespace gs
