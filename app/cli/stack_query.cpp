// SPDX-License-Identifier: MIT
#include "app/cli/stack_query.h"

#include "app/cli/cli_common.h"
#include "core/analysis/granular_selection.h"
#include "core/analysis/profile_merge.h"
#include "core/analysis/trace_profiles.h"
#include "core/base/capture_text.h"

#include <ostream>

namespace gs::cli {

namespace {

// "--tagfocus worker=a|b" -> {key "worker", regex "a|b"}.
std::optional<LabelFilter> labelFilter(const std::string& option, const std::string& text, bool exclude,
                                       std::ostream& err)
{
    const size_t eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
        fail(err, "--" + option + " needs KEY=REGEX, got '" + text + "'");
        return std::nullopt;
    }
    return LabelFilter {text.substr(0, eq), text.substr(eq + 1), exclude};
}

// A trace is read through one of the profiles it yields: --trace-profile (default cpu) over every
// goroutine or, with --goroutine, over one.
StorePtr deriveFromTrace(const StorePtr& traceStore, const std::string& path, const CliArgs& args, std::ostream& err)
{
    const TraceData& trace = *traceStore->trace;
    const auto named = args.value("trace-profile");
    const auto kind = parseTraceProfileKind(named.value_or("cpu"));
    if (!kind) {
        fail(err, "--trace-profile " + *named + ": expected cpu, net, sync, syscall or sched");
        return nullptr;
    }
    if (!named && trace.cpuSamples.empty()) {
        fail(err, path + ": the trace has no CPU samples; choose --trace-profile net|sync|syscall|sched");
        return nullptr;
    }
    std::vector<uint8_t> keep;
    if (auto goroutine = args.value("goroutine")) {
        const auto id = parseNumber<int64_t>(*goroutine);
        const GoroutineRow row = id ? trace.rowOf(*id) : kNoRow;
        if (row == kNoRow) {
            fail(err, "--goroutine " + *goroutine + ": no such goroutine in the trace");
            return nullptr;
        }
        keep.assign(trace.goroutines.size(), 0);
        keep[row] = 1;
    }
    return deriveTraceProfile(*traceStore, *kind, keep);
}

// pprof's granularity switches; at most one of the four, plus --noinlines.
std::optional<NodeGranularity> granularityOf(const CliArgs& args, std::ostream& err)
{
    NodeGranularity g;
    int given = 0;
    for (const auto& [flag, value] : {std::pair {"functions", Granularity::Functions}, std::pair {"files", Granularity::Files},
                                      std::pair {"lines", Granularity::Lines},
                                      std::pair {"addresses", Granularity::Addresses}}) {
        if (args.has(flag)) {
            g.granularity = value;
            ++given;
        }
    }
    if (given > 1) {
        fail(err, "choose one of --functions, --files, --lines and --addresses");
        return std::nullopt;
    }
    g.noInlines = args.has("noinlines");
    return g;
}

// The FILES as one profile: loaded, merged when there are several; nothing (after one line of
// error) when one cannot be loaded or they do not merge.
StorePtr loadMerged(const std::vector<std::string>& paths, std::ostream& err)
{
    std::vector<StorePtr> stores;
    for (const std::string& path : paths) {
        stores.push_back(loadStore(path, err));
        if (!stores.back())
            return nullptr;
    }
    auto merged = mergeProfiles(stores);
    if (!merged) {
        fail(err, merged.error().message);
        return nullptr;
    }
    return *merged;
}

// As pprof's fetch: the sources merged, then the base subtracted (its samples kept apart
// for --diff-base). A single trace is read through one of its profiles.
StorePtr loadSources(const std::vector<std::string>& paths, const CliArgs& args, std::ostream& err)
{
    const std::vector<std::string> bases = args.values("base"), diffBases = args.values("diff-base");
    if (!bases.empty() && !diffBases.empty()) {
        fail(err, "--base and --diff-base cannot both be given");
        return nullptr;
    }
    if (bases.size() > 1 || diffBases.size() > 1) {
        // go tool pprof reads only the last of them; several are more likely a mistake.
        fail(err, std::string(bases.size() > 1 ? "--base" : "--diff-base") + " may be given once");
        return nullptr;
    }
    StorePtr store = loadMerged(paths, err);
    if (store && store->trace && paths.size() == 1)
        store = deriveFromTrace(store, paths.front(), args, err);
    if (!store || (bases.empty() && diffBases.empty()))
        return store;
    const StorePtr base = loadStore(bases.empty() ? diffBases.front() : bases.front(), err);
    if (!base)
        return nullptr;
    auto merged = mergeWithBase(store, base, bases.empty() ? BaseMode::Compare : BaseMode::Subtract);
    if (!merged) {
        fail(err, merged.error().message);
        return nullptr;
    }
    return *merged;
}

} // namespace

const std::vector<std::string>& granularitySwitches()
{
    static const std::vector<std::string> kSwitches = {"functions", "files", "lines", "addresses", "noinlines"};
    return kSwitches;
}

const std::vector<std::string>& stackQueryOptions()
{
    static const std::vector<std::string> kOptions = {"sample-index", "focus",  "ignore",    "hide",
                                                       "tagfocus",     "tagignore", "trace-profile", "goroutine",
                                                       "base",         "diff-base", "unit",          "divide-by"};
    return kOptions;
}

std::vector<std::string> stackQuerySwitches()
{
    std::vector<std::string> switches = granularitySwitches();
    switches.push_back("mean");
    return switches;
}

std::optional<StackQuery> runStackQuery(const std::vector<std::string>& paths, const CliArgs& args,
                                        std::ostream& err, Regroup regroup)
{
    StackQuery q;
    q.store = loadSources(paths, args, err);
    if (!q.store)
        return std::nullopt;
    if (!q.store->profile || q.store->profile->sampleTypes.empty()) {
        fail(err, paths.front() + ": has no profile samples (" + formatName(q.store->format) + ")");
        return std::nullopt;
    }
    q.outputUnit = args.value("unit").value_or(q.outputUnit);
    if (auto d = args.value("divide-by")) {
        const auto divisor = parseNumber<double>(*d);
        if (!divisor) {
            fail(err, "--divide-by needs a number, got '" + *d + "'");
            return std::nullopt;
        }
        if (*divisor == 0) {
            fail(err, "--divide-by: zero divisor specified");
            return std::nullopt;
        }
        q.ratio = 1 / *divisor;
    }
    const auto granularity = granularityOf(args, err);
    if (!granularity)
        return std::nullopt;
    q.granularity = *granularity;
    const Profile& profile = *q.store->profile;
    q.sampleType = profile.defaultSampleType;
    if (auto si = args.value("sample-index")) {
        const int found = profile.findSampleType(*si);
        if (found < 0) {
            std::string known;
            for (const ValueType& t : profile.sampleTypes)
                known += (known.empty() ? "" : ", ") + quoteCaptureText(t.type);
            fail(err, "--sample-index " + *si + ": the profile has " + known);
            return std::nullopt;
        }
        q.sampleType = size_t(found);
    }

    StackFilter filter;
    filter.focus = args.value("focus").value_or("");
    filter.ignore = args.value("ignore").value_or("");
    filter.hide = args.value("hide").value_or("");
    for (const auto& [option, exclude] : {std::pair {"tagfocus", false}, std::pair {"tagignore", true}}) {
        for (const std::string& text : args.values(option)) {
            auto lf = labelFilter(option, text, exclude, err);
            if (!lf)
                return std::nullopt;
            filter.labels.push_back(std::move(*lf));
        }
    }
    for (const auto& [option, text] : {std::pair {"focus", filter.focus}, std::pair {"ignore", filter.ignore},
                                       std::pair {"hide", filter.hide}}) {
        if (!text.empty())
            q.activeFilters.push_back(std::string(option) + "=" + text);
    }
    for (const LabelFilter& lf : filter.labels)
        q.activeFilters.push_back(std::string(lf.exclude ? "tagignore=" : "tagfocus=") + lf.key + "=" + lf.valueRegex);
    // list reads the profile's own lines: it selects samples at the default granularity.
    const NodeGranularity selectAt = regroup == Regroup::Never ? NodeGranularity {} : *granularity;
    const StorePtr source = q.store;
    auto selected = selectStacksAt(source, q.sampleType, filter, selectAt);
    if (!selected) {
        fail(err, (selectAt.isDefault() ? "" : paths.front() + ": ") + selected.error().message);
        return std::nullopt;
    }
    if (args.has("mean")) {
        // pprof divides by its first sample type (a count), summed over the same samples and nodes.
        auto divisor = selectOtherType(source, 0, filter, *selected);
        if (!divisor) {
            fail(err, divisor.error().message);
            return std::nullopt;
        }
        q.meanDivisor = 0;
        q.divisorStacks = std::move(*divisor);
    }
    q.store = std::move(selected->store);
    q.stacks = std::move(selected->stacks);
    q.keptSamples = std::move(selected->keptSamples);
    return q;
}

} // namespace gs::cli
