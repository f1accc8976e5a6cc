// SPDX-License-Identifier: MIT
// `goroutines FILE [--json]`: one row per goroutine of a trace with the numbers of
// `go tool trace`'s goroutine analysis (execution, scheduler wait, syscall, blocked per reason).
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/json_writer.h"
#include "core/analysis/value_format.h"

#include <algorithm>
#include <iomanip>
#include <ostream>

namespace gs::cli {

namespace {

constexpr const char* kUsage = "goroutines FILE [--json]";

std::string_view startFunction(const EventStore& store, const Goroutine& g)
{
    return g.hasStartFunction() ? store.symbols.functionName(g.startFunction) : std::string_view();
}

void writeJson(const EventStore& store, std::ostream& out)
{
    const TraceData& trace = *store.trace;
    JsonWriter j(out);
    j.beginArray();
    for (const Goroutine& g : trace.goroutines) {
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
        j.value(g.stats.execNs);
        j.key("runnable_ns");
        j.value(g.stats.schedWaitNs);
        j.key("syscall_ns");
        j.value(g.stats.syscallNs);
        j.key("syscall_blocked_ns");
        j.value(g.stats.syscallBlockNs);
        j.key("waiting_ns");
        j.beginObject();
        for (const auto& [reason, ns] : g.stats.blockNsByReason) {
            j.key(store.symbols.strings.get(reason));
            j.value(ns);
        }
        j.endObject();
        j.key("total_ns");
        j.value(g.stats.totalNs);
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

void writeText(const EventStore& store, std::ostream& out)
{
    const TraceData& trace = *store.trace;
    std::vector<const Goroutine*> rows;
    for (const Goroutine& g : trace.goroutines)
        rows.push_back(&g);
    // Busiest first, as the goroutine analysis page sorts groups by execution time.
    std::stable_sort(rows.begin(), rows.end(), [](const Goroutine* a, const Goroutine* b) {
        return a->stats.execNs > b->stats.execNs;
    });
    out << std::left << std::setw(8) << "ID" << std::setw(10) << "Creator" << std::right << std::setw(11) << "Running"
        << std::setw(11) << "Runnable" << std::setw(11) << "Syscall" << std::setw(11) << "Blocked" << "  "
        << "Start function / longest wait\n";
    for (const Goroutine* g : rows) {
        int64_t blocked = 0;
        std::pair<StringId, int64_t> longest {0, 0};
        for (const auto& r : g->stats.blockNsByReason) {
            blocked += r.second;
            if (r.second > longest.second)
                longest = r;
        }
        out << std::left << std::setw(8) << g->id << std::setw(10)
            << (g->creatorId >= 0 ? std::to_string(g->creatorId) : std::string("-")) << std::right << std::setw(11)
            << duration(g->stats.execNs) << std::setw(11) << duration(g->stats.schedWaitNs) << std::setw(11)
            << duration(g->stats.syscallNs + g->stats.syscallBlockNs) << std::setw(11) << duration(blocked) << "  "
            << (g->hasStartFunction() ? startFunction(store, *g) : std::string_view("(unknown)"));
        if (longest.second > 0)
            out << "  [" << store.symbols.strings.get(longest.first) << ' ' << duration(longest.second) << ']';
        out << '\n';
    }
}

int run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    auto command = parseFileCommand(argv, {}, {"json"}, kUsage, err);
    if (!command)
        return 2;
    const CliArgs& args = command->args;
    const std::string& path = command->path;
    StorePtr store = loadStore(path, err);
    if (!store)
        return 1;
    if (!store->trace)
        return fail(err, path + ": goroutines needs an execution trace, this is " + formatName(store->format));
    if (args.has("json"))
        writeJson(*store, out);
    else
        writeText(*store, out);
    return 0;
}

} // namespace

Command goroutinesCommand()
{
    return {"goroutines", kUsage, "per-goroutine time: running, runnable, syscall, blocked by reason (go tool trace)",
            run};
}

} // namespace gs::cli
