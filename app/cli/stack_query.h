// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/cli_args.h"
#include "core/analysis/granularity.h"
#include "core/analysis/stack_selection.h"
#include "core/model/event_store.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace gs::cli {

// Options of the commands that aggregate a profile's stacks (top, flame), with pprof's names:
// --sample-index NAME|N, --focus/--ignore/--hide RE, --tagfocus/--tagignore KEY=RE.
const std::vector<std::string>& stackQueryOptions();

// pprof's granularity switches, which the stack queries accept: --functions (the default),
// --files, --lines, --addresses, and --noinlines (inlined calls count as their caller).
const std::vector<std::string>& granularitySwitches();

// A loaded profile, the chosen sample type and its filtered stacks.
struct StackQuery
{
    StorePtr store;
    size_t sampleType = 0;
    WeightedStacks stacks;
    // Which samples of the profile the filters kept (per sample), and the granularity `store` is at.
    std::vector<uint8_t> keptSamples;
    NodeGranularity granularity;
    // The filters given, as pprof lists them under "Active filters:" ("focus=main\\.fib").
    std::vector<std::string> activeFilters;
    // Which of the profile's samples the filters kept (empty when no report needs them).
    std::vector<uint8_t> keptSamples;

    const Profile& profile() const { return *store->profile; }
    const ValueType& valueType() const { return profile().sampleTypes[sampleType]; }
};

// How a query treats the granularity switches: regroups the profile's nodes as they ask, or
// leaves the profile as it is, for a report that reads its lines itself (list).
enum class Regroup
{
    AsAsked,
    Never,
};

// Loads FILE, picks the sample type (the profile's default unless --sample-index says otherwise),
// regroups it at the granularity the switches ask for, and applies the filters. On any error
// prints one line and returns nothing.
std::optional<StackQuery> runStackQuery(const std::string& path, const CliArgs& args, std::ostream& err,
                                        Regroup regroup = Regroup::AsAsked);

} // namespace gs::cli
