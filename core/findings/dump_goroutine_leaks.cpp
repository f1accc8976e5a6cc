// SPDX-License-Identifier: MIT
// "goroutine-leak": goroutines piling up on one stack in one wait. Two signals: the group grew
// since an earlier dump of the process (the base), or it is large and its goroutines have waited
// many minutes. Goroutines that are running or runnable are working, not leaked, and the
// runtime's own goroutines are never the program's leak.
#include "core/analysis/dump_diff.h"
#include "core/analysis/dump_groups.h"
#include "core/base/nearest_rank.h"
#include "core/findings/dump_frames.h"
#include "core/findings/dump_rules.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>

namespace gs::findings {

namespace {

// Goroutines on the same functions in the same wait, in the dump being examined.
struct LeakGroup
{
    StackId stack = 0;
    StringId state = 0;
    int64_t count = 0;
    int32_t medianWait = 0;               // minutes
    std::vector<DumpEntry> members;       // longest waiting first
    const DumpDiffGroup* grown = nullptr; // the group's match in the diff with the base
};

bool isWorking(std::string_view state)
{
    return state == "running" || state == "runnable";
}

// The program's waiting goroutines (every record of a count profile), grouped by functions, then
// by wait.
std::vector<LeakGroup> waitingGroups(const EventStore& store)
{
    const Symbols& symbols = store.symbols;
    std::vector<DumpEntry> waiting;
    for (const DumpEntry& e : dumpEntries(*store.dump))
        if (!isWorking(symbols.strings.get(e.state)) && !isRuntimeGoroutine(symbols, e.stack))
            waiting.push_back(e);
    std::vector<LeakGroup> groups;
    for (const DumpGroup& byStack : groupDump(symbols, waiting, DumpGrouping::SimilarStack)) {
        std::vector<DumpEntry> sameStack;
        for (uint32_t i : byStack.entries)
            sameStack.push_back(waiting[i]);
        for (const DumpGroup& byState : groupDump(symbols, sameStack, DumpGrouping::State)) {
            LeakGroup g;
            g.stack = byState.stack;
            g.state = byState.state;
            g.count = byState.count;
            for (uint32_t i : byState.entries)
                g.members.push_back(sameStack[i]);
            std::stable_sort(g.members.begin(), g.members.end(),
                             [](const DumpEntry& a, const DumpEntry& b) { return a.waitMinutes > b.waitMinutes; });
            // The count-weighted median: a leak's oldest goroutines have waited long, its newest
            // hardly at all, and a handful of old ones do not make a group old.
            const int64_t rank = int64_t(nearestRank(size_t(g.count), 50));
            int64_t seen = 0;
            for (auto it = g.members.rbegin(); it != g.members.rend(); ++it) {
                if ((seen += it->count) >= rank) {
                    g.medianWait = it->waitMinutes;
                    break;
                }
            }
            groups.push_back(std::move(g));
        }
    }
    return groups;
}

// Matches the diff's groups that grew enough to be a leak with the dump's groups.
void markGrowth(const FindingInput& in, const DumpDiff& diff, std::vector<LeakGroup>& groups)
{
    const Symbols& symbols = in.store.symbols;
    for (const DumpDiffGroup& d : diff.groups) {
        if (d.growth() < in.limits.leakMinGrowth)
            break; // sorted by growth
        for (LeakGroup& g : groups)
            if (!g.grown && symbols.strings.get(g.state) == d.state
                && stackFunctionNames(symbols, g.stack) == d.functions) {
                g.grown = &d;
                break;
            }
    }
}

// Minutes from the base dump to the dump examined, by their files' modification times (a dump
// carries no capture time; whoever saved it, `goroscope-cli watch`, curl or a browser, wrote the
// file when it arrived). Nothing when a file is gone or the base is not the older one.
std::optional<double> minutesBetweenDumps(const FindingInput& in)
{
    std::error_code error;
    const auto later = std::filesystem::last_write_time(in.store.sourcePath, error);
    if (error)
        return std::nullopt;
    const auto earlier = std::filesystem::last_write_time(in.base->sourcePath, error);
    if (error || later <= earlier)
        return std::nullopt;
    return std::chrono::duration<double, std::ratio<60>>(later - earlier).count();
}

Severity severityOf(const FindingThresholds& limits, const LeakGroup& g)
{
    Severity s = Severity::Info;
    if (g.grown) {
        const bool steep = double(g.grown->growth()) >= limits.leakMinGrowthShare * double(g.grown->before);
        s = steep ? Severity::High : Severity::Low;
    }
    Severity byWait = Severity::Info;
    if (g.count >= limits.leakMinGoroutines && g.medianWait >= limits.leakLongWaitMinutes)
        byWait = g.count >= limits.leakManyGoroutines ? Severity::High : Severity::Medium;
    else if (g.count >= limits.leakMinGoroutines && g.medianWait >= limits.leakWaitMinutes)
        byWait = Severity::Low;
    else if (g.count >= limits.leakManyGoroutines)
        byWait = Severity::Low;
    return std::max(s, byWait);
}

Finding leakFinding(const FindingInput& in, const LeakGroup& g, Severity severity)
{
    const GoroutineDumpData& dump = *in.store.dump;
    const std::string_view state = in.store.symbols.strings.get(g.state);
    Finding f;
    f.kind = "goroutine-leak";
    f.severity = severity;
    f.weight = double(g.count) / double(std::max<int64_t>(1, dump.goroutineCount()));
    f.functions = functionsFromProgram(in.store.symbols, g.stack);
    const std::string where = f.functions.empty() ? std::string("an empty stack") : f.functions.front();
    f.title = std::to_string(g.count) + " goroutines " + (severity == Severity::High ? "leaked in " : "waiting in ")
              + where;
    if (!state.empty())
        f.title += ", blocked on " + std::string(state);
    if (g.medianWait > 0)
        f.title += " for " + std::to_string(g.medianWait) + (g.medianWait == 1 ? " minute" : " minutes");
    if (g.grown)
        f.title += " (" + std::to_string(g.grown->before) + " in the earlier dump)";

    const std::optional<double> minutes = g.grown ? minutesBetweenDumps(in) : std::nullopt;
    if (g.grown && minutes) {
        f.detail = "The group grew from " + std::to_string(g.grown->before) + " to " + std::to_string(g.grown->after)
                   + " goroutines between the two dumps, written " + formatEvidence({"", *minutes * 60e9, "nanoseconds"})
                   + " apart by their files' modification times.";
    } else if (g.grown) {
        f.detail = "The group grew from " + std::to_string(g.grown->before) + " to " + std::to_string(g.grown->after)
                   + " goroutines between the two dumps. A goroutine dump carries no capture time and the files'"
                     " modification times do not say which came first, so the rate is not known.";
    } else {
        f.detail = "Many goroutines wait in the same place. One dump cannot tell a leak from a busy pool: compare "
                   "with a later dump of the same process to see whether the group grows.";
    }
    f.detail += " The functions start at the program's innermost frame; the title names the wait.";
    for (const DumpEntry& e : g.members)
        if (dump.kind == GoroutineDumpData::Kind::Traceback)
            f.goroutines.push_back(int64_t(dump.goroutines[e.index].id));

    f.with("goroutines", double(g.count), "count");
    if (g.grown) {
        f.with("growth", double(g.grown->growth()), "count");
        f.with("before", double(g.grown->before), "count");
        if (minutes)
            f.with("growth_per_minute", double(g.grown->growth()) / *minutes, "count");
        if (!g.grown->persistent.empty())
            f.with("still_waiting", double(g.grown->persistent.size()), "count");
    }
    if (g.medianWait > 0)
        f.with("wait_ns", double(g.medianWait) * 60e9, "nanoseconds"); // the runtime prints whole minutes
    f.with("share", f.weight, "ratio");
    return f;
}

} // namespace

void findGoroutineLeaks(const FindingInput& in, std::vector<Finding>& out)
{
    std::vector<LeakGroup> groups = waitingGroups(in.store);
    std::optional<DumpDiff> diff;
    if (in.base && in.base->dump) {
        auto compared = diffDumps(*in.base, in.store);
        if (compared.ok()) {
            diff = std::move(*compared);
            markGrowth(in, *diff, groups);
        }
    }
    for (const LeakGroup& g : groups) {
        if (in.stop.stop_requested())
            return;
        const Severity severity = severityOf(in.limits, g);
        if (severity != Severity::Info)
            out.push_back(leakFinding(in, g, severity));
    }
}

} // namespace gs::findings
