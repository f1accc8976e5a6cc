// SPDX-License-Identifier: MIT
#include "core/analysis/dump_creation_tree.h"

#include <algorithm>
#include <unordered_map>

namespace gs {

namespace {

// Post-order sizes without recursion: a creation chain can be as deep as the dump is long.
void computeSizes(CreationTree& tree)
{
    std::vector<std::pair<uint32_t, bool>> stack;
    for (uint32_t root : tree.roots)
        stack.emplace_back(root, false);
    while (!stack.empty()) {
        auto [node, expanded] = stack.back();
        stack.pop_back();
        CreationNode& n = tree.nodes[node];
        if (!expanded) {
            stack.emplace_back(node, true);
            for (uint32_t c : n.children)
                stack.emplace_back(c, false);
            continue;
        }
        n.subtreeSize = n.goroutine != CreationNode::kAbsent;
        for (uint32_t c : n.children)
            n.subtreeSize += tree.nodes[c].subtreeSize;
    }
}

} // namespace

CreationTree buildCreationTree(const GoroutineDumpData& dump)
{
    CreationTree tree;
    std::unordered_map<uint64_t, uint32_t> nodeOf;
    const auto nodeFor = [&](uint64_t id) {
        const auto [it, inserted] = nodeOf.emplace(id, uint32_t(tree.nodes.size()));
        if (inserted)
            tree.nodes.push_back(CreationNode {id, CreationNode::kAbsent, {}, 0});
        return it->second;
    };
    for (size_t i = 0; i < dump.goroutines.size(); ++i)
        tree.nodes[nodeFor(dump.goroutines[i].id)].goroutine = uint32_t(i);
    for (const DumpGoroutine& g : dump.goroutines) {
        const uint32_t child = nodeOf.at(g.id);
        // A creator id equal to the goroutine's own would make a cycle; treat it as unknown.
        if (g.creatorId != 0 && g.creatorId != g.id)
            tree.nodes[nodeFor(g.creatorId)].children.push_back(child);
    }
    std::vector<uint8_t> hasParent(tree.nodes.size(), 0);
    for (const CreationNode& n : tree.nodes) {
        for (uint32_t c : n.children)
            hasParent[c] = 1;
    }
    const auto byId = [&tree](uint32_t a, uint32_t b) { return tree.nodes[a].id < tree.nodes[b].id; };
    for (uint32_t i = 0; i < tree.nodes.size(); ++i) {
        std::sort(tree.nodes[i].children.begin(), tree.nodes[i].children.end(), byId);
        if (!hasParent[i])
            tree.roots.push_back(i);
    }
    std::sort(tree.roots.begin(), tree.roots.end(), byId);
    computeSizes(tree);
    return tree;
}

} // namespace gs
