// SPDX-License-Identifier: MIT
#include "core/analysis/node_functions.h"

namespace gs {

std::set<std::string> functionsOfNode(const EventStore& store, NodeGranularity granularity, std::string_view node)
{
    std::set<std::string> names;
    if (granularity.granularity == Granularity::Functions) {
        names.emplace(node);
        return names;
    }
    if (!canRegroup(store))
        return names;
    // An address node starts with the address; what follows reads as a line node.
    std::string_view lineNode = node;
    if (granularity.granularity == Granularity::Addresses) {
        const size_t space = node.find(' ');
        if (space == std::string_view::npos)
            return names; // an address alone: no function
        lineNode = node.substr(space + 1);
    }
    const Symbols& symbols = store.symbols;
    for (const PprofFunction& fn : store.profile->pprof->functions) {
        const std::string file = fn.file != 0 ? pprofNodeFile(symbols.strings.get(fn.file)) : std::string();
        const std::string_view name = symbols.functionName(fn.function);
        const bool covered = granularity.granularity == Granularity::Files
                                 ? !file.empty() && file == node
                                 : lineNode.starts_with(std::string(name) + ' ' + file + ':');
        if (covered)
            names.emplace(name);
    }
    return names;
}

} // namespace gs
