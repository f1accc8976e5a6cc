// SPDX-License-Identifier: MIT
#include "core/analysis/dump_diff.h"

#include "core/analysis/dump_groups.h"

#include <algorithm>
#include <unordered_map>

namespace gs {

namespace {

struct Side
{
    const EventStore& store;
    std::vector<DumpEntry> entries;
};

} // namespace

Result<DumpDiff> diffDumps(const EventStore& before, const EventStore& after)
{
    if (!before.dump)
        return Error {"the first input is not a goroutine dump", std::nullopt};
    if (!after.dump)
        return Error {"the second input is not a goroutine dump", std::nullopt};
    const Side sides[2] = {{before, dumpEntries(*before.dump)}, {after, dumpEntries(*after.dump)}};

    DumpDiff diff;
    std::unordered_map<std::string, size_t> groupOf;
    // Per group, the goroutines of the first dump by id, to find them again in the second.
    std::vector<std::unordered_map<uint64_t, int32_t>> waitBeforeById;
    for (int side = 0; side < 2; ++side) {
        const Symbols& symbols = sides[side].store.symbols;
        const GoroutineDumpData& dump = *sides[side].store.dump;
        for (const DumpEntry& e : sides[side].entries) {
            const auto [it, inserted] = groupOf.emplace(crossDumpKey(symbols, e), diff.groups.size());
            if (inserted) {
                DumpDiffGroup g;
                g.functions = stackFunctionNames(symbols, e.stack);
                g.state = std::string(symbols.strings.get(e.state));
                diff.groups.push_back(std::move(g));
                waitBeforeById.emplace_back();
            }
            DumpDiffGroup& g = diff.groups[it->second];
            const bool traceback = dump.kind == GoroutineDumpData::Kind::Traceback;
            if (side == 0) {
                g.before += e.count;
                diff.totalBefore += e.count;
                g.beforeStack = g.beforeStack ? g.beforeStack : e.stack;
                if (traceback)
                    waitBeforeById[it->second].emplace(dump.goroutines[e.index].id, e.waitMinutes);
                continue;
            }
            g.after += e.count;
            diff.totalAfter += e.count;
            g.afterStack = g.afterStack ? g.afterStack : e.stack;
            if (!traceback)
                continue;
            const uint64_t id = dump.goroutines[e.index].id;
            const auto found = waitBeforeById[it->second].find(id);
            if (found != waitBeforeById[it->second].end() && e.waitMinutes > found->second)
                g.persistent.push_back(PersistentGoroutine {id, found->second, e.waitMinutes});
        }
    }
    for (DumpDiffGroup& g : diff.groups) {
        std::stable_sort(g.persistent.begin(), g.persistent.end(),
                         [](const PersistentGoroutine& a, const PersistentGoroutine& b) {
                             return a.growth() != b.growth() ? a.growth() > b.growth() : a.id < b.id;
                         });
    }
    std::stable_sort(diff.groups.begin(), diff.groups.end(), [](const DumpDiffGroup& a, const DumpDiffGroup& b) {
        return a.growth() != b.growth() ? a.growth() > b.growth() : a.after > b.after;
    });
    return diff;
}

} // namespace gs
