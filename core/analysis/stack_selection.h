// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/go_regex.h"
#include "core/model/event_store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gs {

struct StackWeight
{
    StackId stack = 0;
    int64_t value = 0;
};

// Keeps (or, with `exclude`, drops) samples having label `key` whose value matches the regex
// `valueRegex` (searched, not anchored), like pprof's tagfocus / tagignore with a key. Numeric
// labels match on their decimal text (pprof would read a number there as a range instead).
struct LabelFilter
{
    std::string key;
    std::string valueRegex;
    bool exclude = false;
};

// Function-regex filters with pprof's meaning: focus keeps samples with a matching frame, ignore
// drops them, hide removes matching frames from the stacks. Regexes are Go's (GoRegex), searched
// in the function name and its file name (as pprof does). Empty means "no filter".
struct StackFilter
{
    std::string focus;
    std::string ignore;
    std::string hide;
    std::vector<LabelFilter> labels;

    bool empty() const { return focus.empty() && ignore.empty() && hide.empty() && labels.empty(); }
};

// The input of every flame-graph and top-table computation: a weight per distinct stack, plus the
// functions whose frames are hidden. Built from a profile's samples today, and from trace spans
// and dump groups through the same type.
struct WeightedStacks
{
    std::vector<StackWeight> stacks;   // one entry per distinct stack, in stack id order
    std::vector<uint8_t> hiddenFunctions; // indexed by FunctionId; empty when nothing is hidden
    int64_t total = 0;                 // sum of all weights

    bool isHidden(FunctionId f) const { return !hiddenFunctions.empty() && hiddenFunctions[f]; }
};

// Selects one sample type of a profile, applies the filter, and sums weights per stack.
// Fails only for an invalid regex or sample type (a one-line message naming which).
// `onlySamples` (per sample, optional) leaves out the samples it does not mark; `keptSamples`
// (optional) receives which samples were summed, to select the same ones in a regrouped copy.
Result<WeightedStacks> selectProfileStacks(const EventStore& store, size_t sampleType, const StackFilter& filter,
                                           const std::vector<uint8_t>* onlySamples = nullptr,
                                           std::vector<uint8_t>* keptSamples = nullptr);

// What pprof reports percentages against: the sum of absolute values of one sample type over all
// samples, before any focus, ignore or tag filter.
int64_t sampleTypeTotal(const Profile& profile, size_t sampleType);

// The functions whose name matches `regex` (searched anywhere in the name), as a per-FunctionId mask.
Result<std::vector<uint8_t>> matchFunctions(const Symbols& symbols, const std::string& regex);
std::vector<uint8_t> matchFunctions(const Symbols& symbols, const GoRegex& regex);

} // namespace gs
