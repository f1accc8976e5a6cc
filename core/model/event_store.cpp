// SPDX-License-Identifier: MIT
#include "core/model/event_store.h"

#include "core/base/memory_bytes.h"

namespace gs {

namespace {

size_t bytesOf(const TraceData& t)
{
    size_t n = t.spans.memoryBytes();
    n += vectorBytes(t.goroutines) + vectorBytes(t.rowById) + vectorBytes(t.processors) + vectorBytes(t.gcRanges) +
         vectorBytes(t.stwRanges) + vectorBytes(t.assistRanges) + vectorBytes(t.heapAlloc) + vectorBytes(t.heapGoal) +
         vectorBytes(t.gomaxprocs) + vectorBytes(t.goroutineCount) + vectorBytes(t.tasks) + vectorBytes(t.regions) +
         vectorBytes(t.logs) + vectorBytes(t.cpuSamples);
    for (const Goroutine& g : t.goroutines)
        n += vectorBytes(g.stats.blockNsByReason);
    for (const Processor& p : t.processors)
        n += vectorBytes(p.spans) + p.busyBefore.memoryBytes();
    return n;
}

size_t bytesOf(const Profile& p)
{
    return vectorBytes(p.sampleStacks) + vectorBytes(p.sampleValues) + vectorBytes(p.labelOffsets) +
           vectorBytes(p.labels) + vectorBytes(p.sampleTypes) + vectorBytes(p.mappings);
}

} // namespace

size_t EventStore::approximateBytes() const
{
    size_t n = sizeof(*this) + symbols.memoryBytes();
    if (profile)
        n += bytesOf(*profile);
    if (trace)
        n += bytesOf(*trace);
    if (dump)
        n += dump->memoryBytes();
    if (gcTrace)
        n += vectorBytes(gcTrace->cycles);
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
