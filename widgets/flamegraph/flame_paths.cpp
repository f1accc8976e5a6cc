// SPDX-License-Identifier: MIT
#include "widgets/flamegraph/flame_paths.h"

namespace gs::ui {

std::vector<std::string> namePath(const FlameTree& tree, const Symbols& symbols, uint32_t node)
{
    std::vector<std::string> names;
    for (uint32_t n : tree.pathTo(node))
        names.emplace_back(symbols.functionName(tree.node(n).function));
    return names;
}

std::optional<uint32_t> findPath(const FlameTree& tree, const Symbols& symbols, const std::vector<std::string>& names)
{
    if (tree.size() == 0)
        return std::nullopt;
    uint32_t current = 0;
    for (const std::string& name : names) {
        std::optional<uint32_t> next;
        for (const FlameTree::Node& child : tree.children(current)) {
            if (symbols.functionName(child.function) == name) {
                next = uint32_t(&child - tree.nodes().data());
                break;
            }
        }
        if (!next || tree.node(*next).total <= 0)
            return std::nullopt;
        current = *next;
    }
    return current;
}

} // namespace gs::ui
