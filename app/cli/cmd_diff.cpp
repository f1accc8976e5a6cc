// SPDX-License-Identifier: MIT
// `diff BEFORE AFTER [--json]` on two captures of the same program:
// - two goroutine dumps taken at different times: the goroutine-leak finder, which groups of
//   goroutines grew, which are new, and which goroutines have been waiting longer;
// - two execution traces (before and after a change): per start function the goroutine-analysis
//   times, per region type the latencies, side by side with the difference.
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/json_writer.h"
#include "core/analysis/dump_diff.h"
#include "core/analysis/trace_diff.h"
#include "core/analysis/value_format.h"
#include "core/base/capture_text.h"

#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <iomanip>
#include <ostream>
#include <string_view>

namespace gs::cli {

namespace {

constexpr const char* kUsage = "diff BEFORE AFTER [--json] [-n N]";
constexpr size_t kShownFunctions = 4;
constexpr size_t kShownPersistent = 5;

// --- two goroutine dumps ---

void printJson(const DumpDiff& diff, std::ostream& out)
{
    JsonWriter j(out);
    j.beginArray();
    for (const DumpDiffGroup& g : diff.groups) {
        j.beginObject();
        j.key("stack");
        j.beginArray();
        for (const std::string& f : g.functions)
            j.value(f);
        j.endArray();
        j.key("state");
        j.value(g.state);
        j.key("before");
        j.value(g.before);
        j.key("after");
        j.value(g.after);
        j.key("growth");
        j.value(g.growth());
        j.key("new");
        j.value(g.isNew());
        j.key("waiting_longer");
        j.beginArray();
        for (const PersistentGoroutine& p : g.persistent) {
            j.beginObject();
            j.key("id");
            j.value(p.id);
            j.key("wait_before_minutes");
            j.value(p.waitBefore);
            j.key("wait_after_minutes");
            j.value(p.waitAfter);
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }
    j.endArray();
    out << '\n';
}

void printText(const DumpDiff& diff, size_t limit, std::ostream& out)
{
    out << "Goroutines: " << diff.totalBefore << " -> " << diff.totalAfter << " (" << (diff.totalAfter >= diff.totalBefore ? "+" : "")
        << diff.totalAfter - diff.totalBefore << ")\n";
    out << "  growth  before   after  state / stack (innermost first)\n";
    size_t shown = 0;
    for (const DumpDiffGroup& g : diff.groups) {
        if (g.growth() == 0 && g.persistent.empty())
            continue;
        if (shown++ == limit)
            break;
        char counts[64];
        std::snprintf(counts, sizeof counts, "%+8lld %7lld %7lld  ", static_cast<long long>(g.growth()),
                      static_cast<long long>(g.before), static_cast<long long>(g.after));
        out << counts << (g.state.empty() ? "" : "[" + g.state + "] ") << (g.isNew() ? "NEW " : "")
            << shortStack(g.functions, kShownFunctions) << '\n';
        for (size_t i = 0; i < g.persistent.size() && i < kShownPersistent; ++i) {
            const PersistentGoroutine& p = g.persistent[i];
            out << "                          goroutine " << p.id << " waiting " << p.waitBefore << " -> "
                << p.waitAfter << " minutes\n";
        }
        if (g.persistent.size() > kShownPersistent)
            out << "                          ... and " << g.persistent.size() - kShownPersistent
                << " more goroutines waiting longer\n";
    }
    if (shown == 0)
        out << "  (no group changed)\n";
}

// --- two execution traces ---

void writeFields(JsonWriter& j, std::initializer_list<std::pair<std::string_view, int64_t>> fields)
{
    for (const auto& [name, value] : fields) {
        j.key(name);
        j.value(value);
    }
}

void writeTimes(JsonWriter& j, const GoroutineGroupTimes& t)
{
    j.beginObject();
    writeFields(j, {{"goroutines", t.goroutines},
                    {"running_ns", t.execNs},
                    {"runnable_ns", t.schedWaitNs},
                    {"syscall_ns", t.syscallNs},
                    {"syscall_blocked_ns", t.syscallBlockNs}});
    j.key("waiting_ns");
    j.beginObject();
    for (const auto& [reason, ns] : t.blockNsByReason) {
        j.key(reason);
        j.value(ns);
    }
    j.endObject();
    j.key("total_ns");
    j.value(t.totalNs);
    j.endObject();
}

void writeTimes(JsonWriter& j, const RegionLatency& l)
{
    j.beginObject();
    writeFields(j, {{"count", l.count},
                    {"total_ns", l.totalNs},
                    {"p50_ns", l.p50Ns},
                    {"p90_ns", l.p90Ns},
                    {"p99_ns", l.p99Ns},
                    {"max_ns", l.maxNs}});
    j.endObject();
}

// The array `key` of `entries`, each an object of its name (`nameKey`), "before", "after" (null
// for the side without it) and "difference".
template<typename Times>
void writeEntries(JsonWriter& j, const char* key, const char* nameKey, const std::vector<SideBySide<Times>>& entries)
{
    j.key(key);
    j.beginArray();
    for (const SideBySide<Times>& e : entries) {
        j.beginObject();
        j.key(nameKey);
        j.value(e.name);
        for (const auto& [sideKey, side] : {std::pair {"before", &e.before}, std::pair {"after", &e.after}}) {
            j.key(sideKey);
            if (*side)
                writeTimes(j, **side);
            else
                j.null();
        }
        j.key("difference");
        writeTimes(j, e.difference);
        j.endObject();
    }
    j.endArray();
}

void printTraceJson(const TraceDiff& diff, std::ostream& out)
{
    JsonWriter j(out);
    j.beginObject();
    writeEntries(j, "start_functions", "function", diff.startFunctions);
    writeEntries(j, "region_types", "type", diff.regionTypes);
    j.endObject();
    out << '\n';
}

std::string duration(TimeNs ns)
{
    return formatValue(ns, "nanoseconds");
}

std::string change(TimeNs ns)
{
    return (ns > 0 ? "+" : "") + duration(ns);
}

std::string countChange(int64_t before, int64_t after)
{
    return std::to_string(before) + " -> " + std::to_string(after);
}

std::string newOrGone(bool isNew, bool isGone)
{
    return isNew ? "NEW " : isGone ? "GONE " : "";
}

// The rows of `entries` that changed, at most `limit`, each printed by `row`; then how many
// more changed and how many did not.
template<typename Entry, typename Row>
void printChanged(const std::vector<Entry>& entries, size_t limit, const char* what, std::ostream& out, Row row)
{
    size_t changed = 0;
    for (const Entry& e : entries) {
        if (e.unchanged())
            continue;
        if (changed++ < limit)
            row(e);
    }
    if (changed > limit)
        out << "  ... and " << changed - limit << " more changed\n";
    if (changed == 0)
        out << "  (no " << what << " changed)\n";
    else if (changed < entries.size())
        out << "  " << entries.size() - changed << " unchanged\n";
}

void printStartFunctions(const TraceDiff& diff, size_t limit, std::ostream& out)
{
    out << "Start functions, by the change of their total time (times summed over their goroutines):\n";
    out << std::right << std::setw(14) << "" << std::setw(33) << std::left << "     Total time" << "  Change of\n";
    out << std::right << std::setw(14) << "Goroutines";
    for (const char* column : {"before", "after", "change", "Running", "Runnable", "Syscall", "Blocked"})
        out << std::setw(11) << column;
    out << "  Start function\n";
    printChanged(diff.startFunctions, limit, "start function", out, [&](const StartFunctionDiff& f) {
        const GoroutineGroupTimes before = f.before.value_or(GoroutineGroupTimes {});
        const GoroutineGroupTimes after = f.after.value_or(GoroutineGroupTimes {});
        const GoroutineGroupTimes& d = f.difference;
        TimeNs blocked = 0;
        std::pair<std::string, TimeNs> largest;
        for (const auto& [reason, ns] : d.blockNsByReason) {
            blocked += ns;
            if (std::llabs(ns) > std::llabs(largest.second))
                largest = {reason, ns};
        }
        out << std::setw(14) << countChange(before.goroutines, after.goroutines);
        out << std::setw(11) << duration(before.totalNs) << std::setw(11) << duration(after.totalNs);
        for (TimeNs v : {d.totalNs, d.execNs, d.schedWaitNs, d.syscallNs + d.syscallBlockNs, blocked})
            out << std::setw(11) << change(v);
        out << "  " << newOrGone(f.isNew(), f.isGone())
            << (f.name.empty() ? std::string("(unknown)") : escapeCaptureText(f.name, kShownCaptureChars));
        if (largest.second != 0) {
            const std::string reason
                = largest.first.empty() ? "(no reason)" : escapeCaptureText(largest.first, kQuotedCaptureChars);
            out << "  [" << reason << ' ' << change(largest.second) << ']';
        }
        out << '\n';
    });
}

void printRegionTypes(const TraceDiff& diff, size_t limit, std::ostream& out)
{
    out << "Region types, by the change of their p90 latency:\n";
    out << std::right << std::setw(14) << "" << std::left << std::setw(22) << "     p50 latency" << std::setw(33)
        << "     p90 latency" << "  Change of\n";
    out << std::right << std::setw(14) << "Count";
    for (const char* column : {"before", "after", "before", "after", "change", "p99", "Max", "Total"})
        out << std::setw(11) << column;
    out << "  Type\n";
    printChanged(diff.regionTypes, limit, "region type", out, [&](const RegionTypeDiff& r) {
        const RegionLatency before = r.before.value_or(RegionLatency {});
        const RegionLatency after = r.after.value_or(RegionLatency {});
        const RegionLatency& d = r.difference;
        out << std::setw(14) << countChange(before.count, after.count);
        for (TimeNs v : {before.p50Ns, after.p50Ns, before.p90Ns, after.p90Ns})
            out << std::setw(11) << duration(v);
        for (TimeNs v : {d.p90Ns, d.p99Ns, d.maxNs, d.totalNs})
            out << std::setw(11) << change(v);
        out << "  " << newOrGone(r.isNew(), r.isGone()) << quoteCaptureText(r.name) << '\n';
    });
}

void printTraceText(const TraceDiff& diff, size_t limit, std::ostream& out)
{
    printStartFunctions(diff, limit, out);
    out << '\n';
    if (diff.regionTypes.empty())
        out << "Region types: none in either trace\n";
    else
        printRegionTypes(diff, limit, out);
}

int runDiff(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    CliArgs args;
    if (auto problem = CliArgs::parse(argv, {"n"}, {"json"}, args)) {
        fail(err, *problem + " (usage: " + kUsage + ")");
        return 2;
    }
    if (args.positionals().size() != 2) {
        fail(err, std::string("expected two traces or two dumps, BEFORE and AFTER (usage: ") + kUsage + ")");
        return 2;
    }
    size_t limit = 50;
    if (auto n = args.value("n")) {
        try {
            limit = size_t(std::stoul(*n));
        } catch (const std::exception&) {
            fail(err, "-n needs a number, got '" + *n + "'");
            return 2;
        }
    }
    const std::string& beforePath = args.positionals()[0];
    const std::string& afterPath = args.positionals()[1];
    StorePtr before = loadStore(beforePath, err);
    if (!before)
        return 1;
    StorePtr after = loadStore(afterPath, err);
    if (!after)
        return 1;
    if (before->trace && after->trace) {
        const TraceDiff diff = diffTraces(*before, *after);
        if (args.has("json"))
            printTraceJson(diff, out);
        else
            printTraceText(diff, limit, out);
        return 0;
    }
    if (before->trace || after->trace) {
        return fail(err, "diff compares two execution traces or two goroutine dumps, not " + beforePath + " ("
                             + formatName(before->format) + ") with " + afterPath + " (" + formatName(after->format)
                             + ")");
    }
    auto diff = diffDumps(*before, *after);
    if (!diff)
        return fail(err, diff.error().message);
    if (args.has("json"))
        printJson(*diff, out);
    else
        printText(*diff, limit, out);
    return 0;
}

} // namespace

Command diffCommand()
{
    return {"diff", kUsage,
            "two goroutine dumps: the leak finder, groups (same functions and state) that grew or are new and "
            "goroutines waiting longer; two execution traces: per start function and region type, the times and "
            "latencies before and after",
            runDiff};
}

} // namespace gs::cli
