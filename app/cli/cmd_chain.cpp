// SPDX-License-Identifier: MIT
// `chain FILE --goroutine G [--at TIME] [--json]`: the blocking chain of one wait of a goroutine,
// hop by hop back to the goroutine that held things up.
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/json_writer.h"
#include "core/analysis/blocking_chain.h"
#include "core/analysis/goroutine_filter.h"
#include "core/analysis/value_format.h"

#include <ostream>

namespace gs::cli {

namespace {

constexpr const char* kUsage = "chain FILE --goroutine G [--at TIME] [--json]";
constexpr size_t kFramesShown = 4;

std::string ns(TimeNs v)
{
    return formatValue(v, "nanoseconds");
}

std::string_view reasonOf(const EventStore& store, uint32_t span)
{
    return store.symbols.strings.get(store.trace->spans.reasonOf(span));
}

void writeStackJson(JsonWriter& j, const Symbols& symbols, StackId stack)
{
    j.beginArray();
    for (FrameId f : symbols.stacks.frames(stack))
        j.value(symbols.functionName(symbols.frameFunction(f)));
    j.endArray();
}

void writeJson(const EventStore& store, const std::vector<ChainHop>& hops, std::ostream& out)
{
    const TraceData& t = *store.trace;
    JsonWriter j(out);
    j.beginArray();
    for (const ChainHop& hop : hops) {
        j.beginObject();
        j.key("goroutine");
        j.value(t.goroutines[hop.row].id);
        j.key("state");
        j.value(spanStateName(t.spans.stateOf(hop.span)));
        j.key("reason");
        j.value(reasonOf(store, hop.span));
        j.key("start_ns");
        j.value(t.spans.startOf(hop.span) - t.startNs);
        j.key("end_ns");
        j.value(t.spans.endOf(hop.span) - t.startNs);
        j.key("stack");
        writeStackJson(j, store.symbols, t.spans.stackOf(hop.span));
        j.key("woken_by");
        if (hop.wokenBy != kNoGoroutineId)
            j.value(hop.wokenBy);
        else
            j.null();
        if (hop.wokenBy != kNoGoroutineId) {
            j.key("woken_at_ns");
            j.value(hop.wokenAt - t.startNs);
            j.key("waker_stack");
            writeStackJson(j, store.symbols, hop.wakerStack);
        }
        j.endObject();
    }
    j.endArray();
    out << '\n';
}

void writeFrames(const Symbols& symbols, StackId stack, std::ostream& out)
{
    const auto frames = symbols.stacks.frames(stack);
    for (size_t i = 0; i < frames.size() && i < kFramesShown; ++i)
        out << "        " << symbols.functionName(symbols.frameFunction(frames[i])) << '\n';
    if (frames.size() > kFramesShown)
        out << "        ... " << frames.size() - kFramesShown << " more\n";
}

void writeText(const EventStore& store, const std::vector<ChainHop>& hops, std::ostream& out)
{
    const TraceData& t = *store.trace;
    for (size_t i = 0; i < hops.size(); ++i) {
        const ChainHop& hop = hops[i];
        const uint32_t s = hop.span;
        out << i + 1 << ". G" << t.goroutines[hop.row].id << ' ' << spanStateName(t.spans.stateOf(s));
        if (!reasonOf(store, s).empty())
            out << " (" << reasonOf(store, s) << ')';
        out << " from " << ns(t.spans.startOf(s) - t.startNs) << " to " << ns(t.spans.endOf(s) - t.startNs) << ", "
            << ns(t.spans.durationOf(s)) << '\n';
        writeFrames(store.symbols, t.spans.stackOf(s), out);
        if (hop.wokenBy != kNoGoroutineId) {
            out << "    woken by G" << hop.wokenBy << " at " << ns(hop.wokenAt - t.startNs) << ", which was at:\n";
            writeFrames(store.symbols, hop.wakerStack, out);
        } else if (t.spans.stateOf(s) == SpanState::Waiting) {
            out << "    no goroutine woke it (a timer, the network poller or the runtime did, or the trace ended)\n";
        } else {
            out << "    it was not waiting: the chain ends here\n";
        }
    }
}

int run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    auto command = parseFileCommand(argv, {"goroutine", "at"}, {"json"}, kUsage, err);
    if (!command)
        return 2;
    const CliArgs& args = command->args;
    const auto goroutine = args.value("goroutine");
    if (!goroutine) {
        err << "goroscope-cli: chain needs --goroutine G (usage: " << kUsage << ")\n";
        return 2;
    }
    const auto id = parseNumber<int64_t>(*goroutine);
    if (!id) {
        err << "goroscope-cli: --goroutine " << *goroutine << ": expected a goroutine ID\n";
        return 2;
    }
    std::optional<TimeNs> at;
    if (auto text = args.value("at")) {
        auto d = parseDuration(*text);
        if (!d) {
            err << "goroscope-cli: --at " << *text << ": " << d.error().message << '\n';
            return 2;
        }
        at = *d;
    }

    const std::string& path = command->path;
    StorePtr store = loadStore(path, err);
    if (!store)
        return 1;
    if (!store->trace)
        return fail(err, path + ": chain needs an execution trace, this is " + formatName(store->format));
    const TraceData& trace = *store->trace;
    const GoroutineRow row = trace.rowOf(*id);
    if (row == kNoRow)
        return fail(err, path + ": no goroutine " + *goroutine + " in the trace");
    const auto wait = findWait(trace, row, at ? std::optional(trace.startNs + *at) : std::nullopt);
    if (!wait) {
        return fail(err, at ? "G" + *goroutine + " was not waiting at " + *args.value("at")
                            : "G" + *goroutine + " never waited in the trace");
    }
    const auto hops = blockingChain(trace, row, *wait);
    if (args.has("json"))
        writeJson(*store, hops, out);
    else
        writeText(*store, hops, out);
    return 0;
}

} // namespace

Command chainCommand()
{
    return {"chain", kUsage, "who woke a waiting goroutine, and what that one waited for, back to the root cause", run};
}

} // namespace gs::cli
