// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/stack_selection.h"
#include "core/analysis/top_table.h"
#include "core/model/event_store.h"

#include <optional>
#include <span>
#include <vector>

namespace gs {

// The label pprof puts on the samples of a -diff_base base (pprof::base=true).
inline constexpr std::string_view kDiffBaseLabel = "pprof::base";

// Per sample, whether it belongs to a -diff_base base; empty when no sample does.
std::vector<uint8_t> diffBaseSamples(const EventStore& store);

// What pprof's reports are percentages of (its computeTotal): the sum of absolute values of one
// sample type over all samples, only the base's samples when the profile has a -diff_base base;
// with `meanDivisor` (pprof's -mean: sample type 0, a count) that sum divided by the divisor
// type's sum (as it is, negative for a base) as an integer.
int64_t reportTotal(const EventStore& store, size_t sampleType, std::optional<size_t> meanDivisor = std::nullopt);

// pprof's -mean: each row's flat and cum divided (as integers) by the same sums over `divisor`,
// the stacks of the profile's first sample type (a count); rows whose divisor is zero keep their
// value. The order and the cut-offs stay those of the sums, as pprof's are.
void divideTopRows(const Symbols& symbols, const WeightedStacks& divisor, std::vector<TopRow>& rows);

} // namespace gs
