// SPDX-License-Identifier: MIT
#include "core/analysis/inline_labels.h"

#include "core/analysis/call_edges.h"

namespace gs {

std::vector<InlineLabel> computeInlineLabels(const Symbols& symbols, const WeightedStacks& stacks,
                                             const std::vector<uint8_t>* shown, int64_t minEdgeWeight)
{
    // Bit 1: some caller's calls inlined; bit 2: some not.
    std::vector<uint8_t> kinds(symbols.functions.size(), 0);
    for (const CallEdge& edge : computeCallEdges(symbols, stacks, shown)) {
        if ((edge.weight < 0 ? -edge.weight : edge.weight) >= minEdgeWeight)
            kinds[edge.callee] |= edge.inlined ? 1 : 2;
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
