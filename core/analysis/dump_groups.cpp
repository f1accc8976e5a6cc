// SPDX-License-Identifier: MIT
#include "core/analysis/dump_groups.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace gs {

namespace {

constexpr std::array<WaitBucket, 6> kBuckets {{
    {0, "< 1 min"},
    {1, "1-4 min"},
    {5, "5-14 min"},
    {15, "15-59 min"},
    {60, "1-4 h"},
    {240, ">= 4 h"},
}};

// The key an entry is grouped by, as bytes: function ids for SimilarStack, a single id otherwise.
std::string groupKey(const Symbols& symbols, const DumpEntry& e, DumpGrouping by)
{
    uint64_t id = 0;
    switch (by) {
    case DumpGrouping::IdenticalStack:
        id = e.stack;
        break;
    case DumpGrouping::State:
        id = e.state;
        break;
    case DumpGrouping::WaitTime:
        id = uint64_t(waitBucketOf(e.waitMinutes));
        break;
    case DumpGrouping::SimilarStack: {
        const auto frames = symbols.stacks.frames(e.stack);
        std::string key(frames.size() * sizeof(FunctionId), '\0');
        for (size_t i = 0; i < frames.size(); ++i) {
            const FunctionId f = symbols.frameFunction(frames[i]);
            std::copy_n(reinterpret_cast<const char*>(&f), sizeof f, key.data() + i * sizeof f);
        }
        return key;
    }
    }
    return std::string(reinterpret_cast<const char*>(&id), sizeof id);
}

} // namespace

std::vector<DumpEntry> dumpEntries(const GoroutineDumpData& dump)
{
    std::vector<DumpEntry> entries;
    if (dump.kind == GoroutineDumpData::Kind::CountProfile) {
        entries.reserve(dump.records.size());
        for (size_t i = 0; i < dump.records.size(); ++i)
            entries.push_back(DumpEntry {uint32_t(i), dump.records[i].stack, 0, 0, dump.records[i].count});
        return entries;
    }
    entries.reserve(dump.goroutines.size());
    for (size_t i = 0; i < dump.goroutines.size(); ++i) {
        const DumpGoroutine& g = dump.goroutines[i];
        entries.push_back(DumpEntry {uint32_t(i), g.stack, g.state, g.waitMinutes, 1});
    }
    return entries;
}

std::span<const WaitBucket> waitBuckets()
{
    return kBuckets;
}

int waitBucketOf(int32_t minutes)
{
    int b = 0;
    while (b + 1 < int(kBuckets.size()) && minutes >= kBuckets[size_t(b) + 1].minMinutes)
        ++b;
    return b;
}

std::vector<DumpGroup> groupDump(const Symbols& symbols, std::span<const DumpEntry> entries, DumpGrouping by)
{
    std::vector<DumpGroup> groups;
    std::unordered_map<std::string, size_t> groupOf;
    for (size_t i = 0; i < entries.size(); ++i) {
        const DumpEntry& e = entries[i];
        const auto [it, inserted] = groupOf.emplace(groupKey(symbols, e, by), groups.size());
        if (inserted) {
            DumpGroup g;
            g.stack = e.stack;
            g.state = e.state;
            g.waitBucket = waitBucketOf(e.waitMinutes);
            g.minWaitMinutes = g.maxWaitMinutes = e.waitMinutes;
            groups.push_back(std::move(g));
        }
        DumpGroup& g = groups[it->second];
        g.count += e.count;
        g.minWaitMinutes = std::min(g.minWaitMinutes, e.waitMinutes);
        g.maxWaitMinutes = std::max(g.maxWaitMinutes, e.waitMinutes);
        g.entries.push_back(uint32_t(i));
    }
    std::stable_sort(groups.begin(), groups.end(), [](const DumpGroup& a, const DumpGroup& b) { return a.count > b.count; });
    return groups;
}

std::string crossDumpKey(const Symbols& symbols, const DumpEntry& entry)
{
    // Joined by a byte no name holds.
    std::string key(symbols.strings.get(entry.state));
    for (FrameId f : symbols.stacks.frames(entry.stack)) {
        key.push_back('\n');
        key.append(symbols.functionName(symbols.frameFunction(f)));
    }
    return key;
}

std::vector<std::string> stackFunctionNames(const Symbols& symbols, StackId stack)
{
    std::vector<std::string> names;
    for (FrameId f : symbols.stacks.frames(stack))
        names.emplace_back(symbols.functionName(symbols.frameFunction(f)));
    return names;
}

WeightedStacks dumpWeightedStacks(std::span<const DumpEntry> entries)
{
    std::unordered_map<StackId, int64_t> weight;
    WeightedStacks out;
    for (const DumpEntry& e : entries) {
        weight[e.stack] += e.count;
        out.total += e.count;
    }
    out.stacks.reserve(weight.size());
    for (const auto& [stack, value] : weight)
        out.stacks.push_back(StackWeight {stack, value});
    std::sort(out.stacks.begin(), out.stacks.end(),
              [](const StackWeight& a, const StackWeight& b) { return a.stack < b.stack; });
    return out;
}

} // namespace gs
