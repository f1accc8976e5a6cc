// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/model/event_store.h"

#include <vector>

namespace gs {

// How a base profile enters a merge, as pprof's two flags say: -base subtracts it, so that the
// result is a profile of the difference; -diff_base subtracts it too, but its samples stay apart
// (pprof labels them pprof::base) and percentages are of the base's total.
enum class BaseMode
{
    Subtract, // -base
    Compare,  // -diff_base
};

// Several pprof profiles as one, the way pprof merges its sources: the sample types kept are those
// every profile has (in the first one's order; an error when none is common), the period types
// must match, samples with the same locations and labels add up, samples whose values are all
// zero are dropped; the time is the earliest, durations add up, the period is the largest,
// comments are kept once. An error names the file that does not fit.
Result<StorePtr> mergeProfiles(const std::vector<StorePtr>& profiles);

// `source` minus `base` (each already merged from its files), pprof's -base or -diff_base (whose
// samples carry the label pprof::base=true, report_values.h).
Result<StorePtr> mergeWithBase(const StorePtr& source, const StorePtr& base, BaseMode mode);

} // namespace gs
