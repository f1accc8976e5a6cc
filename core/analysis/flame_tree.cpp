// SPDX-License-Identifier: MIT
#include "core/analysis/flame_tree.h"

#include <algorithm>
#include <unordered_map>

namespace gs {

namespace {

// Tree under construction: children found by (parent, function) hash; compacted afterwards.
class TreeBuilder
{
public:
    TreeBuilder() { m_nodes.push_back(FlameTree::Node {}); }

    void add(const std::vector<FunctionId>& path, int64_t value, bool base)
    {
        uint32_t current = 0;
        addValue(current, value, base, false);
        for (FunctionId f : path) {
            current = child(current, f);
            addValue(current, value, base, false);
        }
        addValue(current, value, base, true);
    }

    std::vector<FlameTree::Node>& nodes() { return m_nodes; }

private:
    uint32_t child(uint32_t parent, FunctionId f)
    {
        const uint64_t key = (uint64_t(parent) << 32) | f;
        auto [it, inserted] = m_children.emplace(key, uint32_t(m_nodes.size()));
        if (inserted) {
            FlameTree::Node n;
            n.function = f;
            n.parent = parent;
            n.depth = m_nodes[parent].depth + 1;
            m_nodes.push_back(n);
        }
        return it->second;
    }

    void addValue(uint32_t node, int64_t value, bool base, bool self)
    {
        FlameTree::Node& n = m_nodes[node];
        if (self)
            (base ? n.baseSelf : n.self) += value;
        else
            (base ? n.baseTotal : n.total) += value;
    }

    std::vector<FlameTree::Node> m_nodes;
    std::unordered_map<uint64_t, uint32_t> m_children;
};

// Turns a leaf-first stack into the path the tree wants, skipping hidden functions.
void makePath(const Symbols& symbols, std::span<const FrameId> leafFirst, const WeightedStacks& ws,
              const FlameOptions& options, std::vector<FunctionId>& path)
{
    path.clear();
    for (FrameId fr : leafFirst) {
        const FunctionId f = symbols.frames[fr].function;
        if (!ws.isHidden(f))
            path.push_back(f);
    }
    // `path` is leaf-first now.
    if (options.pivot) {
        const FunctionId p = *options.pivot;
        if (options.direction == FlameDirection::BottomUp) {
            // Callers: from the innermost occurrence of the pivot outwards.
            auto it = std::find(path.begin(), path.end(), p);
            if (it == path.end()) {
                path.clear();
                return;
            }
            path.erase(path.begin(), it);
        } else {
            // Callees: from the outermost occurrence of the pivot inwards.
            auto rit = std::find(path.rbegin(), path.rend(), p);
            if (rit == path.rend()) {
                path.clear();
                return;
            }
            path.erase(rit.base(), path.end());
            std::reverse(path.begin(), path.end());
        }
        return;
    }
    if (options.direction == FlameDirection::TopDown)
        std::reverse(path.begin(), path.end());
}

} // namespace

FlameTree FlameTree::build(const Symbols& symbols, const WeightedStacks& stacks, FlameOptions options,
                           const WeightedStacks* base)
{
    TreeBuilder builder;
    std::vector<FunctionId> path;
    auto addAll = [&](const WeightedStacks& ws, bool isBase) {
        for (const StackWeight& sw : ws.stacks) {
            makePath(symbols, symbols.stacks.frames(sw.stack), ws, options, path);
            if (options.pivot && path.empty())
                continue;
            builder.add(path, sw.value, isBase);
        }
    };
    addAll(stacks, false);
    if (base)
        addAll(*base, true);

    // Compact: renumber breadth-first with each node's children contiguous and sorted by name.
    std::vector<Node>& raw = builder.nodes();
    std::vector<std::vector<uint32_t>> kids(raw.size());
    for (uint32_t i = 1; i < raw.size(); ++i)
        kids[raw[i].parent].push_back(i);
    FlameTree tree;
    tree.m_isDiff = base != nullptr;
    tree.m_nodes.reserve(raw.size());
    tree.m_nodes.push_back(raw[0]);
    std::vector<uint32_t> order {0}; // order[newId] = oldId
    for (size_t next = 0; next < order.size(); ++next) {
        auto& children = kids[order[next]];
        std::sort(children.begin(), children.end(), [&](uint32_t a, uint32_t b) {
            return symbols.functionName(raw[a].function) < symbols.functionName(raw[b].function);
        });
        tree.m_nodes[next].firstChild = uint32_t(tree.m_nodes.size());
        tree.m_nodes[next].childCount = uint32_t(children.size());
        for (uint32_t c : children) {
            Node n = raw[c];
            n.parent = uint32_t(next);
            tree.m_maxDepth = std::max(tree.m_maxDepth, n.depth);
            tree.m_nodes.push_back(n);
            order.push_back(c);
        }
    }
    return tree;
}

std::vector<uint32_t> FlameTree::pathTo(uint32_t i) const
{
    std::vector<uint32_t> path;
    for (uint32_t n = i; n != 0 && n != kNone; n = m_nodes[n].parent)
        path.push_back(n);
    std::reverse(path.begin(), path.end());
    return path;
}

} // namespace gs
