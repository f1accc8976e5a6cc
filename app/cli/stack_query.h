// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/cli_args.h"
#include "core/analysis/granularity.h"
#include "core/analysis/report_values.h"
#include "core/analysis/stack_selection.h"
#include "core/model/event_store.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace gs::cli {

// Options of the commands that aggregate a profile's stacks (top, peek, flame), with pprof's names:
// --sample-index NAME|N, --focus/--ignore/--hide RE, --tagfocus/--tagignore KEY=RE, --base FILE
// or --diff-base FILE, --unit UNIT, --divide-by F.
const std::vector<std::string>& stackQueryOptions();

// Those options in a command's usage line, after its own (a literal, to join the command's).
#define GS_STACK_QUERY_USAGE                                                                                          \
    "[--sample-index NAME|N] [--focus RE] [--ignore RE] [--hide RE] [--tagfocus KEY=RE] [--tagignore KEY=RE]"       \
    " [--functions|--files|--lines|--addresses] [--noinlines] [--base FILE|--diff-base FILE] [--mean] [--unit UNIT]" \
    " [--divide-by F] [--trace-profile cpu|net|sync|syscall|sched] [--goroutine G]"

// pprof's granularity switches, which the stack queries accept: --functions (the default),
// --files, --lines, --addresses, and --noinlines (inlined calls count as their caller).
const std::vector<std::string>& granularitySwitches();

// The switches of every stack query: the granularity ones and --mean (pprof's -mean).
std::vector<std::string> stackQuerySwitches();

// A loaded profile (several merged, minus a base), the chosen sample type and its filtered stacks.
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
    // --mean: the sample type values are divided by (pprof's first one, a count), and its stacks.
    std::optional<size_t> meanDivisor;
    WeightedStacks divisorStacks;
    // --unit ("minimum": the smallest that fits, as pprof's default) and 1 / --divide-by.
    std::string outputUnit = "minimum";
    double ratio = 1;

    const Profile& profile() const { return *store->profile; }
    const ValueType& valueType() const { return profile().sampleTypes[sampleType]; }
    // The sample type as the report's "Type:" line names it ("mean_delay" with --mean).
    std::string typeLabel() const { return (meanDivisor ? "mean_" : "") + valueType().type; }
    // What the percentages are of (pprof's report total).
    int64_t total() const { return reportTotal(*store, sampleType, meanDivisor); }
};

// How a query treats the granularity switches: regroups the profile's nodes as they ask, or
// leaves the profile as it is, for a report that reads its lines itself (list).
enum class Regroup
{
    AsAsked,
    Never,
};

// Loads the FILES (several pprof profiles are merged, then --base or --diff-base subtracted),
// picks the sample type (the profile's default unless --sample-index says otherwise), regroups it
// at the granularity the switches ask for, and applies the filters. On any error prints one line
// and returns nothing.
std::optional<StackQuery> runStackQuery(const std::vector<std::string>& paths, const CliArgs& args,
                                        std::ostream& err, Regroup regroup = Regroup::AsAsked);

} // namespace gs::cli
