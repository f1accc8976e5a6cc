// SPDX-License-Identifier: MIT
#include "core/analysis/profile_merge.h"

#include "core/analysis/report_values.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <unordered_map>

namespace gs {

namespace {

std::string fileOf(const EventStore& store)
{
    return store.sourcePath.empty() ? std::string("profile") : store.sourcePath;
}

int findByName(const Profile& p, const std::string& type)
{
    for (size_t i = 0; i < p.sampleTypes.size(); ++i) {
        if (p.sampleTypes[i].type == type)
            return int(i);
    }
    return -1;
}

// The sample types every profile has, in the first profile's order (pprof's commonSampleTypes:
// by type name only).
std::vector<std::string> commonSampleTypes(const std::vector<const Profile*>& profiles)
{
    std::vector<std::string> common;
    for (const ValueType& t : profiles.front()->sampleTypes) {
        if (std::all_of(profiles.begin(), profiles.end(), [&](const Profile* p) { return findByName(*p, t.type) >= 0; }))
            common.push_back(t.type);
    }
    return common;
}

std::string describeTypes(const std::vector<ValueType>& types)
{
    std::string out = "[";
    for (size_t i = 0; i < types.size(); ++i)
        out += (i ? " " : "") + types[i].type + "/" + types[i].unit;
    return out + "]";
}

void appendNumber(std::string& key, uint64_t v)
{
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    key.append(bytes, sizeof v);
}

// One input of the merge with what it becomes: its sample types picked by `typeRows`, its values
// multiplied by `sign`, its samples marked as a diff base's or not.
struct Input
{
    const EventStore* store = nullptr;
    std::vector<size_t> typeRows;
    std::string defaultSampleType;
    int64_t sign = 1;
    bool diffBase = false;
};

// Builds the merged store: symbols, pprof locations and samples remapped input by input, each
// table deduplicated by pprof's keys (mappings by size, offset and build id or file; locations by
// mapping, relative address and lines; samples by locations and labels).
class Merger
{
public:
    explicit Merger(const EventStore& first)
        : m_out(std::make_shared<EventStore>())
    {
        m_out->format = Format::Pprof;
        m_out->sourcePath = first.sourcePath;
        m_out->profile.emplace();
        m_out->profile->pprof.emplace();
    }

    void add(const Input& in);
    Result<StorePtr> finish(const std::vector<ValueType>& types, const std::vector<Input>& inputs);

private:
    FunctionId mapFunction(const Symbols& from, FunctionId f, std::vector<FunctionId>& cache);
    uint32_t mapMapping(const Mapping& m, int64_t& delta);

    std::shared_ptr<EventStore> m_out;
    std::unordered_map<std::string, uint32_t> m_mappings, m_pprofFunctions, m_locations, m_sequences, m_samples;
};

FunctionId Merger::mapFunction(const Symbols& from, FunctionId f, std::vector<FunctionId>& cache)
{
    if (cache[f] == UINT32_MAX)
        cache[f] = m_out->symbols.internFunction(from.functionName(f), from.strings.get(from.functions[f].file));
    return cache[f];
}

uint32_t Merger::mapMapping(const Mapping& m, int64_t& delta)
{
    constexpr uint64_t kRounding = 0x1000;
    const uint64_t size = (m.memoryLimit - m.memoryStart + kRounding - 1) / kRounding * kRounding;
    std::string key;
    appendNumber(key, size);
    appendNumber(key, m.fileOffset);
    key += m.buildId.empty() ? m.filename : m.buildId;
    auto& mappings = m_out->profile->mappings;
    const auto [it, added] = m_mappings.try_emplace(key, uint32_t(mappings.size()));
    if (added) {
        mappings.push_back(m);
        mappings.back().id = mappings.size();
    }
    // As pprof: a mapping seen before keeps its first address range; locations move with it.
    delta = int64_t(mappings[it->second].memoryStart) - int64_t(m.memoryStart);
    return it->second;
}

void Merger::add(const Input& in)
{
    const EventStore& src = *in.store;
    const Profile& p = *src.profile;
    const PprofDetail& d = *p.pprof;
    Symbols& symbols = m_out->symbols;
    Profile& out = *m_out->profile;
    PprofDetail& detail = *out.pprof;

    std::vector<FunctionId> functions(src.symbols.functions.size(), UINT32_MAX);
    std::vector<uint32_t> mappings(p.mappings.size());
    std::vector<int64_t> deltas(p.mappings.size());
    for (size_t i = 0; i < p.mappings.size(); ++i)
        mappings[i] = mapMapping(p.mappings[i], deltas[i]);

    std::vector<uint32_t> pprofFunctions(d.functions.size());
    for (size_t i = 0; i < d.functions.size(); ++i) {
        const PprofFunction& f = d.functions[i];
        PprofFunction mapped {mapFunction(src.symbols, f.function, functions),
                              symbols.strings.intern(src.symbols.strings.get(f.file)), f.startLine};
        std::string key;
        appendNumber(key, mapped.function);
        appendNumber(key, mapped.file);
        appendNumber(key, uint64_t(mapped.startLine));
        const auto [it, added] = m_pprofFunctions.try_emplace(key, uint32_t(detail.functions.size()));
        if (added)
            detail.functions.push_back(mapped);
        pprofFunctions[i] = it->second;
    }

    std::vector<uint32_t> locations(d.locations.size());
    for (size_t i = 0; i < d.locations.size(); ++i) {
        const PprofLocation& l = d.locations[i];
        const bool mapped = l.mapping != PprofLocation::kNoMapping;
        std::string key;
        appendNumber(key, mapped ? mappings[l.mapping] : UINT64_MAX);
        appendNumber(key, mapped ? l.address - p.mappings[l.mapping].memoryStart : l.address);
        for (uint32_t k = l.firstLine; k < l.firstLine + l.lineCount; ++k) {
            const PprofLine& line = d.lines[k];
            appendNumber(key, line.function == PprofLine::kNoFunction ? UINT64_MAX : pprofFunctions[line.function]);
            appendNumber(key, uint64_t(line.line));
        }
        const auto [it, added] = m_locations.try_emplace(key, uint32_t(detail.locations.size()));
        if (added) {
            detail.locations.push_back(PprofLocation {mapped ? uint64_t(int64_t(l.address) + deltas[l.mapping]) : l.address,
                                                      mapped ? mappings[l.mapping] : PprofLocation::kNoMapping,
                                                      uint32_t(detail.lines.size()), l.lineCount});
            for (uint32_t k = l.firstLine; k < l.firstLine + l.lineCount; ++k) {
                const PprofLine& line = d.lines[k];
                detail.lines.push_back(
                    {line.function == PprofLine::kNoFunction ? PprofLine::kNoFunction : pprofFunctions[line.function],
                     line.line});
            }
        }
        locations[i] = it->second;
    }

    // Location sequences and their stacks, remapped once each.
    std::vector<uint32_t> sequences(d.stackCount(), UINT32_MAX);
    std::vector<StackId> stacks(d.stackCount(), 0);
    std::vector<FrameId> frames;
    for (size_t s = 0; s < p.sampleCount(); ++s) {
        const uint32_t seq = d.sampleStacks[s];
        if (sequences[seq] == UINT32_MAX) {
            std::string key;
            for (uint32_t loc : d.stack(seq))
                appendNumber(key, locations[loc]);
            const auto [it, added] = m_sequences.try_emplace(key, uint32_t(detail.stackCount()));
            if (added) {
                for (uint32_t loc : d.stack(seq))
                    detail.stackLocations.push_back(locations[loc]);
                detail.stackOffsets.push_back(uint32_t(detail.stackLocations.size()));
            }
            sequences[seq] = it->second;
            frames.clear();
            for (FrameId fr : src.symbols.stacks.frames(p.sampleStacks[s])) {
                const Frame& frame = src.symbols.frames[fr];
                frames.push_back(symbols.internFrame(mapFunction(src.symbols, frame.function, functions), frame.line,
                                                     frame.inlined));
            }
            stacks[seq] = symbols.stacks.intern(frames);
        }
    }

    const size_t types = in.typeRows.size();
    const StringId baseKey = symbols.strings.intern(kDiffBaseLabel);
    std::vector<SampleLabel> labels;
    for (size_t s = 0; s < p.sampleCount(); ++s) {
        // As pprof: samples whose values are all zero are not merged.
        bool zero = true;
        for (size_t t = 0; t < types; ++t)
            zero = zero && p.value(s, in.typeRows[t]) == 0;
        if (zero)
            continue;
        labels.clear();
        for (const SampleLabel& l : p.sampleLabels(s)) {
            const StringId key = symbols.strings.intern(src.symbols.strings.get(l.key));
            if (in.diffBase && key == baseKey)
                continue;
            labels.push_back({key, l.str ? symbols.strings.intern(src.symbols.strings.get(l.str)) : 0, l.num,
                              l.numUnit ? symbols.strings.intern(src.symbols.strings.get(l.numUnit)) : 0});
        }
        // As pprof: a diff base's samples are labelled, so they never add up with the source's.
        if (in.diffBase)
            labels.push_back({baseKey, symbols.strings.intern("true"), 0, 0});
        std::stable_sort(labels.begin(), labels.end(),
                         [](const SampleLabel& a, const SampleLabel& b) { return a.key < b.key; });
        std::string key;
        appendNumber(key, sequences[d.sampleStacks[s]]);
        for (const SampleLabel& l : labels) {
            appendNumber(key, l.key);
            appendNumber(key, l.str);
            appendNumber(key, uint64_t(l.num));
            appendNumber(key, l.numUnit);
        }
        const auto [it, added] = m_samples.try_emplace(key, uint32_t(out.sampleStacks.size()));
        if (added) {
            out.sampleStacks.push_back(stacks[d.sampleStacks[s]]);
            detail.sampleStacks.push_back(sequences[d.sampleStacks[s]]);
            out.sampleValues.resize(out.sampleValues.size() + types, 0);
            out.labels.insert(out.labels.end(), labels.begin(), labels.end());
            out.labelOffsets.push_back(uint32_t(out.labels.size()));
        }
        // Wraps like pprof's int64 sums; valueSumProblem refuses the result if any sum overflowed.
        int64_t* values = out.sampleValues.data() + size_t(it->second) * types;
        for (size_t t = 0; t < types; ++t)
            values[t] = int64_t(uint64_t(values[t]) + uint64_t(in.sign) * uint64_t(p.value(s, in.typeRows[t])));
    }
}

Result<StorePtr> Merger::finish(const std::vector<ValueType>& types, const std::vector<Input>& inputs)
{
    Profile& out = *m_out->profile;
    PprofDetail& detail = *out.pprof;
    out.sampleTypes = types;
    const Profile& first = *inputs.front().store->profile;
    out.periodType = first.periodType;
    std::vector<std::string> seenComments;
    std::string defaultSampleType;
    for (const Input& in : inputs) {
        const Profile& p = *in.store->profile;
        if (out.timeNanos == 0 || p.timeNanos < out.timeNanos)
            out.timeNanos = p.timeNanos;
        out.durationNs += p.durationNs;
        out.period = std::max(out.period, p.period);
        for (const std::string& c : p.comments) {
            if (std::find(seenComments.begin(), seenComments.end(), c) == seenComments.end()) {
                seenComments.push_back(c);
                out.comments.push_back(c);
            }
        }
        if (defaultSampleType.empty())
            defaultSampleType = in.defaultSampleType;
        m_out->warnings.insert(m_out->warnings.end(), in.store->warnings.begin(), in.store->warnings.end());
    }
    const int named = findByName(out, defaultSampleType);
    out.defaultSampleType = named >= 0 ? size_t(named) : types.size() - 1;

    // Samples that cancelled out are dropped, as pprof's merge collects its zero samples.
    const size_t n = types.size();
    size_t kept = 0;
    std::vector<uint32_t> labelOffsets {0};
    std::vector<SampleLabel> labels;
    for (size_t s = 0; s < out.sampleCount(); ++s) {
        const auto values = out.sampleValues.begin() + std::ptrdiff_t(s * n);
        if (std::all_of(values, values + std::ptrdiff_t(n), [](int64_t v) { return v == 0; }))
            continue;
        std::copy(values, values + std::ptrdiff_t(n), out.sampleValues.begin() + std::ptrdiff_t(kept * n));
        out.sampleStacks[kept] = out.sampleStacks[s];
        detail.sampleStacks[kept] = detail.sampleStacks[s];
        const auto sampleLabels = out.sampleLabels(s);
        labels.insert(labels.end(), sampleLabels.begin(), sampleLabels.end());
        labelOffsets.push_back(uint32_t(labels.size()));
        ++kept;
    }
    out.sampleValues.resize(kept * n);
    out.sampleStacks.resize(kept);
    detail.sampleStacks.resize(kept);
    out.labels = std::move(labels);
    out.labelOffsets = std::move(labelOffsets);
    if (auto problem = out.valueSumProblem())
        return Error {fileOf(*inputs.front().store) + ": " + *problem, std::nullopt};
    return StorePtr(std::move(m_out));
}

Result<StorePtr> merge(std::vector<Input> inputs)
{
    std::vector<const Profile*> profiles;
    for (const Input& in : inputs) {
        if (!in.store || !in.store->profile || !in.store->profile->pprof)
            return Error {(in.store ? fileOf(*in.store) : std::string("profile")) + ": only pprof profiles can be merged",
                          std::nullopt};
        profiles.push_back(&*in.store->profile);
    }
    // pprof's CompatibilizeSampleTypes: keep the common types; a profile that loses some (or has
    // them in another order) takes the first common type as its default unless its own is kept.
    const std::vector<std::string> common = commonSampleTypes(profiles);
    if (common.empty())
        return Error {fileOf(*inputs.back().store) + ": profiles have empty common sample type list", std::nullopt};
    std::vector<ValueType> types;
    for (Input& in : inputs) {
        const Profile& p = *in.store->profile;
        // A decoded profile names its default only by index, the last type when the file names
        // none: taken as unset then, as pprof's merge skips an unset default.
        in.defaultSampleType = p.defaultSampleType + 1 < p.sampleTypes.size() ? p.sampleTypes[p.defaultSampleType].type
                                                                               : std::string();
        std::string fallback = common.front();
        bool reordered = common.size() != p.sampleTypes.size();
        for (size_t i = 0; i < common.size(); ++i) {
            const size_t row = size_t(findByName(p, common[i]));
            in.typeRows.push_back(row);
            reordered = reordered || row != i;
            if (common[i] == in.defaultSampleType)
                fallback = in.defaultSampleType;
        }
        if (reordered)
            in.defaultSampleType = fallback;
        std::vector<ValueType> mine;
        for (size_t row : in.typeRows)
            mine.push_back(p.sampleTypes[row]);
        if (types.empty())
            types = mine;
        const Profile& firstProfile = *profiles.front();
        if (p.periodType.type != firstProfile.periodType.type || p.periodType.unit != firstProfile.periodType.unit)
            return Error {fileOf(*in.store) + ": incompatible period types " + firstProfile.periodType.type + "/"
                              + firstProfile.periodType.unit + " and " + p.periodType.type + "/" + p.periodType.unit,
                          std::nullopt};
        for (size_t i = 0; i < types.size(); ++i) {
            if (mine[i].unit != types[i].unit)
                return Error {fileOf(*in.store) + ": incompatible sample types " + describeTypes(types) + " and "
                                  + describeTypes(mine),
                              std::nullopt};
        }
    }
    Merger merger(*inputs.front().store);
    for (const Input& in : inputs)
        merger.add(in);
    return merger.finish(types, inputs);
}

} // namespace

Result<StorePtr> mergeProfiles(const std::vector<StorePtr>& profiles)
{
    if (profiles.empty())
        return Error {"no profiles to merge", std::nullopt};
    if (profiles.size() == 1)
        return profiles.front();
    std::vector<Input> inputs;
    for (const StorePtr& p : profiles)
        inputs.push_back(Input {p.get(), {}, {}, 1, false});
    return merge(std::move(inputs));
}

Result<StorePtr> mergeWithBase(const StorePtr& source, const StorePtr& base, BaseMode mode)
{
    return merge({Input {source.get(), {}, {}, 1, false}, Input {base.get(), {}, {}, -1, mode == BaseMode::Compare}});
}

} // namespace gs
