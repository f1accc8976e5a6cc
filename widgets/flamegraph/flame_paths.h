// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/flame_tree.h"
#include "core/model/symbols.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gs::ui {

// Call paths by function name, to find "the same place" in another tree: after a filter change,
// in a diff with renumbered symbols, or in tests.

// Root-first function names from the root (exclusive) to `node` (inclusive).
std::vector<std::string> namePath(const FlameTree& tree, const Symbols& symbols, uint32_t node);

// The node reached by following `names` from the root, or nothing if a step is missing or empty.
std::optional<uint32_t> findPath(const FlameTree& tree, const Symbols& symbols, const std::vector<std::string>& names);

} // namespace gs::ui
