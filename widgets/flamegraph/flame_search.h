// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/flame_tree.h"

#include <cstdint>
#include <vector>

namespace gs::ui {

// Which nodes of a flame tree match a search, and how much weight the matches cover.
struct FlameSearchResult
{
    std::vector<uint8_t> nodeMatches; // per tree node: 1 when its function matched
    int64_t matchedTotal = 0;         // weight under `root` covered by matches, each sample once
};

// Marks the nodes whose function is set in `functionMask` (one byte per FunctionId, as
// gs::matchFunctions returns it) and sums the totals of the outermost matches inside the subtree
// of `root`: a match nested under another match is already counted, so recursion and repeated
// helpers never push the share past 100%.
FlameSearchResult searchFlame(const FlameTree& tree, const std::vector<uint8_t>& functionMask, uint32_t root);

} // namespace gs::ui
