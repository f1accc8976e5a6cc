// SPDX-License-Identifier: MIT
#include "core/analysis/dump_watch.h"

#include "core/analysis/dump_groups.h"

#include <algorithm>
#include <unordered_map>

namespace gs {

int WatchedGroup::risingSteps() const
{
    int steps = 0;
    for (size_t i = 1; i < counts.size(); ++i)
        steps += counts[i] > counts[i - 1] ? 1 : 0;
    return steps;
}

Result<std::vector<WatchedGroup>> watchDumps(std::span<const StorePtr> snapshots)
{
    std::vector<WatchedGroup> groups;
    std::unordered_map<std::string, size_t> groupOf;
    for (size_t snapshot = 0; snapshot < snapshots.size(); ++snapshot) {
        const EventStore* store = snapshots[snapshot].get();
        if (!store || !store->dump) {
            const std::string name = store && !store->sourcePath.empty() ? " (" + store->sourcePath + ")" : "";
            return Error {"snapshot " + std::to_string(snapshot + 1) + name + " is not a goroutine dump", std::nullopt};
        }
        const Symbols& symbols = store->symbols;
        for (const DumpEntry& e : dumpEntries(*store->dump)) {
            const auto [it, inserted] = groupOf.emplace(crossDumpKey(symbols, e), groups.size());
            if (inserted) {
                WatchedGroup g;
                g.functions = stackFunctionNames(symbols, e.stack);
                g.state = std::string(symbols.strings.get(e.state));
                g.counts.assign(snapshots.size(), 0);
                groups.push_back(std::move(g));
            }
            groups[it->second].counts[snapshot] += e.count;
        }
    }
    std::stable_sort(groups.begin(), groups.end(), [](const WatchedGroup& a, const WatchedGroup& b) {
        if (a.growth() != b.growth())
            return a.growth() > b.growth();
        if (a.risingSteps() != b.risingSteps())
            return a.risingSteps() > b.risingSteps();
        return a.counts.back() > b.counts.back();
    });
    return groups;
}

} // namespace gs
