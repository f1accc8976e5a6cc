// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/stack_selection.h"
#include "core/model/symbols.h"

#include <cstdint>
#include <vector>

namespace gs {

// A caller->callee pair of pprof's call graph: the weight of the stacks it appears in (each
// counted once), and whether the call was inlined in every one of them.
struct CallEdge
{
    FunctionId caller = 0;
    FunctionId callee = 0;
    int64_t weight = 0;
    bool inlined = true;
};

// The edges of pprof's call graph, built as pprof builds them: walking each stack from the root,
// a frame's function is called by the previous frame's (a function calling itself makes no edge),
// and a pair counts once per stack. Hidden functions are skipped, so their callers link their
// callees; so are functions outside `shown` (per FunctionId, optional), as pprof rebuilds its
// graph from the nodes a report keeps. Stacks of zero weight add nothing. Sorted by caller, then
// callee.
std::vector<CallEdge> computeCallEdges(const Symbols& symbols, const WeightedStacks& stacks,
                                       const std::vector<uint8_t>* shown = nullptr);

} // namespace gs
