// SPDX-License-Identifier: MIT
#include "core/analysis/granular_selection.h"

namespace gs {

Result<GranularSelection> selectStacksAt(const StorePtr& store, size_t sampleType, const StackFilter& filter,
                                         NodeGranularity granularity)
{
    std::vector<uint8_t> kept;
    auto selected = selectProfileStacks(*store, sampleType, filter, nullptr, &kept);
    if (!selected)
        return selected.error();
    if (granularity.isDefault())
        return GranularSelection {store, std::move(*selected), std::move(kept)};
    auto regrouped = regroupProfile(*store, granularity,
                                    selected->hiddenFunctions.empty() ? nullptr : &selected->hiddenFunctions);
    if (!regrouped)
        return regrouped.error();
    auto reselected = selectProfileStacks(**regrouped, sampleType, StackFilter {}, &kept);
    if (!reselected)
        return reselected.error();
    return GranularSelection {std::move(*regrouped), std::move(*reselected), std::move(kept)};
}

Result<WeightedStacks> selectOtherType(const StorePtr& store, size_t sampleType, const StackFilter& filter,
                                       const GranularSelection& like)
{
    std::vector<uint8_t> kept;
    auto selected = selectProfileStacks(*store, sampleType, filter, nullptr, &kept);
    if (!selected || like.store == store)
        return selected;
    return selectProfileStacks(*like.store, sampleType, StackFilter {}, &kept);
}

} // namespace gs
