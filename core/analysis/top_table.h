// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/stack_selection.h"
#include "core/model/symbols.h"

#include <vector>

namespace gs {

// One row of `go tool pprof -top`: a function's flat (leaf) and cumulative (anywhere in the
// stack, counted once per stack) weight.
struct TopRow
{
    FunctionId function = 0;
    int64_t flat = 0;
    int64_t cum = 0;
};

enum class TopOrder
{
    Flat, // pprof's default: flat desc, name asc, cum desc
    Cum,  // pprof -cum: cum desc, name asc, flat desc
};

// Every function that has weight, ordered as pprof orders them. For a diff, pass the base:
// values are then current minus base, and the order uses absolute values, as pprof -diff_base does.
std::vector<TopRow> computeTop(const Symbols& symbols, const WeightedStacks& stacks, TopOrder order,
                               const WeightedStacks* base = nullptr);

} // namespace gs
