// SPDX-License-Identifier: MIT
// `watch URL --every 30s --count 10 [-o DIR] [--json]`: watch a running service for goroutine
// leaks. Takes goroutine dumps at an interval, keeps them in DIR, then follows each goroutine
// group (same functions, same state) through them and prints the growing groups first.
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/json_writer.h"
#include "app/cli/service_args.h"
#include "capture/blocking.h"
#include "core/analysis/dump_watch.h"

#include <cstdio>
#include <ostream>

namespace gs::cli {

namespace {

constexpr const char* kUsage = "watch URL [--every 30s] [--count 10] [-o DIR] [--json] [-n N] [--connect-timeout 10s] "
                               "[--margin 30s]";
constexpr size_t kShownFunctions = 4;

void printJson(const std::vector<WatchedGroup>& groups, std::ostream& out)
{
    JsonWriter j(out);
    j.beginArray();
    for (const WatchedGroup& g : groups) {
        j.beginObject();
        j.arrayField("stack", g.functions);
        j.field("state", g.state);
        j.arrayField("counts", g.counts);
        j.endObject();
    }
    j.endArray();
    out << '\n';
}

void printText(const std::vector<WatchedGroup>& groups, size_t limit, std::ostream& out)
{
    out << "Growing goroutine groups, over " << (groups.empty() ? 0 : groups.front().counts.size()) << " dumps:\n";
    out << "  growth   first    last  state / stack (innermost first)\n";
    size_t shown = 0;
    for (const WatchedGroup& g : groups) {
        if (g.growth() <= 0 || shown++ == limit)
            break;
        char counts[64];
        std::snprintf(counts, sizeof counts, "%+8lld %7lld %7lld  ", static_cast<long long>(g.growth()),
                      static_cast<long long>(g.counts.front()), static_cast<long long>(g.counts.back()));
        out << counts << (g.state.empty() ? "" : "[" + g.state + "] ") << shortStack(g.functions, kShownFunctions)
            << "\n                          counts:";
        for (int64_t c : g.counts)
            out << ' ' << c;
        out << '\n';
    }
    if (shown == 0)
        out << "  (no group grew)\n";
}

int runWatch(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    auto parsed = parseServiceCommand(argv, {"every", "count", "n"}, {"json"}, kUsage, err);
    if (!parsed)
        return 2;
    const auto every = secondsOption(parsed->args, "every", 30, err);
    if (!every)
        return 2;
    const std::string countText = parsed->args.value("count").value_or("10");
    const auto count = parseNumber<int>(countText);
    if (!count || *count < 2) {
        fail(err, "--count needs a number of dumps, 2 or more, got '" + countText + "'");
        return 2;
    }
    const auto limit = parseNumber<size_t>(parsed->args.value("n").value_or("20"));
    if (!limit) {
        fail(err, "-n needs a number, got '" + *parsed->args.value("n") + "'");
        return 2;
    }
    const bool json = parsed->args.has("json");
    const capture::WatchOutcome outcome
        = capture::watchBlocking(parsed->baseUrl, *every, *count, parsed->folder, parsed->timeouts,
                                 [&](const capture::CaptureResult& r) {
                                     if (!json)
                                         out << r.path << '\n' << std::flush;
                                 });
    if (!outcome.error.empty())
        return fail(err, "dump " + std::to_string(outcome.snapshots.size() + 1) + ": " + outcome.error);
    std::vector<StorePtr> snapshots;
    for (const capture::CaptureResult& r : outcome.snapshots) {
        snapshots.push_back(loadStore(r.path, err));
        if (!snapshots.back())
            return 1;
    }
    auto groups = watchDumps(snapshots);
    if (!groups)
        return fail(err, groups.error().message);
    if (json)
        printJson(*groups, out);
    else
        printText(*groups, *limit, out);
    return 0;
}

} // namespace

Command watchCommand()
{
    return {"watch", kUsage,
            "watch a running Go service for goroutine leaks: a goroutine dump every N seconds (kept in DIR), then "
            "each group of goroutines (same functions and state) counted in every dump, growing groups first",
            runWatch};
}

} // namespace gs::cli
