// SPDX-License-Identifier: MIT
// The user annotations of a trace (runtime/trace's tasks, regions and logs), as `go tool trace`'s
// "User-defined tasks" and "User-defined regions" pages show them:
//   `tasks FILE [--json]`   one row per task: parent, start, end, goroutines, log count;
//   `regions FILE [--json]` one row per region type: count, total and percentiles of the durations,
//                           and (in JSON) every instance;
//   `logs FILE [--json]`    every log message in trace order.
// Times are nanoseconds since the trace's start (its first event); "no task" and "no parent" are
// null in JSON and "-" in text (task ID 0 is Go's background task, the task of no task).
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/json_writer.h"
#include "core/analysis/user_annotations.h"
#include "core/analysis/value_format.h"
#include "core/base/capture_text.h"

#include <iomanip>
#include <ostream>

namespace gs::cli {

namespace {

constexpr const char* kTasksUsage = "tasks FILE [--json]";
constexpr const char* kRegionsUsage = "regions FILE [--json]";
constexpr const char* kLogsUsage = "logs FILE [--json]";

// Loads the one FILE of `argv` and runs `print` on its trace with whether --json was given.
template<typename Print>
int runOnTrace(const std::vector<std::string>& argv, const char* name, const char* usage, std::ostream& err,
               Print print)
{
    auto command = parseFileCommand(argv, {}, {"json"}, usage, err);
    if (!command)
        return 2;
    StorePtr store = loadStore(command->path, err);
    if (!store)
        return 1;
    if (!store->trace)
        return fail(err,
                    command->path + ": " + name + " needs an execution trace, this is " + formatName(store->format));
    print(*store, command->args.has("json"));
    return 0;
}

void idOrNull(JsonWriter& j, uint64_t id)
{
    if (id != 0)
        j.value(id);
    else
        j.null();
}

std::string idOrDash(uint64_t id)
{
    return id != 0 ? std::to_string(id) : std::string("-");
}

std::string ns(TimeNs v)
{
    return formatValue(v, "nanoseconds");
}

// --- tasks ---

void writeTasksJson(const TraceData& trace, const StringPool& strings, const std::vector<TaskSummary>& tasks,
                    std::ostream& out)
{
    JsonWriter j(out);
    j.beginArray();
    for (const TaskSummary& s : tasks) {
        const UserTask& t = *s.task;
        j.beginObject();
        j.key("id");
        j.value(t.id);
        j.key("type");
        j.value(strings.get(t.name));
        j.key("parent");
        idOrNull(j, t.parent);
        j.key("start_ns");
        if (t.start >= 0)
            j.value(t.start - trace.startNs);
        else
            j.null();
        j.key("end_ns");
        if (t.end >= 0)
            j.value(t.end - trace.startNs);
        else
            j.null();
        j.key("goroutines");
        j.beginArray();
        for (int64_t g : s.goroutines)
            j.value(g);
        j.endArray();
        j.key("logs");
        j.value(uint64_t(s.logs));
        j.endObject();
    }
    j.endArray();
    out << '\n';
}

void writeTasksText(const TraceData& trace, const StringPool& strings, const std::vector<TaskSummary>& tasks,
                    std::ostream& out)
{
    out << std::left << std::setw(8) << "ID" << std::setw(8) << "Parent" << std::right << std::setw(11) << "Start"
        << std::setw(11) << "End" << std::setw(11) << "Duration" << std::setw(12) << "Goroutines" << std::setw(6)
        << "Logs" << "  Type\n";
    for (const TaskSummary& s : tasks) {
        const UserTask& t = *s.task;
        // As Go's task page: a task that began before the trace or ended after it lasts from the
        // trace's start or to its end.
        const TimeNs start = t.start >= 0 ? t.start : trace.startNs;
        const TimeNs end = t.end >= 0 ? t.end : trace.endNs;
        out << std::left << std::setw(8) << t.id << std::setw(8) << idOrDash(t.parent) << std::right << std::setw(11)
            << (t.start >= 0 ? ns(t.start - trace.startNs) : "-") << std::setw(11)
            << (t.end >= 0 ? ns(t.end - trace.startNs) : "-") << std::setw(11) << ns(end - start) << std::setw(12)
            << s.goroutines.size() << std::setw(6) << s.logs << "  " << quoteCaptureText(strings.get(t.name)) << '\n';
    }
}

int runTasks(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    return runOnTrace(argv, "tasks", kTasksUsage, err, [&](const EventStore& store, bool json) {
        const std::vector<TaskSummary> tasks = summarizeTasks(*store.trace);
        if (json)
            writeTasksJson(*store.trace, store.symbols.strings, tasks, out);
        else
            writeTasksText(*store.trace, store.symbols.strings, tasks, out);
    });
}

// --- regions ---

void writeRegionsJson(const TraceData& trace, const StringPool& strings, const std::vector<RegionTypeSummary>& types,
                      std::ostream& out)
{
    JsonWriter j(out);
    j.beginArray();
    for (const RegionTypeSummary& s : types) {
        j.beginObject();
        j.key("type");
        j.value(strings.get(s.type));
        j.key("count");
        j.value(uint64_t(s.instances.size()));
        for (const auto& [name, value] : {std::pair<const char*, TimeNs> {"total_ns", s.totalNs},
                                          {"p50_ns", s.p50Ns},
                                          {"p90_ns", s.p90Ns},
                                          {"p99_ns", s.p99Ns},
                                          {"max_ns", s.maxNs}}) {
            j.key(name);
            j.value(value);
        }
        j.key("instances");
        j.beginArray();
        for (const UserRegion* r : s.instances) {
            j.beginObject();
            j.key("goroutine");
            j.value(r->goroutine);
            j.key("task");
            idOrNull(j, r->task);
            j.key("start_ns");
            j.value(r->start - trace.startNs);
            j.key("end_ns");
            j.value(r->end - trace.startNs);
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }
    j.endArray();
    out << '\n';
}

void writeRegionsText(const StringPool& strings, const std::vector<RegionTypeSummary>& types, std::ostream& out)
{
    out << std::right << std::setw(8) << "Count";
    for (const char* column : {"Total", "p50", "p90", "p99", "Max"})
        out << std::setw(11) << column;
    out << "  Type\n";
    for (const RegionTypeSummary& s : types) {
        out << std::setw(8) << s.instances.size();
        for (TimeNs v : {s.totalNs, s.p50Ns, s.p90Ns, s.p99Ns, s.maxNs})
            out << std::setw(11) << ns(v);
        out << "  " << quoteCaptureText(strings.get(s.type)) << '\n';
    }
}

int runRegions(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    return runOnTrace(argv, "regions", kRegionsUsage, err, [&](const EventStore& store, bool json) {
        const std::vector<RegionTypeSummary> types = summarizeRegions(*store.trace, store.symbols.strings);
        if (json)
            writeRegionsJson(*store.trace, store.symbols.strings, types, out);
        else
            writeRegionsText(store.symbols.strings, types, out);
    });
}

// --- logs ---

void writeLogsJson(const TraceData& trace, const StringPool& strings, std::ostream& out)
{
    JsonWriter j(out);
    j.beginArray();
    for (const UserLog& l : trace.logs) {
        j.beginObject();
        j.key("time_ns");
        j.value(l.time - trace.startNs);
        j.key("goroutine");
        j.value(l.goroutine);
        j.key("task");
        idOrNull(j, l.task);
        j.key("category");
        j.value(strings.get(l.category));
        j.key("message");
        j.value(strings.get(l.message));
        j.endObject();
    }
    j.endArray();
    out << '\n';
}

void writeLogsText(const TraceData& trace, const StringPool& strings, std::ostream& out)
{
    out << std::right << std::setw(11) << "Time" << std::setw(11) << "Goroutine" << std::setw(8) << "Task" << "  "
        << std::left << std::setw(16) << "Category" << "  Message\n";
    for (const UserLog& l : trace.logs) {
        out << std::right << std::setw(11) << ns(l.time - trace.startNs) << std::setw(11) << l.goroutine
            << std::setw(8) << idOrDash(l.task) << "  " << std::left << std::setw(16)
            << quoteCaptureText(strings.get(l.category)) << "  "
            << escapeCaptureText(strings.get(l.message), kShownCaptureChars) << '\n';
    }
}

int runLogs(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    return runOnTrace(argv, "logs", kLogsUsage, err, [&](const EventStore& store, bool json) {
        if (json)
            writeLogsJson(*store.trace, store.symbols.strings, out);
        else
            writeLogsText(*store.trace, store.symbols.strings, out);
    });
}

} // namespace

Command tasksCommand()
{
    return {"tasks", kTasksUsage, "user tasks: parent, start, end, goroutines and logs of each (go tool trace)",
            runTasks};
}

Command regionsCommand()
{
    return {"regions", kRegionsUsage,
            "user regions per type: count, total, p50/p90/p99 and max duration, instances in JSON (go tool trace)",
            runRegions};
}

Command logsCommand()
{
    return {"logs", kLogsUsage, "user log messages: time, goroutine, task, category, message", runLogs};
}

} // namespace gs::cli
