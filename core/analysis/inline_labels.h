// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/stack_selection.h"
#include "core/model/symbols.h"

#include <cstdint>
#include <vector>

namespace gs {

// pprof's annotation of a function in its text reports: "(inline)" when every call into it was
// inlined by the compiler, "(partial-inline)" when some were.
enum class InlineLabel : uint8_t
{
    None,
    Inline,
    PartialInline,
};

// The label of every function (indexed by FunctionId), decided as pprof does: per caller->callee
// pair, a call counts as inlined only if it was inlined in every stack it appears in (its first
// occurrence from the root in each stack); a function is "(inline)" if all its callers' calls are,
// "(partial-inline)" if only some are. Functions never called (roots) have no label.
// `shown` (per FunctionId, optional) limits the graph to the functions a report shows, as pprof
// rebuilds its graph from the kept nodes: a call then links the nearest shown caller. Caller->callee
// pairs whose summed weight is under `minEdgeWeight` (in absolute value) do not count, as pprof
// trims low-frequency edges (-edgefraction) before labelling.
std::vector<InlineLabel> computeInlineLabels(const Symbols& symbols, const WeightedStacks& stacks,
                                             const std::vector<uint8_t>* shown = nullptr, int64_t minEdgeWeight = 0);

// " (inline)", " (partial-inline)" or "", to append to a function name.
const char* inlineSuffix(InlineLabel label);

} // namespace gs
