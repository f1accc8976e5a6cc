// SPDX-License-Identifier: MIT
#include "app/cli/capture_info.h"

#include "core/analysis/dump_groups.h"

#include <algorithm>
#include <ostream>

namespace gs::cli {

namespace {

const char* dumpForm(const GoroutineDumpData& d)
{
    return d.kind == GoroutineDumpData::Kind::Traceback ? "traceback" : "count-profile";
}

struct GcSummary
{
    double totalPauseMs = 0;
    double maxPauseMs = 0;
    int64_t maxHeapMB = 0;
};

GcSummary summarize(const GcTrace& t)
{
    GcSummary s;
    for (const GcCycle& c : t.cycles) {
        s.totalPauseMs += c.pauseMs();
        s.maxPauseMs = std::max(s.maxPauseMs, c.pauseMs());
        s.maxHeapMB = std::max(s.maxHeapMB, c.heapEndMB);
    }
    return s;
}

} // namespace

void printCaptureText(const EventStore& store, std::ostream& out)
{
    if (store.dump) {
        const GoroutineDumpData& d = *store.dump;
        out << "Dump: " << dumpForm(d) << (d.profileName.empty() ? "" : " (" + d.profileName + " profile)")
            << ", bytes " << d.firstByte << ".." << d.endByte << '\n';
        if (!d.headline.empty())
            out << "Crash: " << d.headline << '\n';
        out << "Goroutines: " << d.goroutineCount() << '\n';
        for (const DumpGroup& g : groupDump(store.symbols, dumpEntries(d), DumpGrouping::State)) {
            if (g.state != 0)
                out << "  " << g.count << ' ' << store.symbols.strings.get(g.state) << '\n';
        }
    }
    if (store.gcTrace) {
        const GcSummary s = summarize(*store.gcTrace);
        out << "GC cycles: " << store.gcTrace->cycles.size() << ", total pause: " << s.totalPauseMs
            << " ms, longest pause: " << s.maxPauseMs << " ms, largest heap: " << s.maxHeapMB << " MB\n";
    }
}

void writeCaptureJson(const EventStore& store, JsonWriter& j)
{
    if (store.dump) {
        const GoroutineDumpData& d = *store.dump;
        j.key("dump_form");
        j.value(dumpForm(d));
        j.key("goroutines");
        j.value(d.goroutineCount());
        j.key("headline");
        j.value(d.headline);
        j.key("states");
        j.beginObject();
        for (const DumpGroup& g : groupDump(store.symbols, dumpEntries(d), DumpGrouping::State)) {
            if (g.state != 0) {
                j.key(store.symbols.strings.get(g.state));
                j.value(g.count);
            }
        }
        j.endObject();
    }
    if (store.gcTrace) {
        const GcSummary s = summarize(*store.gcTrace);
        j.key("gc_cycles");
        j.value(uint64_t(store.gcTrace->cycles.size()));
        j.key("gc_total_pause_ms");
        j.value(s.totalPauseMs);
        j.key("gc_max_pause_ms");
        j.value(s.maxPauseMs);
    }
}

} // namespace gs::cli
