// SPDX-License-Identifier: MIT
#include "core/analysis/flame_tree.h"

#include <algorithm>

namespace gs {

namespace {

// Tree under construction: children found by (parent, function) in an open-addressing table
// (flat arrays, no allocation per node: large profiles have millions of nodes); compacted afterwards.
class TreeBuilder
{
public:
    explicit TreeBuilder(size_t expectedNodes)
    {
        m_nodes.reserve(expectedNodes + 1);
        m_nodes.push_back(FlameTree::Node {});
        size_t slots = 1024;
        while (slots < expectedNodes * 2)
            slots *= 2;
        m_slots.assign(slots, Slot {});
    }

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
    struct Slot
    {
        uint64_t key = 0;
        uint32_t node = 0; // 0: empty (the root is never a child)
    };

    static size_t hashKey(uint64_t key) { return size_t((key * 0x9e3779b97f4a7c15ull) >> 20); }

    uint32_t child(uint32_t parent, FunctionId f)
    {
        const uint64_t key = (uint64_t(parent) << 32) | f;
        const size_t mask = m_slots.size() - 1;
        size_t i = hashKey(key) & mask;
        for (; m_slots[i].node != 0; i = (i + 1) & mask) {
            if (m_slots[i].key == key)
                return m_slots[i].node;
        }
        const auto id = uint32_t(m_nodes.size());
        FlameTree::Node n;
        n.function = f;
        n.parent = parent;
        n.depth = m_nodes[parent].depth + 1;
        m_nodes.push_back(n);
        m_slots[i] = Slot {key, id};
        if (m_nodes.size() * 2 > m_slots.size())
            grow();
        return id;
    }

    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.size() * 2, Slot {});
        const size_t mask = m_slots.size() - 1;
        for (const Slot& s : old) {
            if (s.node == 0)
                continue;
            size_t i = hashKey(s.key) & mask;
            while (m_slots[i].node != 0)
                i = (i + 1) & mask;
            m_slots[i] = s;
        }
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
    std::vector<Slot> m_slots;
};

// Each function's position in name order, so sorting children compares integers, not strings.
std::vector<uint32_t> nameRanks(const Symbols& symbols)
{
    std::vector<FunctionId> order(symbols.functions.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = FunctionId(i);
    std::sort(order.begin(), order.end(),
              [&](FunctionId a, FunctionId b) { return symbols.functionName(a) < symbols.functionName(b); });
    std::vector<uint32_t> rank(order.size());
    for (size_t i = 0; i < order.size(); ++i)
        rank[order[i]] = uint32_t(i);
    return rank;
}

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
    // A tree has at most one node per frame of the distinct stacks, and shared prefixes make it
    // about half that in real profiles; the table grows if the guess is short.
    size_t frames = 0;
    for (const StackWeight& sw : stacks.stacks)
        frames += symbols.stacks.frames(sw.stack).size();
    TreeBuilder builder(std::min<size_t>(frames / 2 + 64, size_t(1) << 24));
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
    // Children are grouped with a counting sort over parents (no vector per node).
    const std::vector<Node>& raw = builder.nodes();
    std::vector<uint32_t> childStart(raw.size() + 1, 0);
    for (uint32_t i = 1; i < raw.size(); ++i)
        ++childStart[raw[i].parent + 1];
    for (size_t i = 1; i < childStart.size(); ++i)
        childStart[i] += childStart[i - 1];
    std::vector<uint32_t> kids(raw.size() > 0 ? raw.size() - 1 : 0);
    {
        std::vector<uint32_t> fill(childStart.begin(), childStart.end() - 1);
        for (uint32_t i = 1; i < raw.size(); ++i)
            kids[fill[raw[i].parent]++] = i;
    }
    const std::vector<uint32_t> rank = nameRanks(symbols);

    FlameTree tree;
    tree.m_isDiff = base != nullptr;
    tree.m_nodes.reserve(raw.size());
    tree.m_nodes.push_back(raw[0]);
    std::vector<uint32_t> order {0}; // order[newId] = oldId
    order.reserve(raw.size());
    for (size_t next = 0; next < order.size(); ++next) {
        const uint32_t old = order[next];
        auto first = kids.begin() + childStart[old];
        auto last = kids.begin() + childStart[old + 1];
        std::sort(first, last, [&](uint32_t a, uint32_t b) { return rank[raw[a].function] < rank[raw[b].function]; });
        tree.m_nodes[next].firstChild = uint32_t(tree.m_nodes.size());
        tree.m_nodes[next].childCount = uint32_t(last - first);
        for (auto it = first; it != last; ++it) {
            Node n = raw[*it];
            n.parent = uint32_t(next);
            tree.m_maxDepth = std::max(tree.m_maxDepth, n.depth);
            tree.m_nodes.push_back(n);
            order.push_back(*it);
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
