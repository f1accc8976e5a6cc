// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/granularity.h"
#include "core/analysis/stack_selection.h"

namespace gs {

// A profile's stacks selected at a granularity: the store they refer to (the input itself at the
// default granularity, else its regrouped copy) and the summed stacks.
struct GranularSelection
{
    StorePtr store;
    WeightedStacks stacks;
    std::vector<uint8_t> keptSamples; // per sample of the profile: 1 where the filters kept it
};

// Selects one sample type of `store` through `filter`, at `granularity`. As pprof does, the
// filters see the profile's own functions, then the nodes are regrouped (hidden lines removed
// first) and the same samples are summed over the regrouped stacks. Fails for an invalid filter or
// sample type, or a granularity other than the default on an input that is not a pprof profile.
Result<GranularSelection> selectStacksAt(const StorePtr& store, size_t sampleType, const StackFilter& filter,
                                         NodeGranularity granularity);

// Another sample type of `store` through the same filter, over the nodes of `like` (what
// selectStacksAt made of `store` with `filter`): pprof's -mean divides by sample type 0 so.
Result<WeightedStacks> selectOtherType(const StorePtr& store, size_t sampleType, const StackFilter& filter,
                                       const GranularSelection& like);

} // namespace gs
