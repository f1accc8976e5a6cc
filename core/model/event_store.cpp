// SPDX-License-Identifier: MIT
#include "core/model/event_store.h"

#include "core/base/memory_bytes.h"

#include <algorithm>

namespace gs {

namespace {

using Parts = std::vector<std::pair<std::string, size_t>>;

void addTrace(const TraceData& t, Parts& parts)
{
    for (const auto& [name, bytes] : t.spans.memoryParts())
        parts.emplace_back(name, bytes);
    parts.emplace_back("goroutines", t.goroutines.memoryBytes() + vectorBytes(t.rowsById));
    size_t procs = vectorBytes(t.processors);
    size_t threads = vectorBytes(t.threads);
    for (const Processor& p : t.processors) {
        procs += vectorBytes(p.spans) + vectorBytes(p.busyBefore);
        threads += vectorBytes(p.threadChanges);
    }
    parts.emplace_back("processor runs", procs);
    for (const Thread& thread : t.threads)
        threads += vectorBytes(thread.ownSpans);
    parts.emplace_back("threads: syscalls, where runs change thread", threads);
    if (const std::vector<ResourceSpans>* lists = t.threadSpansIfMade()) {
        size_t listed = vectorBytes(*lists);
        for (const ResourceSpans& list : *lists)
            listed += vectorBytes(list.spans) + vectorBytes(list.busyBefore);
        parts.emplace_back("thread rows' span lists (made when shown)", listed);
    }
    parts.emplace_back("series (heap, goroutine count, procs)", t.heapAlloc.memoryBytes() + t.heapGoal.memoryBytes() +
                                                                     t.gomaxprocs.memoryBytes() + t.goroutineCount.memoryBytes());
    parts.emplace_back("GC, STW and assist ranges", vectorBytes(t.gcRanges) + vectorBytes(t.stwRanges) + vectorBytes(t.assistRanges));
    parts.emplace_back("mutator utilisation events", vectorBytes(t.mmuEvents));
    parts.emplace_back("tasks, regions, logs, CPU samples",
                       vectorBytes(t.tasks) + vectorBytes(t.regions) + vectorBytes(t.logs) + vectorBytes(t.cpuSamples));
}

size_t bytesOf(const PprofDetail& d)
{
    return vectorBytes(d.functions) + vectorBytes(d.locations) + vectorBytes(d.lines) + vectorBytes(d.stackOffsets) +
           vectorBytes(d.stackLocations) + vectorBytes(d.sampleStacks);
}

size_t bytesOf(const Profile& p)
{
    return vectorBytes(p.sampleStacks) + vectorBytes(p.sampleValues) + vectorBytes(p.labelOffsets) +
           vectorBytes(p.labels) + vectorBytes(p.sampleTypes) + vectorBytes(p.mappings) + (p.pprof ? bytesOf(*p.pprof) : 0);
}

} // namespace

std::vector<std::pair<std::string, size_t>> EventStore::memoryParts() const
{
    Parts parts;
    parts.emplace_back("symbols (strings, functions, frames, stacks)", symbols.memoryBytes());
    if (profile)
        parts.emplace_back("profile samples", bytesOf(*profile));
    if (trace)
        addTrace(*trace, parts);
    if (dump)
        parts.emplace_back("goroutine dump", dump->memoryBytes());
    if (gcTrace)
        parts.emplace_back("GC cycles", vectorBytes(gcTrace->cycles));
    std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return parts;
}

size_t EventStore::approximateBytes() const
{
    size_t n = sizeof(*this);
    for (const auto& part : memoryParts())
        n += part.second;
    return n;
}

const char* formatName(Format f)
{
    switch (f) {
    case Format::Pprof:
        return "pprof";
    case Format::GoTrace:
        return "go-trace";
    case Format::GoroutineDump:
        return "goroutine-dump";
    case Format::Folded:
        return "folded";
    case Format::PerfScript:
        return "perf-script";
    case Format::Bpftrace:
        return "bpftrace";
    case Format::GcTrace:
        return "gctrace";
    case Format::Unknown:
        break;
    }
    return "unknown";
}

} // namespace gs
