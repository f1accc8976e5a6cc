// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/flame_tree.h"
#include "core/model/symbols.h"

#include <ostream>

namespace gs {

// Writes a top-down flame tree as folded stacks, the format of FlameGraph's stackcollapse tools:
// one line "root;caller;leaf VALUE" per call path with self weight, in the tree's (sorted) order.
// A ';' or line break inside a function name would break the format and is written as '_'.
void writeFolded(const Symbols& symbols, const FlameTree& tree, std::ostream& out);

} // namespace gs
