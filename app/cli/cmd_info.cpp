// SPDX-License-Identifier: MIT
// `info FILE [--json]`: the detected format and a summary of what the file holds.
#include "app/cli/capture_info.h"
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/json_writer.h"
#include "core/analysis/stack_selection.h"
#include "core/analysis/value_format.h"

#include <ctime>
#include <ostream>

namespace gs::cli {

namespace {

constexpr const char* kUsage = "info FILE [--json]";

std::string typeName(const ValueType& t)
{
    return t.type + "/" + t.unit;
}

// "2026-11-21T05:26:55Z" for Unix nanoseconds.
std::string isoTime(int64_t nanos)
{
    const std::time_t seconds = std::time_t(nanos / 1000000000);
    std::tm tm {};
    gmtime_r(&seconds, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

void printText(const EventStore& store, std::ostream& out)
{
    out << "Format: " << formatName(store.format) << '\n';
    if (store.profile) {
        const Profile& p = *store.profile;
        out << "Sample types:";
        for (size_t i = 0; i < p.sampleTypes.size(); ++i)
            out << (i ? ", " : " ") << typeName(p.sampleTypes[i]) << (i == p.defaultSampleType ? " (default)" : "");
        out << '\n';
        out << "Samples: " << p.sampleCount() << '\n';
        for (size_t i = 0; i < p.sampleTypes.size(); ++i)
            out << "Total " << p.sampleTypes[i].type << ": " << formatValue(sampleTypeTotal(p, i), p.sampleTypes[i].unit)
                << '\n';
        if (p.period != 0)
            out << "Period: " << p.period << ' ' << typeName(p.periodType) << '\n';
        if (p.durationNs != 0)
            out << "Duration: " << formatValue(p.durationNs, "nanoseconds") << '\n';
        if (p.timeNanos != 0)
            out << "Time: " << isoTime(p.timeNanos) << '\n';
        out << "Functions: " << store.symbols.functions.size() << ", distinct stacks: " << store.symbols.stacks.size() - 1
            << ", mappings: " << p.mappings.size() << '\n';
        for (const std::string& c : p.comments)
            out << "Comment: " << c << '\n';
    }
    if (store.trace) {
        const TraceData& t = *store.trace;
        out << "Go version: " << t.goVersion << '\n';
        out << "Duration: " << formatValue(t.endNs - t.startNs, "nanoseconds") << '\n';
        out << "Events: " << t.eventCount << " in " << t.generations << " generation(s)" << '\n';
        out << "Goroutines: " << t.goroutines.size() << ", processors: " << t.processors.size() << '\n';
        out << "State spans: " << t.spans.size() << ", GC cycles: " << t.gcRanges.size()
            << ", CPU samples: " << t.cpuSamples.size() << '\n';
        out << "User tasks: " << t.tasks.size() << ", regions: " << t.regions.size() << ", logs: " << t.logs.size()
            << '\n';
        if (t.truncated)
            out << "Damaged: yes (see the warning below)\n";
    }
    printCaptureText(store, out);
    out << "Store size: " << formatValue(int64_t(store.approximateBytes()), "bytes") << '\n';
    for (const std::string& w : store.warnings)
        out << "Warning: " << w << '\n';
}

void printJson(const EventStore& store, std::ostream& out)
{
    JsonWriter j(out);
    j.beginObject();
    j.key("format");
    j.value(formatName(store.format));
    j.key("file");
    j.value(store.sourcePath);
    if (store.profile) {
        const Profile& p = *store.profile;
        j.key("sample_types");
        j.beginArray();
        for (const ValueType& t : p.sampleTypes)
            j.value(typeName(t));
        j.endArray();
        j.key("default_sample_type");
        if (p.sampleTypes.empty())
            j.null();
        else
            j.value(typeName(p.sampleTypes[p.defaultSampleType]));
        j.key("samples");
        j.value(uint64_t(p.sampleCount()));
        j.key("totals");
        j.beginArray();
        for (size_t i = 0; i < p.sampleTypes.size(); ++i)
            j.value(sampleTypeTotal(p, i));
        j.endArray();
        j.key("period");
        j.value(p.period);
        j.key("period_type");
        j.value(p.periodType.type.empty() ? std::string() : typeName(p.periodType));
        j.key("duration_ns");
        j.value(p.durationNs);
        j.key("time_nanos");
        j.value(p.timeNanos);
        j.key("functions");
        j.value(uint64_t(store.symbols.functions.size()));
        j.key("mappings");
        j.value(uint64_t(p.mappings.size()));
        j.key("comments");
        j.beginArray();
        for (const std::string& c : p.comments)
            j.value(c);
        j.endArray();
    }
    if (store.trace) {
        const TraceData& t = *store.trace;
        j.key("go_version");
        j.value(t.goVersion);
        j.key("events");
        j.value(t.eventCount);
        j.key("generations");
        j.value(t.generations);
        // Goroutines with at least one state transition: the store has a row for exactly those.
        j.key("goroutines");
        j.value(uint64_t(t.goroutines.size()));
        j.key("processors");
        j.value(uint64_t(t.processors.size()));
        j.key("duration_ns");
        j.value(t.endNs - t.startNs);
        j.key("spans");
        j.value(uint64_t(t.spans.size()));
        j.key("cpu_samples");
        j.value(uint64_t(t.cpuSamples.size()));
        j.key("damaged");
        j.value(t.truncated);
    }
    writeCaptureJson(store, j);
    j.key("store_bytes");
    j.value(uint64_t(store.approximateBytes()));
    j.key("store_parts");
    j.beginObject();
    for (const auto& [name, bytes] : store.memoryParts()) {
        j.key(name);
        j.value(uint64_t(bytes));
    }
    j.endObject();
    j.key("warnings");
    j.beginArray();
    for (const std::string& w : store.warnings)
        j.value(w);
    j.endArray();
    j.endObject();
}

int runInfo(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    auto command = parseFileCommand(argv, {}, {"json"}, kUsage, err);
    if (!command)
        return 2;
    const CliArgs& args = command->args;
    const std::string& path = command->path;
    StorePtr store = loadStore(path, err);
    if (!store)
        return 1;
    if (args.has("json"))
        printJson(*store, out);
    else
        printText(*store, out);
    return 0;
}

} // namespace

Command infoCommand()
{
    return {"info", kUsage, "the detected format and a summary (profiles: sample types, samples, period; traces: Go version, events, goroutines, duration, damage)", runInfo};
}

} // namespace gs::cli
