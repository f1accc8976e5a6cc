// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/stack_selection.h"
#include "core/model/symbols.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace gs {

enum class FlameDirection
{
    TopDown,  // root = outermost caller (icicle / flame graph)
    BottomUp, // root = leaf functions, children are their callers (inverted)
};

struct FlameOptions
{
    FlameDirection direction = FlameDirection::TopDown;
    // Sandwich view: with TopDown, the tree of callees of this function (from its outermost
    // occurrence in each stack); with BottomUp, the tree of its callers (from its innermost one).
    // Stacks without the function are left out.
    std::optional<FunctionId> pivot;
};

// An aggregated call tree, one node per distinct call path, stored flat. Node 0 is the root (no
// function). Children of a node are contiguous and sorted by function name, so the layout is
// deterministic and children(i) is a span. For a diff, `base*` columns hold the base profile's
// values on the same paths (paths only in the base exist too, with total 0).
//
// Built in O(sum of stack depths) hash look-ups, from weights already summed per distinct stack.
class FlameTree
{
public:
    static constexpr uint32_t kNone = UINT32_MAX;

    struct Node
    {
        FunctionId function = 0;
        uint32_t parent = kNone;
        uint32_t depth = 0;
        uint32_t firstChild = 0;
        uint32_t childCount = 0;
        int64_t self = 0;
        int64_t total = 0;
        int64_t baseSelf = 0;
        int64_t baseTotal = 0;
    };

    static FlameTree build(const Symbols& symbols, const WeightedStacks& stacks, FlameOptions options,
                           const WeightedStacks* base = nullptr);

    size_t size() const { return m_nodes.size(); }
    const Node& node(uint32_t i) const { return m_nodes[i]; }
    std::span<const Node> nodes() const { return m_nodes; }
    std::span<const Node> children(uint32_t i) const
    {
        return std::span<const Node>(m_nodes).subspan(m_nodes[i].firstChild, m_nodes[i].childCount);
    }
    uint32_t maxDepth() const { return m_maxDepth; }
    bool isDiff() const { return m_isDiff; }
    // Root-first list of node ids from the root (exclusive) to `i` (inclusive).
    std::vector<uint32_t> pathTo(uint32_t i) const;

private:
    std::vector<Node> m_nodes;
    uint32_t m_maxDepth = 0;
    bool m_isDiff = false;
};

} // namespace gs
