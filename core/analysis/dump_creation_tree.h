// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/goroutine_dump.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace gs {

// Who created whom, from the "created by F in goroutine N" lines (Go 1.21+). A creator that is
// no longer in the dump (it exited) still gets a node, so its children stay together.
struct CreationNode
{
    static constexpr uint32_t kAbsent = std::numeric_limits<uint32_t>::max();
    uint64_t id = 0;
    uint32_t goroutine = kAbsent;  // index into dump.goroutines; kAbsent for an exited creator
    std::vector<uint32_t> children; // node indices, by goroutine id
    int64_t subtreeSize = 0;        // goroutines in the dump at or below this node
};

struct CreationTree
{
    std::vector<CreationNode> nodes;
    std::vector<uint32_t> roots; // nodes without a known creator, by goroutine id
};

// Builds the tree of a traceback dump (a count profile has no goroutine ids: empty tree).
CreationTree buildCreationTree(const GoroutineDumpData& dump);

} // namespace gs
