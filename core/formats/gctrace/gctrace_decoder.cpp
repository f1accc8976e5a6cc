// SPDX-License-Identifier: MIT
#include "core/formats/gctrace/gctrace_decoder.h"

#include "core/formats/text/line_cursor.h"

#include <charconv>

namespace gs {

namespace {

// A cursor over one line with the few token readers the gctrace grammar needs.
struct LineScanner
{
    std::string_view s;

    bool literal(std::string_view word)
    {
        if (!text::startsWith(s, word))
            return false;
        s.remove_prefix(word.size());
        return true;
    }
    bool integer(int64_t& v)
    {
        uint64_t n = 0;
        if (!text::takeUnsigned(s, n))
            return false;
        v = int64_t(n);
        return true;
    }
    bool number(double& v)
    {
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || end == s.data())
            return false;
        s.remove_prefix(size_t(end - s.data()));
        return true;
    }
    // "N MB <what>, " for the optional size fields.
    bool sizeField(std::string_view what, int64_t& v)
    {
        LineScanner probe = *this;
        int64_t n = 0;
        if (!probe.integer(n) || !probe.literal(" MB ") || !probe.literal(what))
            return false;
        *this = probe;
        v = n;
        return true;
    }
};

} // namespace

bool parseGcTraceLine(std::string_view line, GcCycle& c)
{
    c = GcCycle {};
    LineScanner in {line};
    int64_t percent = 0, procs = 0;
    if (!in.literal("gc ") || !in.integer(c.number) || !in.literal(" @") || !in.number(c.startSeconds) ||
        !in.literal("s ") || !in.integer(percent) || !in.literal("%"))
        return false;
    c.cpuPercent = int(percent);
    const size_t colon = in.s.find(": ");
    if (colon == std::string_view::npos)
        return false;
    in.s.remove_prefix(colon + 2); // skips " (checking for goroutine leaks)"
    double stwSweepCpu = 0, markTermCpu = 0;
    if (!in.number(c.sweepTermMs) || !in.literal("+") || !in.number(c.concurrentMs) || !in.literal("+") ||
        !in.number(c.markTermMs) || !in.literal(" ms clock, ") || !in.number(stwSweepCpu) || !in.literal("+") ||
        !in.number(c.cpuAssistMs) || !in.literal("/") || !in.number(c.cpuBackgroundMs) || !in.literal("/") ||
        !in.number(c.cpuIdleMs) || !in.literal("+") || !in.number(markTermCpu) || !in.literal(" ms cpu, ") ||
        !in.integer(c.heapStartMB) || !in.literal("->") || !in.integer(c.heapEndMB) || !in.literal("->") ||
        !in.integer(c.heapLiveMB) || !in.literal(" MB, ") || !in.integer(c.heapGoalMB) || !in.literal(" MB goal, "))
        return false;
    in.sizeField("stacks, ", c.stacksMB);
    in.sizeField("globals, ", c.globalsMB);
    if (!in.integer(procs) || !in.literal(" P"))
        return false;
    c.procs = int(procs);
    c.forced = in.literal(" (forced)");
    return true;
}

Result<std::shared_ptr<EventStore>> decodeGcTrace(std::span<const uint8_t> bytes, LoadContext& context)
{
    auto store = std::make_shared<EventStore>();
    store->format = Format::GcTrace;
    GcTrace& trace = store->gcTrace.emplace();
    text::LineCursor lines(bytes);
    std::string_view line;
    uint64_t malformed = 0;
    while (lines.next(line)) {
        if ((trace.cycles.size() & 4095) == 0)
            context.checkpoint(lines.position(), lines.size());
        GcCycle cycle;
        if (parseGcTraceLine(line, cycle))
            trace.cycles.push_back(cycle);
        else if (text::startsWith(line, "gc ") && line.find(" @") != std::string_view::npos)
            ++malformed;
        else
            ++trace.skippedLines;
    }
    if (trace.cycles.empty())
        return Error {"no GODEBUG=gctrace=1 lines (\"gc 1 @0.012s 2%: ...\") found", std::nullopt};
    if (malformed)
        context.warn(std::to_string(malformed) + " gc line(s) were cut off or malformed and were skipped");
    return store;
}

} // namespace gs
