// SPDX-License-Identifier: MIT
// `goroutines FILE [--json] [filters]`: one row per goroutine of a trace with the numbers of
// `go tool trace`'s goroutine analysis (execution, scheduler wait, syscall, blocked per reason),
// narrowed by the state-transition filters of core/analysis/goroutine_filter.h.
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/json_writer.h"
#include "core/analysis/goroutine_filter.h"
#include "core/analysis/value_format.h"
#include "core/base/capture_text.h"
#include "core/base/go_regex.h"

#include <algorithm>
#include <functional>
#include <iomanip>
#include <ostream>

namespace gs::cli {

namespace {

constexpr const char* kUsage
    = "goroutines FILE [--json] [--state S[,S]] [--current-state S[,S]] [--transition A->B] [--reason R] "
      "[--min-duration D] [--max-duration D] [--stack-regex RE] [--start-function RE] [--label RE] [--task RE] [--region RE] "
      "[--log RE] [--from D] [--to D]";

// States are running, runnable, waiting, syscall, syscall-blocked; D is a Go duration (10ms, 1.5s);
// --from and --to are times since the trace start. --state and --reason repeat. --task, --region
// and --log look at runtime/trace annotations: task and region types, log categories and messages.
const std::vector<std::string> kFilterOptions = {"state",        "current-state", "transition",     "reason",
                                                 "min-duration", "max-duration",  "stack-regex",    "start-function",
                                                 "label",        "task",          "region",         "log",
                                                 "from",         "to"};

// The filter the options ask for, with the time range still relative to the trace start.
struct FilterOptions
{
    GoroutineFilter filter;
    std::optional<TimeNs> from;
    std::optional<TimeNs> to;
};

// Each parser below returns the one-line problem with its option's value, naming the option.

std::optional<std::string> parseStates(const CliArgs& args, const std::string& name, std::vector<SpanState>& out)
{
    for (const std::string& value : args.values(name)) {
        size_t begin = 0;
        while (begin <= value.size()) {
            const size_t comma = std::min(value.find(',', begin), value.size());
            std::string_view word(value.data() + begin, comma - begin);
            while (!word.empty() && word.front() == ' ')
                word.remove_prefix(1);
            while (!word.empty() && word.back() == ' ')
                word.remove_suffix(1);
            const auto state = parseSpanState(word);
            if (!state)
                return "--" + name + ": unknown state '" + std::string(word)
                       + "' (running, runnable, waiting, syscall, syscall-blocked)";
            out.push_back(*state);
            begin = comma + 1;
        }
    }
    return std::nullopt;
}

std::optional<std::string> parseDurationOption(const CliArgs& args, const std::string& name,
                                               std::optional<TimeNs>& out)
{
    const auto value = args.value(name);
    if (!value)
        return std::nullopt;
    const auto duration = parseDuration(*value);
    if (!duration)
        return "--" + name + ": " + duration.error().message;
    if (*duration < 0)
        return "--" + name + ": a duration cannot be negative, got '" + *value + "'";
    out = *duration;
    return std::nullopt;
}

std::optional<std::string> parseRegexOption(const CliArgs& args, const std::string& name, std::string& out)
{
    const auto value = args.value(name);
    if (!value)
        return std::nullopt;
    if (auto problem = regexProblem(*value))
        return "--" + name + ": invalid regex '" + escapeCaptureText(*value, kQuotedCaptureChars) + "': " + *problem;
    out = *value;
    return std::nullopt;
}

std::optional<std::string> parseTransitionOption(const CliArgs& args, std::optional<StateTransition>& out)
{
    const auto value = args.value("transition");
    if (!value)
        return std::nullopt;
    const auto transition = parseTransition(*value);
    if (!transition)
        return "--transition: " + transition.error().message;
    out = *transition;
    return std::nullopt;
}

std::optional<std::string> parseFilterOptions(const CliArgs& args, FilterOptions& out)
{
    GoroutineFilter& f = out.filter;
    f.reasons = args.values("reason");
    const std::function<std::optional<std::string>()> steps[] = {
        [&] { return parseStates(args, "state", f.spanStates); },
        [&] { return parseStates(args, "current-state", f.currentStates); },
        [&] { return parseTransitionOption(args, f.transition); },
        [&] { return parseDurationOption(args, "min-duration", f.minDurationNs); },
        [&] { return parseDurationOption(args, "max-duration", f.maxDurationNs); },
        [&] { return parseDurationOption(args, "from", out.from); },
        [&] { return parseDurationOption(args, "to", out.to); },
        [&] { return parseRegexOption(args, "stack-regex", f.stackRegex); },
        [&] { return parseRegexOption(args, "start-function", f.startFunctionRegex); },
        [&] { return parseRegexOption(args, "label", f.labelRegex); },
        [&] { return parseRegexOption(args, "task", f.taskRegex); },
        [&] { return parseRegexOption(args, "region", f.regionRegex); },
        [&] { return parseRegexOption(args, "log", f.logRegex); },
    };
    for (const auto& step : steps) {
        if (auto problem = step())
            return problem;
    }
    if (f.minDurationNs && f.maxDurationNs && *f.minDurationNs > *f.maxDurationNs)
        return std::string("--max-duration: shorter than --min-duration, no span could match");
    if (out.from && out.to && *out.from > *out.to)
        return std::string("--to: before --from");
    return std::nullopt;
}

std::string_view startFunction(const EventStore& store, const Goroutine& g)
{
    return g.hasStartFunction() ? store.symbols.functionName(g.startFunction) : std::string_view();
}

void writeJson(const EventStore& store, const std::vector<uint8_t>& keep, std::ostream& out)
{
    const TraceData& trace = *store.trace;
    JsonWriter j(out);
    j.beginArray();
    for (GoroutineRow r : trace.rowsById) {
        if (!keep[r])
            continue;
        const Goroutine g = trace.goroutines[r];
        const GoroutineStats stats = trace.goroutineStats(r);
        j.beginObject();
        j.key("id");
        j.value(g.id);
        j.key("start_function");
        j.value(startFunction(store, g));
        j.key("creator");
        if (g.creatorId >= 0)
            j.value(g.creatorId);
        else
            j.null();
        j.key("running_ns");
        j.value(stats.execNs);
        j.key("runnable_ns");
        j.value(stats.schedWaitNs);
        j.key("syscall_ns");
        j.value(stats.syscallNs);
        j.key("syscall_blocked_ns");
        j.value(stats.syscallBlockNs);
        j.key("waiting_ns");
        j.beginObject();
        for (const auto& [reason, ns] : stats.blockNsByReason) {
            j.key(store.symbols.strings.get(reason));
            j.value(ns);
        }
        j.endObject();
        j.key("total_ns");
        j.value(stats.totalNs);
        j.key("created_ns");
        j.value(g.createdNs - trace.startNs);
        j.key("end_ns");
        if (g.endNs >= 0)
            j.value(g.endNs - trace.startNs);
        else
            j.null();
        j.endObject();
    }
    j.endArray();
    out << '\n';
}

std::string duration(int64_t ns)
{
    return ns == 0 ? "-" : formatValue(ns, "nanoseconds");
}

void writeText(const EventStore& store, const std::vector<uint8_t>& keep, std::ostream& out)
{
    const TraceData& trace = *store.trace;
    struct Row
    {
        Goroutine g;
        GoroutineStats stats;
    };
    std::vector<Row> rows;
    for (GoroutineRow r = 0; r < trace.goroutines.size(); ++r) {
        if (keep[r])
            rows.push_back({trace.goroutines[r], trace.goroutineStats(r)});
    }
    // Busiest first, as the goroutine analysis page sorts groups by execution time; then by ID.
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.stats.execNs != b.stats.execNs ? a.stats.execNs > b.stats.execNs : a.g.id < b.g.id;
    });
    out << std::left << std::setw(8) << "ID" << std::setw(10) << "Creator" << std::right << std::setw(11) << "Running"
        << std::setw(11) << "Runnable" << std::setw(11) << "Syscall" << std::setw(11) << "Blocked" << "  "
        << "Start function / longest wait\n";
    for (const auto& [g, stats] : rows) {
        int64_t blocked = 0;
        std::pair<StringId, int64_t> longest {0, 0};
        for (const auto& r : stats.blockNsByReason) {
            blocked += r.second;
            if (r.second > longest.second)
                longest = r;
        }
        out << std::left << std::setw(8) << g.id << std::setw(10)
            << (g.creatorId >= 0 ? std::to_string(g.creatorId) : std::string("-")) << std::right << std::setw(11)
            << duration(stats.execNs) << std::setw(11) << duration(stats.schedWaitNs) << std::setw(11)
            << duration(stats.syscallNs + stats.syscallBlockNs) << std::setw(11) << duration(blocked) << "  "
            << (g.hasStartFunction() ? startFunction(store, g) : std::string_view("(unknown)"));
        if (longest.second > 0)
            out << "  [" << store.symbols.strings.get(longest.first) << ' ' << duration(longest.second) << ']';
        out << '\n';
    }
}

int run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    auto command = parseFileCommand(argv, kFilterOptions, {"json"}, kUsage, err);
    if (!command)
        return 2;
    const CliArgs& args = command->args;
    const std::string& path = command->path;
    FilterOptions options;
    if (auto problem = parseFilterOptions(args, options)) {
        fail(err, *problem);
        return 2;
    }
    StorePtr store = loadStore(path, err);
    if (!store)
        return 1;
    if (!store->trace)
        return fail(err, path + ": goroutines needs an execution trace, this is " + formatName(store->format));
    GoroutineFilter& filter = options.filter;
    if (options.from)
        filter.fromNs = store->trace->startNs + *options.from;
    if (options.to)
        filter.toNs = store->trace->startNs + *options.to;
    const auto result = filterGoroutines(*store, filter);
    if (!result)
        return fail(err, result.error().message);
    if (args.has("json")) {
        writeJson(*store, result->keep, out);
    } else {
        writeText(*store, result->keep, out);
        if (!filter.empty())
            out << result->kept << " of " << store->trace->goroutines.size() << " goroutines\n";
    }
    return 0;
}

} // namespace

Command goroutinesCommand()
{
    return {"goroutines", kUsage, "per-goroutine time: running, runnable, syscall, blocked by reason (go tool trace)",
            run};
}

} // namespace gs::cli
