// SPDX-License-Identifier: MIT
#include "core/analysis/stack_selection.h"

namespace gs {

namespace {

// Decides, per label filter, whether a sample passes. Regex results are cached per string id,
// since a profile has few distinct label values but many samples.
class LabelMatcher
{
public:
    LabelMatcher(const Symbols& symbols, const LabelFilter& filter, GoRegex regex)
        : m_symbols(symbols)
        , m_filter(filter)
        , m_regex(std::move(regex))
    {
    }

    bool passes(std::span<const SampleLabel> labels)
    {
        bool matched = false;
        for (const SampleLabel& l : labels) {
            if (m_symbols.strings.get(l.key) != m_filter.key)
                continue;
            if (l.str != 0) {
                matched = matchString(l.str);
            } else {
                matched = m_regex.search(std::to_string(l.num));
            }
            if (matched)
                break;
        }
        return m_filter.exclude ? !matched : matched;
    }

private:
    bool matchString(StringId id)
    {
        if (m_cache.size() <= id)
            m_cache.resize(m_symbols.strings.size(), 0);
        if (m_cache[id] == 0) {
            // pprof's tagfocus searches the value (Go's MatchString), it does not anchor the regex.
            m_cache[id] = m_regex.search(m_symbols.strings.get(id)) ? 2 : 1;
        }
        return m_cache[id] == 2;
    }

    const Symbols& m_symbols;
    const LabelFilter& m_filter;
    GoRegex m_regex;
    std::vector<uint8_t> m_cache; // 0 unknown, 1 no match, 2 match
};

bool anyFrameIn(const Symbols& symbols, std::span<const FrameId> frames, const std::vector<uint8_t>& mask)
{
    for (FrameId f : frames) {
        if (mask[symbols.frames[f].function])
            return true;
    }
    return false;
}

// The functions whose name (and, with `files`, whose file) matches, as a per-FunctionId mask.
std::vector<uint8_t> matchMask(const Symbols& symbols, const GoRegex& regex, bool files)
{
    std::vector<uint8_t> mask(symbols.functions.size(), 0);
    for (size_t i = 0; i < symbols.functions.size(); ++i) {
        mask[i] = regex.search(symbols.functionName(FunctionId(i)))
                  || (files && regex.search(symbols.strings.get(symbols.functions[i].file)));
    }
    return mask;
}

// pprof's focus, ignore and hide test the function name and its file name.
Result<std::vector<uint8_t>> matchFunctionsOrFiles(const Symbols& symbols, const std::string& regex)
{
    auto re = GoRegex::compile(regex, "function");
    if (!re)
        return re.error();
    return matchMask(symbols, *re, true);
}

} // namespace

int64_t sampleTypeTotal(const Profile& profile, size_t sampleType)
{
    int64_t total = 0;
    for (size_t i = 0; i < profile.sampleCount(); ++i) {
        const int64_t v = profile.value(i, sampleType);
        total += v < 0 ? -v : v;
    }
    return total;
}

Result<std::vector<uint8_t>> matchFunctions(const Symbols& symbols, const std::string& regex)
{
    auto re = GoRegex::compile(regex, "function");
    if (!re)
        return re.error();
    return matchFunctions(symbols, *re);
}

std::vector<uint8_t> matchFunctions(const Symbols& symbols, const GoRegex& regex)
{
    return matchMask(symbols, regex, false);
}

Result<WeightedStacks> selectProfileStacks(const EventStore& store, size_t sampleType, const StackFilter& filter,
                                           const std::vector<uint8_t>* onlySamples, std::vector<uint8_t>* keptSamples)
{
    if (!store.profile)
        return Error {"this input has no samples", std::nullopt};
    const Profile& profile = *store.profile;
    if (sampleType >= profile.sampleTypes.size())
        return Error {"sample type index " + std::to_string(sampleType) + " out of range", std::nullopt};
    const Symbols& symbols = store.symbols;

    std::vector<uint8_t> focus, ignore;
    WeightedStacks out;
    if (!filter.focus.empty()) {
        auto m = matchFunctionsOrFiles(symbols, filter.focus);
        if (!m)
            return m.error();
        focus = std::move(*m);
    }
    if (!filter.ignore.empty()) {
        auto m = matchFunctionsOrFiles(symbols, filter.ignore);
        if (!m)
            return m.error();
        ignore = std::move(*m);
    }
    if (!filter.hide.empty()) {
        auto m = matchFunctionsOrFiles(symbols, filter.hide);
        if (!m)
            return m.error();
        out.hiddenFunctions = std::move(*m);
    }
    std::vector<LabelMatcher> labelMatchers;
    for (const LabelFilter& lf : filter.labels) {
        auto re = GoRegex::compile(lf.valueRegex, "label value");
        if (!re)
            return re.error();
        labelMatchers.emplace_back(symbols, lf, std::move(*re));
    }

    // Sum per stack id first: a dense vector is cheaper than a map, and the number of distinct
    // stacks is bounded by the (already validated) stack table.
    std::vector<int64_t> perStack(symbols.stacks.size(), 0);
    std::vector<uint8_t> seen(symbols.stacks.size(), 0);
    if (keptSamples)
        keptSamples->assign(profile.sampleCount(), 0);
    for (size_t i = 0; i < profile.sampleCount(); ++i) {
        const int64_t v = profile.value(i, sampleType);
        if (v == 0 || (onlySamples && !(*onlySamples)[i]))
            continue;
        const StackId stack = profile.sampleStacks[i];
        bool keep = true;
        for (LabelMatcher& lm : labelMatchers)
            keep = keep && lm.passes(profile.sampleLabels(i));
        if (keep && !focus.empty())
            keep = anyFrameIn(symbols, symbols.stacks.frames(stack), focus);
        if (keep && !ignore.empty())
            keep = !anyFrameIn(symbols, symbols.stacks.frames(stack), ignore);
        if (!keep)
            continue;
        if (keptSamples)
            (*keptSamples)[i] = 1;
        perStack[stack] += v;
        seen[stack] = 1;
        out.total += v;
    }
    for (size_t s = 0; s < perStack.size(); ++s) {
        if (seen[s])
            out.stacks.push_back(StackWeight {StackId(s), perStack[s]});
    }
    return out;
}

} // namespace gs
