// SPDX-License-Identifier: MIT
// `mmu TRACE [--exclude KINDS] [--include sweep] [--per-processor] [--worst WINDOW] [--json]`: the
// minimum mutator utilisation curve of go tool trace's MMU page, or its worst windows of one size.
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/json_writer.h"
#include "core/analysis/goroutine_filter.h"
#include "core/analysis/mmu.h"
#include "core/analysis/value_format.h"

#include <cstdio>
#include <ostream>
#include <sstream>

namespace gs::cli {

namespace {

constexpr const char* kUsage =
    "mmu FILE [--exclude stw,background,assist,sweep] [--include sweep] [--per-processor] [--worst WINDOW] [--json]";
constexpr size_t kWorstCount = 10; // as go tool trace lists

struct Kind
{
    const char* name;
    const char* label;
    unsigned flag;
};
constexpr Kind kKinds[] = {
    {"stw", "STW", kMmuStw},
    {"background", "background workers", kMmuBackground},
    {"assist", "mark assists", kMmuAssist},
    {"sweep", "sweeps", kMmuSweep},
};

// The flags of a comma-separated list of kinds, or the message about the first unknown one.
Result<unsigned> parseKinds(const std::string& list)
{
    unsigned flags = 0;
    std::stringstream in(list);
    for (std::string word; std::getline(in, word, ',');) {
        const Kind* kind = nullptr;
        for (const Kind& k : kKinds) {
            if (word == k.name)
                kind = &k;
        }
        if (!kind)
            return Error{"unknown kind '" + word + "' (kinds: stw, background, assist, sweep)", std::nullopt};
        flags |= kind->flag;
    }
    return flags;
}

std::string describe(unsigned flags)
{
    std::string out = flags & kMmuPerProc ? "per processor" : "system";
    out += "; counted against the mutator:";
    bool any = false;
    for (const Kind& k : kKinds) {
        if (flags & k.flag) {
            out += std::string(any ? ", " : " ") + k.label;
            any = true;
        }
    }
    return out + (any ? "" : " nothing");
}

std::string utilText(double util)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.4f", util);
    return buf;
}

void writeCurve(const MmuCurve& curve, unsigned flags, bool json, std::ostream& out)
{
    const std::vector<TimeNs> windows = curve.plotWindows();
    if (json) {
        JsonWriter j(out);
        j.beginArray();
        for (TimeNs w : windows) {
            j.beginObject();
            j.key("window_ns");
            j.value(int64_t(w));
            j.key("mmu");
            j.value(curve.mmu(w));
            j.endObject();
        }
        j.endArray();
        out << '\n';
        return;
    }
    out << "Minimum mutator utilisation (" << describe(flags) << ")\n";
    out << "  window        MMU\n";
    for (TimeNs w : windows) {
        std::string size = formatValue(w, "nanoseconds");
        size.resize(std::max<size_t>(size.size(), 12), ' ');
        out << "  " << size << "  " << utilText(curve.mmu(w)) << '\n';
    }
}

void writeWorst(const MmuCurve& curve, TimeNs window, TimeNs startNs, bool json, std::ostream& out)
{
    const std::vector<UtilWindow> worst = curve.worstWindows(window, kWorstCount);
    if (json) {
        JsonWriter j(out);
        j.beginArray();
        for (const UtilWindow& w : worst) {
            j.beginObject();
            j.key("start_ns");
            j.value(int64_t(w.start - startNs));
            j.key("end_ns");
            j.value(int64_t(w.start + window - startNs));
            j.key("mmu");
            j.value(w.util);
            j.endObject();
        }
        j.endArray();
        out << '\n';
        return;
    }
    out << "Lowest mutator utilisation in " << formatValue(window, "nanoseconds") << " windows:\n";
    for (const UtilWindow& w : worst)
        out << "  " << utilText(w.util) << " from " << formatValue(w.start - startNs, "nanoseconds") << " to "
            << formatValue(w.start + window - startNs, "nanoseconds") << '\n';
}

int run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    auto command = parseFileCommand(argv, {"exclude", "include", "worst"}, {"per-processor", "json"}, kUsage, err);
    if (!command)
        return 2;
    const CliArgs& args = command->args;
    unsigned flags = kMmuDefaultFlags;
    for (const char* option : {"include", "exclude"}) {
        for (const std::string& list : args.values(option)) {
            auto kinds = parseKinds(list);
            if (!kinds) {
                err << "goroscope-cli: --" << option << ' ' << list << ": " << kinds.error().message << '\n';
                return 2;
            }
            flags = option == std::string_view("include") ? flags | *kinds : flags & ~*kinds;
        }
    }
    if (args.has("per-processor"))
        flags |= kMmuPerProc;
    std::optional<TimeNs> worst;
    if (auto text = args.value("worst")) {
        auto d = parseDuration(*text);
        if (!d || *d <= 0) {
            err << "goroscope-cli: --worst " << *text << ": " << (d ? "expected a positive duration" : d.error().message)
                << '\n';
            return 2;
        }
        worst = *d;
    }

    const std::string& path = command->path;
    StorePtr store = loadStore(path, err);
    if (!store)
        return 1;
    if (!store->trace)
        return fail(err, path + ": mmu needs an execution trace, this is " + formatName(store->format));
    const TraceData& trace = *store->trace;
    const MmuCurve curve(mutatorUtilization(trace, flags));
    if (curve.span() <= 0)
        return fail(err, path + ": the trace never says GOMAXPROCS, so it has no utilisation");
    if (worst)
        writeWorst(curve, *worst, trace.startNs, args.has("json"), out);
    else
        writeCurve(curve, flags, args.has("json"), out);
    return 0;
}

} // namespace

Command mmuCommand()
{
    return {"mmu", kUsage,
            "minimum mutator utilisation over window sizes, as go tool trace's MMU page (default: system view, "
            "counting STW, background workers and mark assists; --exclude drops a kind, --include sweep adds "
            "sweeping; --worst WINDOW: the 10 lowest windows of that size)",
            run};
}

} // namespace gs::cli
