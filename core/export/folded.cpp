// SPDX-License-Identifier: MIT
#include "core/export/folded.h"

#include <string>

namespace gs {

namespace {

void appendName(std::string& line, std::string_view name)
{
    for (char c : name)
        line.push_back(c == ';' || c == '\n' || c == '\r' ? '_' : c);
}

} // namespace

void writeFolded(const Symbols& symbols, const FlameTree& tree, std::ostream& out)
{
    // Depth-first with an explicit stack; `prefix` holds the path text of the current node.
    struct Entry
    {
        uint32_t node;
        size_t prefixLength; // length of the path text before this node's name
    };
    std::vector<Entry> todo;
    const FlameTree::Node& root = tree.node(0);
    for (uint32_t c = root.firstChild + root.childCount; c > root.firstChild; --c)
        todo.push_back({c - 1, 0});
    std::string path;
    while (!todo.empty()) {
        const Entry e = todo.back();
        todo.pop_back();
        const FlameTree::Node& n = tree.node(e.node);
        path.resize(e.prefixLength);
        if (e.prefixLength != 0)
            path.push_back(';');
        appendName(path, symbols.functionName(n.function));
        if (n.self != 0)
            out << path << ' ' << n.self << '\n';
        for (uint32_t c = n.firstChild + n.childCount; c > n.firstChild; --c)
            todo.push_back({c - 1, path.size()});
    }
}

} // namespace gs
