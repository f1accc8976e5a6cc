// SPDX-License-Identifier: MIT
#include "widgets/dump/dump_view.h"

#include "core/formats/dump/dump_builder.h"

namespace gs::ui {

namespace {

// A store holding only the entries' goroutines (or records), turned into a profile by the same
// builder the decoder uses, so state labels and count-profile labels stay as on the full dump.
StorePtr subsetProfileStore(const EventStore& store, std::span<const DumpEntry> entries)
{
    const GoroutineDumpData& dump = *store.dump;
    auto out = std::make_shared<EventStore>();
    out->format = store.format;
    out->sourcePath = store.sourcePath;
    out->symbols = store.symbols;
    GoroutineDumpData& subset = out->dump.emplace();
    subset.kind = dump.kind;
    subset.profileName = dump.profileName;
    subset.labels = dump.labels;
    for (const DumpEntry& e : entries) {
        if (dump.kind == GoroutineDumpData::Kind::CountProfile)
            subset.records.push_back(dump.records[e.index]);
        else
            subset.goroutines.push_back(dump.goroutines[e.index]);
    }
    dump::buildDumpProfile(*out);
    // The panel reads goroutines from the original store; this one only feeds the profile views.
    out->dump.reset();
    return out;
}

} // namespace

Result<std::shared_ptr<const DumpView>> computeDumpView(const StorePtr& store, const DumpQuery& query, bool withProfile)
{
    if (!store || !store->dump)
        return Error {"this input is not a goroutine dump", std::nullopt};
    const std::vector<DumpEntry> all = dumpEntries(*store->dump);
    auto filtered = filterDump(store->symbols, all, query.filter);
    if (!filtered)
        return filtered.error();

    auto view = std::make_shared<DumpView>();
    view->store = store;
    view->entries = std::move(*filtered);
    view->groups = groupDump(store->symbols, view->entries, query.grouping);
    for (const DumpEntry& e : view->entries)
        view->goroutines += e.count;
    view->totalGoroutines = store->dump->goroutineCount();
    if (withProfile)
        view->profileStore = query.filter.empty() ? store : subsetProfileStore(*store, view->entries);
    return std::shared_ptr<const DumpView>(std::move(view));
}

int groupRowOf(const DumpView& view, uint32_t index)
{
    for (size_t row = 0; row < view.groups.size(); ++row) {
        for (uint32_t e : view.groups[row].entries) {
            if (view.entries[e].index == index)
                return int(row);
        }
    }
    return -1;
}

} // namespace gs::ui
