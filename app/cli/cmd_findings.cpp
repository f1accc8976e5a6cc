// SPDX-License-Identifier: MIT
// `findings FILE [BASE] [--json] [-n N]`: what stands out in a capture, most severe first, each
// finding with the figures that back it and the goroutines, functions and time it is about.
// BASE is an earlier goroutine dump of the same process, or a profile to compare with.
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/json_writer.h"
#include "core/analysis/value_format.h"
#include "core/findings/findings.h"

#include <ostream>

namespace gs::cli {

namespace {

constexpr const char* kUsage = "findings FILE [BASE] [--json] [-n N]";
constexpr size_t kIdsShown = 12;

// Trace times are printed from the start of the trace, as the other trace commands print them.
TimeNs traceStart(const EventStore& store)
{
    return store.trace ? store.trace->startNs : 0;
}

void writeJson(const std::vector<Finding>& found, TimeNs origin, std::ostream& out)
{
    JsonWriter j(out);
    j.beginArray();
    for (const Finding& f : found) {
        j.beginObject();
        j.field("kind", f.kind);
        j.field("severity", severityName(f.severity));
        j.field("title", f.title);
        if (!f.detail.empty())
            j.field("detail", f.detail);
        j.key("evidence");
        j.beginObject();
        for (const Evidence& e : f.evidence)
            j.field(e.name, e.value);
        j.endObject();
        j.arrayField("goroutines", f.goroutines);
        j.arrayField("functions", f.functions);
        j.key("start_ns");
        if (f.startNs >= 0)
            j.value(f.startNs - origin);
        else
            j.null();
        j.key("end_ns");
        if (f.endNs >= 0)
            j.value(f.endNs - origin);
        else
            j.null();
        j.endObject();
    }
    j.endArray();
    out << '\n';
}

void writeText(const std::vector<Finding>& found, size_t limit, TimeNs origin, std::ostream& out)
{
    if (found.empty()) {
        out << "No findings: nothing in this capture crossed a threshold.\n";
        return;
    }
    for (size_t i = 0; i < found.size() && i < limit; ++i) {
        const Finding& f = found[i];
        out << i + 1 << ". [" << severityName(f.severity) << "] " << f.title << '\n';
        if (!f.detail.empty())
            out << "   " << f.detail << '\n';
        if (!f.evidence.empty()) {
            out << "   evidence:";
            for (const Evidence& e : f.evidence)
                out << ' ' << e.name << '=' << formatEvidence(e);
            out << '\n';
        }
        if (!f.goroutines.empty()) {
            out << "   goroutines:";
            for (size_t k = 0; k < f.goroutines.size() && k < kIdsShown; ++k)
                out << ' ' << f.goroutines[k];
            if (f.goroutines.size() > kIdsShown)
                out << " ... (" << f.goroutines.size() << ')';
            out << '\n';
        }
        if (!f.functions.empty())
            out << "   functions: " << shortStack(f.functions, kIdsShown) << '\n';
        if (f.startNs >= 0)
            out << "   time: " << formatValue(f.startNs - origin, "nanoseconds") << " to "
                << formatValue(f.endNs - origin, "nanoseconds") << '\n';
    }
    if (found.size() > limit)
        out << "(" << found.size() - limit << " more; -n " << found.size() << " shows them all)\n";
}

int run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    auto command = parseFilesCommand(argv, {"n"}, {"json"}, kUsage, err);
    if (!command)
        return 2;
    if (command->paths.size() > 2) {
        err << "goroscope-cli: findings takes a FILE and at most one BASE (usage: " << kUsage << ")\n";
        return 2;
    }
    const std::string limitText = command->args.value("n").value_or("20");
    const auto limit = parseNumber<size_t>(limitText);
    if (!limit) {
        fail(err, "-n needs a number, got '" + limitText + "'");
        return 2;
    }
    const StorePtr store = loadStore(command->paths[0], err);
    if (!store)
        return 1;
    StorePtr base;
    if (command->paths.size() == 2) {
        base = loadStore(command->paths[1], err);
        if (!base)
            return 1;
    }
    const auto found = findFindings(*store, base.get());
    if (!found)
        return fail(err, command->paths[1] + ": " + found.error().message);
    if (command->args.has("json"))
        writeJson(*found, traceStart(*store), out);
    else
        writeText(*found, *limit, traceStart(*store), out);
    return 0;
}

} // namespace

Command findingsCommand()
{
    return {"findings", kUsage,
            "what stands out in a capture, most severe first: leaks, deadlocks, long waits and their chains, "
            "contention, scheduler latency, GC pressure, allocation hot spots (BASE: an earlier dump or profile)",
            run};
}

} // namespace gs::cli
