// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/call_edges.h"
#include "core/analysis/top_table.h"

#include <string_view>
#include <vector>

namespace gs {

// One function of pprof's peek report: its top row, and the calls into it and out of it, each
// list in pprof's order (heavier first, then by caller name, then by callee name).
struct PeekEntry
{
    TopRow row;
    std::vector<CallEdge> callers;
    std::vector<CallEdge> callees;
};

// The peek entries of the rows `matched` marks (per FunctionId), in the order of `rows`, from the
// call edges of the stacks (see computeCallEdges).
std::vector<PeekEntry> computePeek(const Symbols& symbols, const std::vector<TopRow>& rows,
                                   const std::vector<CallEdge>& edges, const std::vector<uint8_t>& matched);

// Edges of `current` minus those of `base` (both sorted by caller, then callee, as computeCallEdges
// returns them), for a diff; an edge is inlined only where it is inlined in both.
std::vector<CallEdge> subtractCallEdges(const std::vector<CallEdge>& current, const std::vector<CallEdge>& base);

// A function's name as pprof prints it: "<unknown>" for a PC the profile could not symbolize.
std::string_view printableFunctionName(const Symbols& symbols, FunctionId f);

} // namespace gs
