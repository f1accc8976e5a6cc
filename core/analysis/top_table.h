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

// pprof's -mean: each row's flat and cum divided (as integers) by the same sums over `divisor`,
// the stacks of the profile's first sample type (a count); rows whose divisor is zero keep their
// value. The order and the cut-offs stay those of the sums, as pprof's are.
void divideTopRows(const Symbols& symbols, const WeightedStacks& divisor, std::vector<TopRow>& rows);

} // namespace gs
