// SPDX-License-Identifier: MIT
#include "core/formats/dump/dump_builder.h"

#include "core/formats/text/label_set.h"

#include <map>

namespace gs::dump {

DumpBuilder::DumpBuilder(EventStore& store)
    : m_store(store)
    , m_slots(1024)
{
    if (!m_store.dump)
        m_store.dump.emplace();
}

namespace {

uint64_t frameHash(std::string_view function, int64_t line)
{
    return std::hash<std::string_view> {}(function) ^ (uint64_t(line) * 0x9E3779B97F4A7C15ull);
}

// A traceback's goroutines become one sample per (stack, state, label set): the state and the
// goroutine's labels are the sample's labels, so tag filters select goroutines by them.
struct SampleKey
{
    StackId stack = 0;
    StringId state = 0;
    uint32_t labelSet = 0; // numbered in order of appearance; 0: no labels
    bool operator==(const SampleKey&) const = default;
};

struct SampleKeyHash
{
    size_t operator()(const SampleKey& k) const
    {
        const uint64_t stackAndState = uint64_t(k.stack) << 32 | k.state;
        return std::hash<uint64_t> {}(stackAndState) ^ (uint64_t(k.labelSet) * 0x9E3779B97F4A7C15ull);
    }
};

using DumpLabelIds = std::pair<StringId, StringId>; // key, value: what makes two label sets equal

} // namespace

FrameId DumpBuilder::frame(std::string_view function, std::string_view file, int64_t line)
{
    const uint64_t hash = frameHash(function, line);
    const Symbols& symbols = m_store.symbols;
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash & mask; m_slots[i].frame != kNoFrame; i = (i + 1) & mask) {
        const Slot& slot = m_slots[i];
        if (slot.hash == hash && symbols.frames[slot.frame].line == line &&
            symbols.functionName(symbols.frameFunction(slot.frame)) == function)
            return slot.frame;
    }
    const FrameId id = internSlow(function, file, line);
    if ((m_used + 1) * 2 > m_slots.size())
        grow();
    size_t i = hash & (m_slots.size() - 1);
    while (m_slots[i].frame != kNoFrame)
        i = (i + 1) & (m_slots.size() - 1);
    m_slots[i] = Slot {hash, id};
    ++m_used;
    return id;
}

FrameId DumpBuilder::internSlow(std::string_view function, std::string_view file, int64_t line)
{
    Symbols& symbols = m_store.symbols;
    auto it = m_functions.find(function);
    if (it == m_functions.end()) {
        const FunctionId id = symbols.internFunction(function, file);
        it = m_functions.emplace(symbols.functionName(id), id).first;
    }
    return symbols.internFrame(it->second, line);
}

void DumpBuilder::grow()
{
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(old.size() * 2, Slot {});
    const size_t mask = m_slots.size() - 1;
    for (const Slot& s : old) {
        if (s.frame == kNoFrame)
            continue;
        size_t i = s.hash & mask;
        while (m_slots[i].frame != kNoFrame)
            i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

bool DumpBuilder::addLabels(std::string_view set, uint32_t& begin, uint32_t& end)
{
    std::vector<DumpLabel>& labels = dump().labels;
    begin = uint32_t(labels.size());
    const bool ok = text::parseLabelSet(set, [&](std::string_view k, std::string_view v) {
        labels.push_back(DumpLabel {string(k), string(v)});
    });
    end = uint32_t(labels.size());
    return ok;
}

void buildDumpProfile(EventStore& store)
{
    const GoroutineDumpData& dump = *store.dump;
    Profile& p = store.profile.emplace();
    p.sampleTypes = {ValueType {"goroutine", "count"}};
    p.periodType = p.sampleTypes[0];
    p.period = 1;
    const auto addSample = [&p](StackId stack, int64_t count) {
        p.sampleStacks.push_back(stack);
        p.sampleValues.push_back(count);
    };
    if (dump.kind == GoroutineDumpData::Kind::CountProfile) {
        for (const CountRecord& r : dump.records) {
            addSample(r.stack, r.count);
            for (const DumpLabel& l : dump.labelsOf(r.labelBegin, r.labelEnd))
                p.labels.push_back(SampleLabel {l.key, l.value, 0, 0});
            p.labelOffsets.push_back(uint32_t(p.labels.size()));
        }
        return;
    }
    const StringId stateKey = store.symbols.strings.intern("state");
    std::map<std::vector<DumpLabelIds>, uint32_t> labelSets; // 0 stands for "no labels"
    std::vector<DumpLabelIds> ids; // reused: most goroutines share a few label sets
    std::unordered_map<SampleKey, size_t, SampleKeyHash> sampleOf;
    for (const DumpGoroutine& g : dump.goroutines) {
        const auto labels = dump.labelsOf(g.labelBegin, g.labelEnd);
        uint32_t labelSet = 0;
        if (!labels.empty()) {
            ids.clear();
            for (const DumpLabel& l : labels)
                ids.push_back(DumpLabelIds {l.key, l.value});
            auto known = labelSets.find(ids);
            if (known == labelSets.end())
                known = labelSets.emplace(ids, uint32_t(labelSets.size() + 1)).first;
            labelSet = known->second;
        }
        const auto [it, inserted] = sampleOf.emplace(SampleKey {g.stack, g.state, labelSet}, p.sampleStacks.size());
        if (!inserted) {
            ++p.sampleValues[it->second];
            continue;
        }
        addSample(g.stack, 1);
        if (g.state != 0)
            p.labels.push_back(SampleLabel {stateKey, g.state, 0, 0});
        for (const DumpLabel& l : labels)
            p.labels.push_back(SampleLabel {l.key, l.value, 0, 0});
        p.labelOffsets.push_back(uint32_t(p.labels.size()));
    }
}

} // namespace gs::dump
