// SPDX-License-Identifier: MIT
#include "widgets/profile/stack_merge.h"

#include <cstdint>
#include <vector>

namespace gs::ui {

namespace {

constexpr uint32_t kUnmapped = UINT32_MAX;

// Re-interns one side's stacks into the merged table, remembering function and frame ids.
class Remapper
{
public:
    Remapper(const Symbols& from, Symbols& to)
        : m_from(from)
        , m_to(to)
        , m_functions(from.functions.size(), kUnmapped)
        , m_frames(from.frames.size(), kUnmapped)
    {
    }

    WeightedStacks remap(const WeightedStacks& in)
    {
        WeightedStacks out;
        out.total = in.total;
        std::vector<FrameId> frames;
        for (const StackWeight& sw : in.stacks) {
            frames.clear();
            for (FrameId f : m_from.stacks.frames(sw.stack))
                frames.push_back(frame(f));
            out.stacks.push_back(StackWeight {m_to.stacks.intern(frames), sw.value});
        }
        for (size_t f = 0; f < in.hiddenFunctions.size(); ++f) {
            if (in.hiddenFunctions[f] && m_functions[f] != kUnmapped)
                m_hidden.push_back(m_functions[f]);
        }
        return out;
    }

    const std::vector<FunctionId>& hidden() const { return m_hidden; }

private:
    FunctionId function(FunctionId f)
    {
        if (m_functions[f] == kUnmapped) {
            const Function& fn = m_from.functions[f];
            m_functions[f] = m_to.internFunction(m_from.strings.get(fn.name), m_from.strings.get(fn.file));
        }
        return m_functions[f];
    }

    FrameId frame(FrameId f)
    {
        if (m_frames[f] == kUnmapped)
            m_frames[f] = m_to.internFrame(function(m_from.frames[f].function), m_from.frames[f].line);
        return m_frames[f];
    }

    const Symbols& m_from;
    Symbols& m_to;
    std::vector<FunctionId> m_functions;
    std::vector<FrameId> m_frames;
    std::vector<FunctionId> m_hidden;
};

} // namespace

MergedStacks mergeForDiff(const Symbols& currentSymbols, const WeightedStacks& current, const Symbols& baseSymbols,
                          const WeightedStacks& base)
{
    auto symbols = std::make_shared<Symbols>();
    Remapper fromCurrent(currentSymbols, *symbols);
    Remapper fromBase(baseSymbols, *symbols);
    MergedStacks out;
    out.current = fromCurrent.remap(current);
    out.base = fromBase.remap(base);

    // Both sides must agree on what is hidden: the regex was the same, the ids were not.
    if (!current.hiddenFunctions.empty() || !base.hiddenFunctions.empty()) {
        std::vector<uint8_t> hidden(symbols->functions.size(), 0);
        for (FunctionId f : fromCurrent.hidden())
            hidden[f] = 1;
        for (FunctionId f : fromBase.hidden())
            hidden[f] = 1;
        out.current.hiddenFunctions = hidden;
        out.base.hiddenFunctions = std::move(hidden);
    }
    out.symbols = std::move(symbols);
    return out;
}

} // namespace gs::ui
