// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/v1_decoder.h"

#include "core/base/error.h"
#include "core/formats/gotrace/v1_parser.h"

#include <deque>
#include <set>
#include <string>
#include <unordered_map>

namespace gs::gotrace {

namespace {

// Strings the converter adds to the table: block reasons, then stop-the-world kinds in the
// order of the v1 STW reason enum.
enum Builtin : uint8_t
{
    sForever,
    sPreempted,
    sGosched,
    sSleep,
    sChanSend,
    sChanRecv,
    sNetwork,
    sSync,
    sSyncCond,
    sSelect,
    sEmpty,
    sMarkAssistWait,
    sSTWFirst, // sSTWFirst + v1 STW reason
    kBuiltinCount = sSTWFirst + 17,
};

const char* const kBuiltinText[kBuiltinCount] = {
    "forever", "preempted", "runtime.Gosched", "sleep", "chan send", "chan receive", "network", "sync",
    "sync.(*Cond).Wait", "select", "", "GC mark assist wait for work",
    // STW reasons 0..16
    "", "GC mark termination", "GC sweep termination", "write heap dump", "goroutine profile",
    "goroutine profile cleanup", "all goroutine stack trace", "read mem stats", "AllThreadsSyscall", "GOMAXPROCS",
    "start trace", "stop trace", "CountPagesInUse (test)", "ReadMetricsSlow (test)", "ReadMemStatsSlow (test)",
    "PageCachePagesLeaked (test)", "ResetDebugLog (test)"};

} // namespace

// Converts ordered old-format events to the v2 model one at a time (FORMATS.md B.5): the
// start-up events before the first Gomaxprocs become status events, local variants and
// block reasons map to v2 types with reason strings, syscalls that did not block get a
// synthesized end 1 ns later, and times are forced strictly increasing. Memory: the parsed
// trace plus a few queued events.
class V1Converter
{
public:
    explicit V1Converter(v1::Trace trace);
    bool next(Event& out);

private:
    bool convert(const v1::Event& ev, size_t index, Event& out);
    Event make(uint8_t type, int64_t time, int64_t m, int64_t p, int64_t g) const;
    int64_t rawThread(int32_t p) const
    {
        auto it = m_procThreads.find(p);
        return it == m_procThreads.end() ? 0 : it->second;
    }
    void stamp(Event& ev);

    v1::Trace m_trace;
    GenerationTables m_tables;
    std::vector<uint64_t> m_inlineIds;
    uint64_t m_builtinIds[kBuiltinCount] = {};
    std::vector<uint32_t> m_nextSameG; // index of the next event of the same goroutine
    size_t m_index = 0;
    bool m_preInit = true;
    std::set<uint64_t> m_createdPreInit;
    std::unordered_map<uint64_t, std::pair<std::string_view, uint64_t>> m_tasks; // id -> type, parent
    std::unordered_map<int32_t, bool> m_seenProcs;
    std::unordered_map<int32_t, int64_t> m_procThreads;
    uint64_t m_lastStwReason = 0;
    int64_t m_lastTs = -1;
    std::deque<Event> m_extra;
    uint64_t m_syncs = 0;
    bool m_done = false;
};

V1Converter::V1Converter(v1::Trace trace)
    : m_trace(std::move(trace))
{
    uint64_t max = 0;
    for (const auto& [id, s] : m_trace.strings) {
        m_tables.addString(id, s);
        max = std::max(max, id);
    }
    if (max + m_trace.inlineStrings.size() + kBuiltinCount < max)
        throw DecodeError(0, "trace contains too many strings");
    for (size_t i = 0; i < m_trace.inlineStrings.size(); ++i) {
        m_inlineIds.push_back(max + 1 + i);
        m_tables.addString(max + 1 + i, m_trace.inlineStrings[i]);
    }
    max += m_trace.inlineStrings.size();
    for (int c = 0; c < kBuiltinCount; ++c) {
        m_builtinIds[c] = max + 1 + uint64_t(c);
        m_tables.addString(m_builtinIds[c], kBuiltinText[c]);
    }
    for (const auto& [id, pcs] : m_trace.stacks)
        m_tables.addStack(id, pcs);
    for (const auto& [pc, f] : m_trace.frames)
        m_tables.addFrame(WireFrame{f.pc, f.funcString, f.fileString, f.line});

    const std::vector<v1::Event>& events = m_trace.events;
    m_nextSameG.assign(events.size(), uint32_t(events.size()));
    std::unordered_map<uint64_t, uint32_t> later;
    for (size_t i = events.size(); i-- > 0;) {
        auto [it, inserted] = later.emplace(events[i].g, uint32_t(i));
        if (!inserted) {
            m_nextSameG[i] = it->second;
            it->second = uint32_t(i);
        }
    }
}

Event V1Converter::make(uint8_t type, int64_t time, int64_t m, int64_t p, int64_t g) const
{
    Event ev;
    ev.type = type;
    ev.time = time;
    ev.m = m;
    ev.p = p;
    ev.g = g;
    ev.tables = &m_tables;
    return ev;
}

void V1Converter::stamp(Event& ev)
{
    if (ev.time <= m_lastTs)
        ev.time = m_lastTs + 1;
    m_lastTs = ev.time;
}

bool V1Converter::next(Event& out)
{
    const std::vector<v1::Event>& events = m_trace.events;
    if (m_done)
        return false;
    if (m_syncs == 0 && !events.empty()) {
        out = make(EvSyncMarker, events[0].ts - 1, kNoThread, kNoProc, kNoGoroutine);
        out.args[0] = ++m_syncs;
        return true;
    }
    for (;;) {
        if (!m_extra.empty()) {
            out = m_extra.front();
            m_extra.pop_front();
            stamp(out);
            return true;
        }
        if (m_index == events.size()) {
            m_done = true;
            out = make(EvSyncMarker, m_lastTs + 1, kNoThread, kNoProc, kNoGoroutine);
            out.tables = nullptr;
            out.args[0] = ++m_syncs;
            return true;
        }
        const size_t index = m_index++;
        if (convert(events[index], index, out)) {
            stamp(out);
            return true;
        }
    }
}

bool V1Converter::convert(const v1::Event& ev, size_t index, Event& out)
{
    int64_t m = kNoThread;
    if (ev.p != -1 && ev.type != v1::EvCPUSample) {
        auto it = m_procThreads.find(ev.p);
        if (it != m_procThreads.end())
            m = it->second;
    }
    const int64_t g = ev.g == 0 ? kNoGoroutine : int64_t(ev.g);
    out = make(EvNone, ev.ts, m, ev.p, g);
    uint64_t* a = out.args;
    auto block = [&](uint8_t type, Builtin reason) {
        out.type = type;
        a[0] = m_builtinIds[reason];
        a[1] = ev.stack;
    };
    switch (ev.type) {
    case v1::EvGomaxprocs:
        if (m_preInit) {
            // The first Gomaxprocs ends the start-up phase: goroutines created then without a
            // status of their own are reported runnable.
            m_preInit = false;
            for (uint64_t created : m_createdPreInit) {
                Event s = make(EvGoStatus, ev.ts, kNoThread, kNoProc, kNoGoroutine);
                s.args[0] = created;
                s.args[1] = ~uint64_t(0);
                s.args[2] = GoStatusRunnable;
                m_extra.push_back(s);
            }
            m_createdPreInit.clear();
            return false;
        }
        out.type = EvProcsChange;
        a[0] = ev.args[0];
        a[1] = ev.stack;
        break;
    case v1::EvProcStart:
        m_procThreads[ev.p] = int64_t(ev.args[0]);
        out.m = int64_t(ev.args[0]);
        if (m_seenProcs.count(ev.p)) {
            out.type = EvProcStart;
            a[0] = uint64_t(int64_t(ev.p));
        } else {
            m_seenProcs[ev.p] = true;
            out.type = EvProcStatus;
            a[0] = uint64_t(int64_t(ev.p));
            a[1] = ProcStatusRunning;
        }
        break;
    case v1::EvProcStop:
        if (m_seenProcs.count(ev.p)) {
            out.type = EvProcStop;
            a[0] = uint64_t(int64_t(ev.p));
        } else {
            m_seenProcs[ev.p] = true;
            out.type = EvProcStatus;
            a[0] = uint64_t(int64_t(ev.p));
            a[1] = ProcStatusIdle;
        }
        m_procThreads.erase(ev.p);
        break;
    case v1::EvGCStart:
        out.type = EvGCBegin;
        a[0] = ev.args[0];
        a[1] = ev.stack;
        break;
    case v1::EvGCDone: out.type = EvGCEnd; break;
    case v1::EvSTWStart:
        m_lastStwReason = m_builtinIds[sSTWFirst + v1::stwReason(m_trace.version, ev.args[0])];
        out.type = EvSTWBegin;
        a[0] = m_lastStwReason;
        break;
    case v1::EvSTWDone:
        out.type = EvSTWEnd;
        a[0] = m_lastStwReason;
        break;
    case v1::EvGCSweepStart:
        out.type = EvGCSweepBegin;
        a[0] = ev.stack;
        break;
    case v1::EvGCSweepDone:
        out.type = EvGCSweepEnd;
        a[0] = ev.args[0];
        a[1] = ev.args[1];
        break;
    case v1::EvGoCreate:
        if (m_preInit) {
            m_createdPreInit.insert(ev.args[0]);
            return false;
        }
        out.type = EvGoCreate;
        a[0] = ev.args[0];
        a[1] = ev.args[1];
        a[2] = ev.stack;
        break;
    case v1::EvGoStart:
        if (m_preInit) {
            out.type = EvGoStatus;
            a[0] = ev.args[0];
            a[1] = ~uint64_t(0);
            a[2] = GoStatusRunning;
            m_createdPreInit.erase(ev.args[0]);
        } else {
            out.type = EvGoStart;
            a[0] = ev.args[0];
            a[1] = ev.args[1];
        }
        break;
    case v1::EvGoStartLabel: {
        // Go builds this pair with the raw context: goroutine 0 stays 0, a P without a thread
        // reports thread 0.
        out.m = rawThread(ev.p);
        out.g = int64_t(ev.g);
        out.type = EvGoStart;
        a[0] = ev.args[0];
        a[1] = ev.args[1];
        a[2] = ev.args[2];
        Event label = out;
        label.type = EvGoLabel;
        label.args[0] = ev.args[2];
        label.args[1] = label.args[2] = 0;
        m_extra.assign(1, label);
        break;
    }
    case v1::EvGoEnd: out.type = EvGoDestroy; break;
    case v1::EvGoStop: block(EvGoBlock, sForever); break;
    case v1::EvGoSched: block(EvGoStop, sGosched); break;
    case v1::EvGoPreempt: block(EvGoStop, sPreempted); break;
    case v1::EvGoSleep: block(EvGoBlock, sSleep); break;
    case v1::EvGoBlock: block(EvGoBlock, sEmpty); break;
    case v1::EvGoBlockSend: block(EvGoBlock, sChanSend); break;
    case v1::EvGoBlockRecv: block(EvGoBlock, sChanRecv); break;
    case v1::EvGoBlockSelect: block(EvGoBlock, sSelect); break;
    case v1::EvGoBlockSync: block(EvGoBlock, sSync); break;
    case v1::EvGoBlockCond: block(EvGoBlock, sSyncCond); break;
    case v1::EvGoBlockNet: block(EvGoBlock, sNetwork); break;
    case v1::EvGoBlockGC: block(EvGoBlock, sMarkAssistWait); break;
    case v1::EvGoUnblock:
        out.type = EvGoUnblock;
        a[0] = ev.args[0];
        a[1] = ev.args[1];
        a[2] = ev.stack;
        break;
    case v1::EvGoSysCall: {
        out.type = EvGoSyscallBegin;
        a[1] = ev.stack;
        const uint32_t later = m_nextSameG[index];
        const bool blocked = later < m_trace.events.size() && m_trace.events[later].type == v1::EvGoSysBlock;
        if (!blocked) {
            // The syscall returned without blocking: the old format has no event for that.
            // Go builds this pair with the raw context, as for GoStartLabel.
            out.m = rawThread(ev.p);
            out.g = int64_t(ev.g);
            Event end = out;
            end.type = EvGoSyscallEnd;
            end.time = ev.ts + 1;
            end.args[0] = end.args[1] = 0;
            m_extra.push_back(end);
        }
        break;
    }
    case v1::EvGoSysExit: out.type = EvGoSyscallEndBlocked; break;
    case v1::EvGoSysBlock: return false;
    case v1::EvGoWaiting:
    case v1::EvGoInSyscall:
        out.type = EvGoStatus;
        a[0] = ev.args[0];
        a[1] = ~uint64_t(0);
        a[2] = ev.type == v1::EvGoWaiting ? GoStatusWaiting : GoStatusSyscall;
        m_createdPreInit.erase(ev.args[0]);
        break;
    case v1::EvHeapAlloc:
        out.type = EvHeapAlloc;
        a[0] = ev.args[0];
        break;
    case v1::EvHeapGoal:
        out.type = EvHeapGoal;
        a[0] = ev.args[0];
        break;
    case v1::EvGCMarkAssistStart:
        out.type = EvGCMarkAssistBegin;
        a[0] = ev.stack;
        break;
    case v1::EvGCMarkAssistDone: out.type = EvGCMarkAssistEnd; break;
    case v1::EvUserTaskCreate:
        out.type = EvUserTaskBegin;
        a[0] = ev.args[0];
        a[1] = ev.args[1] == 0 ? kNoTask : ev.args[1];
        a[2] = ev.args[2];
        a[3] = ev.stack;
        // As Go's converter does, the end event reports the raw parent (0 for none).
        m_tasks[ev.args[0]] = {m_tables.string(ev.args[2]), ev.args[1]};
        break;
    case v1::EvUserTaskEnd: {
        out.type = EvUserTaskEnd;
        a[0] = ev.args[0];
        a[1] = ev.stack;
        auto it = m_tasks.find(ev.args[0]);
        if (it != m_tasks.end()) {
            a[2] = it->second.second;
            out.taskEndType = it->second.first;
            m_tasks.erase(it);
        } else {
            a[2] = kNoTask;
        }
        break;
    }
    case v1::EvUserRegion:
        if (ev.args[1] > 1)
            throw DecodeError(0, "invalid user region mode " + std::to_string(ev.args[1]));
        out.type = ev.args[1] == 0 ? EvUserRegionBegin : EvUserRegionEnd;
        a[0] = ev.args[0];
        a[1] = ev.args[2];
        a[2] = ev.stack;
        break;
    case v1::EvUserLog:
        out.type = EvUserLog;
        a[0] = ev.args[0];
        a[1] = ev.args[1];
        a[2] = ev.args[3] < m_inlineIds.size() ? m_inlineIds[ev.args[3]] : 0;
        a[3] = ev.stack;
        break;
    case v1::EvCPUSample:
        out.type = EvCPUSample;
        a[0] = ev.stack;
        break;
    default:
        throw DecodeError(0, "unexpected old-format event type " + std::to_string(ev.type));
    }
    return true;
}

V1Decoder::V1Decoder(std::span<const uint8_t> input, size_t bodyOffset, int minorVersion)
    : m_converter(std::make_unique<V1Converter>(v1::parse(input, bodyOffset, minorVersion)))
{
}

V1Decoder::~V1Decoder() = default;

bool V1Decoder::next(Event& out)
{
    return m_converter->next(out);
}

} // namespace gs::gotrace
