// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/stack_selection.h"
#include "core/model/symbols.h"

#include <memory>

namespace gs::ui {

// Two profiles' weighted stacks re-expressed over one shared symbol table, so a diff can build a
// single FlameTree and top table over both. Functions are matched by name, as pprof does.
struct MergedStacks
{
    std::shared_ptr<const Symbols> symbols;
    WeightedStacks current;
    WeightedStacks base;
};

// Interns every function, frame and stack used by `current` (over `currentSymbols`) and `base`
// (over `baseSymbols`) into a fresh Symbols. Hidden-function masks are carried over. Linear in
// the total length of the distinct stacks; runs on a worker thread, touches no shared state.
MergedStacks mergeForDiff(const Symbols& currentSymbols, const WeightedStacks& current, const Symbols& baseSymbols,
                          const WeightedStacks& base);

} // namespace gs::ui
