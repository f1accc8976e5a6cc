// SPDX-License-Identifier: MIT
#include "widgets/flamegraph/flame_search.h"

namespace gs::ui {

FlameSearchResult searchFlame(const FlameTree& tree, const std::vector<uint8_t>& functionMask, uint32_t root)
{
    FlameSearchResult out;
    out.nodeMatches.assign(tree.size(), 0);
    // Node 0 is the synthetic root and has no function of its own.
    for (size_t i = 1; i < tree.size(); ++i) {
        const FunctionId f = tree.node(uint32_t(i)).function;
        out.nodeMatches[i] = f < functionMask.size() && functionMask[f] ? 1 : 0;
    }
    if (root >= tree.size())
        return out;

    // 0: outside the subtree, 1: inside and not yet covered, 2: inside, an ancestor matched.
    // Parents precede children in the breadth-first numbering, so one forward pass suffices.
    std::vector<uint8_t> state(tree.size(), 0);
    state[root] = 1;
    for (size_t i = root; i < tree.size(); ++i) {
        if (i != root) {
            const uint32_t parent = tree.node(uint32_t(i)).parent;
            if (parent == FlameTree::kNone || state[parent] == 0)
                continue;
            state[i] = state[parent] == 2 || out.nodeMatches[parent] ? 2 : 1;
        }
        if (state[i] == 1 && out.nodeMatches[i])
            out.matchedTotal += tree.node(uint32_t(i)).total;
    }
    return out;
}

} // namespace gs::ui
