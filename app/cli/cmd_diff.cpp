// SPDX-License-Identifier: MIT
// `diff BEFORE AFTER [--json]`: the goroutine-leak finder. Two dumps of the same process, taken
// at different times: which groups of goroutines grew, which are new, and which goroutines have
// been waiting longer.
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/json_writer.h"
#include "core/analysis/dump_diff.h"

#include <cstdio>
#include <ostream>

namespace gs::cli {

namespace {

constexpr const char* kUsage = "diff BEFORE AFTER [--json] [-n N]";
constexpr size_t kShownFunctions = 4;
constexpr size_t kShownPersistent = 5;

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

// "main.(*service).awaitReply < main.(*service).handleQuery.func1 < ... (7 frames)"
std::string shortStack(const std::vector<std::string>& functions)
{
    std::string s;
    for (size_t i = 0; i < functions.size() && i < kShownFunctions; ++i)
        s += (i ? " < " : "") + functions[i];
    if (functions.size() > kShownFunctions)
        s += " < ... (" + std::to_string(functions.size()) + " frames)";
    return s.empty() ? "(no frames)" : s;
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
            << shortStack(g.functions) << '\n';
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

int runDiff(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    CliArgs args;
    if (auto problem = CliArgs::parse(argv, {"n"}, {"json"}, args)) {
        fail(err, *problem + " (usage: " + kUsage + ")");
        return 2;
    }
    if (args.positionals().size() != 2) {
        fail(err, std::string("expected two dumps, BEFORE and AFTER (usage: ") + kUsage + ")");
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
    StorePtr before = loadStore(args.positionals()[0], err);
    if (!before)
        return 1;
    StorePtr after = loadStore(args.positionals()[1], err);
    if (!after)
        return 1;
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
            "the goroutine-leak finder: groups (same functions and state) that grew or are new between two dumps, "
            "and goroutines waiting longer",
            runDiff};
}

} // namespace gs::cli
