// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/v1_parser.h"

#include "core/base/byte_reader.h"
#include "core/formats/gotrace/go_sort.h"
#include "core/formats/gotrace/go_time.h"

#include <algorithm>
#include <array>
#include <string>

namespace gs::gotrace::v1 {

namespace {

struct Desc
{
    const char* name = nullptr;
    int minVersion = 0;
    bool stack = false;
    int args = 0; // arguments after the timestamp, without the stack
};

std::array<Desc, 256> buildDescs()
{
    std::array<Desc, 256> d{};
    auto set = [&](uint8_t t, const char* name, int minVersion, bool stack, int args) {
        d[t] = Desc{name, minVersion, stack, args};
    };
    set(EvNone, "None", 5, false, 0);
    set(EvBatch, "Batch", 5, false, 2);
    set(EvFrequency, "Frequency", 5, false, 1);
    set(EvStack, "Stack", 5, false, 2);
    set(EvGomaxprocs, "Gomaxprocs", 5, true, 1);
    set(EvProcStart, "ProcStart", 5, false, 1);
    set(EvProcStop, "ProcStop", 5, false, 0);
    set(EvGCStart, "GCStart", 5, true, 1);
    set(EvGCDone, "GCDone", 5, false, 0);
    set(EvSTWStart, "GCSTWStart", 5, false, 1);
    set(EvSTWDone, "GCSTWDone", 5, false, 0);
    set(EvGCSweepStart, "GCSweepStart", 5, true, 0);
    set(EvGCSweepDone, "GCSweepDone", 5, false, 2);
    set(EvGoCreate, "GoCreate", 5, true, 2);
    set(EvGoStart, "GoStart", 5, false, 2);
    set(EvGoEnd, "GoEnd", 5, false, 0);
    set(EvGoStop, "GoStop", 5, true, 0);
    set(EvGoSched, "GoSched", 5, true, 0);
    set(EvGoPreempt, "GoPreempt", 5, true, 0);
    set(EvGoSleep, "GoSleep", 5, true, 0);
    set(EvGoBlock, "GoBlock", 5, true, 0);
    set(EvGoUnblock, "GoUnblock", 5, true, 2);
    set(EvGoBlockSend, "GoBlockSend", 5, true, 0);
    set(EvGoBlockRecv, "GoBlockRecv", 5, true, 0);
    set(EvGoBlockSelect, "GoBlockSelect", 5, true, 0);
    set(EvGoBlockSync, "GoBlockSync", 5, true, 0);
    set(EvGoBlockCond, "GoBlockCond", 5, true, 0);
    set(EvGoBlockNet, "GoBlockNet", 5, true, 0);
    set(EvGoSysCall, "GoSysCall", 5, true, 0);
    set(EvGoSysExit, "GoSysExit", 5, false, 3);
    set(EvGoSysBlock, "GoSysBlock", 5, false, 0);
    set(EvGoWaiting, "GoWaiting", 5, false, 1);
    set(EvGoInSyscall, "GoInSyscall", 5, false, 1);
    set(EvHeapAlloc, "HeapAlloc", 5, false, 1);
    set(EvHeapGoal, "HeapGoal", 5, false, 1);
    set(EvTimerGoroutine, "TimerGoroutine", 5, false, 1);
    set(EvFutileWakeup, "FutileWakeup", 5, false, 0);
    set(EvString, "String", 7, false, 0);
    set(EvGoStartLocal, "GoStartLocal", 7, false, 1);
    set(EvGoUnblockLocal, "GoUnblockLocal", 7, true, 1);
    set(EvGoSysExitLocal, "GoSysExitLocal", 7, false, 2);
    set(EvGoStartLabel, "GoStartLabel", 8, false, 3);
    set(EvGoBlockGC, "GoBlockGC", 8, true, 0);
    set(EvGCMarkAssistStart, "GCMarkAssistStart", 9, true, 0);
    set(EvGCMarkAssistDone, "GCMarkAssistDone", 9, false, 0);
    set(EvUserTaskCreate, "UserTaskCreate", 11, true, 3);
    set(EvUserTaskEnd, "UserTaskEnd", 11, true, 1);
    set(EvUserRegion, "UserRegion", 11, true, 3);
    set(EvUserLog, "UserLog", 11, true, 2);
    set(EvCPUSample, "CPUSample", 19, true, 3);
    return d;
}

const std::array<Desc, 256> kDescs = buildDescs();

struct RawEvent
{
    uint8_t type = EvNone;
    std::vector<uint64_t> args;
    std::string_view inlineString; // UserLog message
    int32_t batchP = 0;
    uint64_t offset = 0;
};

// Goroutine state for the cross-P merge: what must hold before an event and after it.
constexpr uint64_t kUnordered = ~uint64_t(0);
constexpr uint64_t kGarbage = ~uint64_t(0) - 1; // the GC's own sequence
constexpr uint64_t kNoSeq = ~uint64_t(0);
constexpr uint64_t kSeqInc = ~uint64_t(0) - 1;

enum Status : uint8_t
{
    Dead,
    Runnable,
    Running,
    Waiting,
};

struct GState
{
    uint64_t seq = 0;
    uint8_t status = Dead;
};

struct Transition
{
    uint64_t g = kUnordered;
    GState init;
    GState next;
};

Transition transitionOf(const Event& ev)
{
    switch (ev.type) {
    case EvGoCreate: return {ev.args[0], {0, Dead}, {1, Runnable}};
    case EvGoWaiting:
    case EvGoInSyscall: return {ev.g, {1, Runnable}, {2, Waiting}};
    case EvGoStart:
    case EvGoStartLabel: return {ev.g, {ev.args[1], Runnable}, {ev.args[1] + 1, Running}};
    case EvGoStartLocal: return {ev.g, {kNoSeq, Runnable}, {kSeqInc, Running}};
    case EvGoBlock:
    case EvGoBlockSend:
    case EvGoBlockRecv:
    case EvGoBlockSelect:
    case EvGoBlockSync:
    case EvGoBlockCond:
    case EvGoBlockNet:
    case EvGoSleep:
    case EvGoSysBlock:
    case EvGoBlockGC: return {ev.g, {kNoSeq, Running}, {kNoSeq, Waiting}};
    case EvGoSched:
    case EvGoPreempt: return {ev.g, {kNoSeq, Running}, {kNoSeq, Runnable}};
    case EvGoUnblock:
    case EvGoSysExit: return {ev.args[0], {ev.args[1], Waiting}, {ev.args[1] + 1, Runnable}};
    case EvGoUnblockLocal:
    case EvGoSysExitLocal: return {ev.args[0], {kNoSeq, Waiting}, {kSeqInc, Runnable}};
    case EvGCStart: return {kGarbage, {ev.args[0], Dead}, {ev.args[0] + 1, Dead}};
    default: return {};
    }
}

bool ready(const Transition& t, const GState& cur)
{
    return t.g == kUnordered || ((t.init.seq == kNoSeq || t.init.seq == cur.seq) && t.init.status == cur.status);
}

// Parses an old-format byte stream: a first pass finds every batch and CPU sample, then the
// batches are loaded lazily while the events of all Ps are merged.
class Parser
{
public:
    Parser(std::span<const uint8_t> input, size_t bodyOffset, int version)
        : m_in(input.subspan(bodyOffset), bodyOffset)
        , m_input(input)
        , m_version(version)
    {
    }

    Trace run();

private:
    struct Proc
    {
        int32_t pid = 0;
        std::vector<Event> events;
        size_t head = 0;
        std::vector<uint64_t> batches; // offsets of its batch headers, in file order
        size_t nextBatch = 0;
        bool done = false;
    };
    struct Pending
    {
        Event ev;
        Proc* proc = nullptr;
    };

    bool readRaw(ByteReader& in, RawEvent& raw, bool skipping);
    void collect();
    bool loadBatch(Proc& proc);
    void parseEvent(const RawEvent& raw, Event& ev, bool& keep);
    void merge();
    void fixTimes();
    void postProcess();
    int argCount(const RawEvent& raw) const;
    [[noreturn]] void fail(uint64_t offset, const std::string& message) const { throw DecodeError(offset, message); }

    void heapPush(Pending p);
    Pending heapPop();

    ByteReader m_in;
    std::span<const uint8_t> m_input;
    int m_version;
    Trace m_trace;
    std::vector<Proc> m_procs;
    std::unordered_map<int32_t, size_t> m_procIndex;
    std::vector<Event> m_samples;
    std::vector<Pending> m_frontier;
    std::unordered_map<uint64_t, bool> m_timerGoroutines;
    std::unordered_map<std::string_view, uint64_t> m_inlineIndex;
    std::unordered_map<int32_t, uint64_t> m_lastGs;
    int64_t m_ticksPerSec = 0;
    int64_t m_lastTs = 0;
    uint64_t m_lastG = 0;
    int32_t m_lastP = 0;
    RawEvent m_raw;
};

int Parser::argCount(const RawEvent& raw) const
{
    const Desc& d = kDescs[raw.type];
    if (raw.type == EvStack)
        return int(raw.args.size());
    int n = d.args + (d.stack ? 1 : 0);
    if (raw.type == EvBatch || raw.type == EvFrequency || raw.type == EvTimerGoroutine)
        return n;
    return n + 1; // timestamp
}

bool Parser::readRaw(ByteReader& in, RawEvent& raw, bool skipping)
{
    if (in.atEnd())
        return false;
    raw.offset = in.offset();
    const uint8_t b = in.readByte();
    const uint8_t type = b & 0x3f;
    const int narg = (b >> 6) + 1;
    if (type == EvNone || type >= EvCount || kDescs[type].minVersion > m_version)
        fail(raw.offset, "unknown event type " + std::to_string(type));
    raw.type = type;
    raw.args.clear();
    raw.inlineString = {};
    if (type == EvString) {
        const uint64_t id = in.readUvarint();
        const uint64_t lenAt = in.offset();
        const uint64_t len = in.readUvarint();
        if (skipping) {
            in.skip(len);
        } else {
            if (id == 0)
                fail(raw.offset, "string has invalid id 0");
            if (len == 0)
                fail(lenAt, "string has invalid length 0");
            if (len > 1000000)
                fail(lenAt, "string has too large length " + std::to_string(len));
            const std::string_view s = in.readString(len);
            auto [it, inserted] = m_trace.strings.emplace(id, s);
            if (!inserted && !it->second.empty())
                fail(raw.offset, "string has duplicate id " + std::to_string(id));
            it->second = s;
        }
        raw.type = EvNone;
        return true;
    }
    if (type == EvBatch) {
        if (narg != 2)
            fail(raw.offset, "EvBatch has wrong number of arguments: got " + std::to_string(narg) + ", want 2");
        const uint64_t pid = in.readUvarint();
        if (pid != ~uint64_t(0) && pid > 0x7fffffff)
            fail(raw.offset, "processor ID " + std::to_string(pid) + " is too large");
        raw.batchP = pid == ~uint64_t(0) ? -1 : int32_t(pid);
        raw.args.push_back(pid);
        raw.args.push_back(in.readUvarint());
        return true;
    }
    if (narg <= 3) {
        for (int i = 0; i < narg; ++i)
            raw.args.push_back(in.readUvarint());
        return true;
    }
    const uint64_t lenAt = in.offset();
    const uint64_t len = in.readUvarint();
    if (len > 2048)
        fail(lenAt, "length-prefixed argument too big: " + std::to_string(len) + " bytes, limit is 2048");
    const uint64_t argsAt = in.offset();
    ByteReader args(in.readBytes(len), argsAt);
    if (!skipping || type == EvCPUSample) {
        while (!args.atEnd())
            raw.args.push_back(args.readUvarint());
    }
    if (type == EvUserLog) {
        const uint64_t strAt = in.offset();
        const uint64_t slen = in.readUvarint();
        if (slen > 1000000)
            fail(strAt, "string is too large (len=" + std::to_string(slen) + ")");
        raw.inlineString = in.readString(slen);
    }
    return true;
}

void Parser::collect()
{
    int32_t curP = 0;
    bool haveBatch = false;
    while (readRaw(m_in, m_raw, true)) {
        if (m_raw.type == EvNone)
            continue;
        if (m_raw.type == EvBatch) {
            auto [it, inserted] = m_procIndex.emplace(m_raw.batchP, m_procs.size());
            if (inserted) {
                m_procs.emplace_back();
                m_procs.back().pid = m_raw.batchP;
            }
            m_procs[it->second].batches.push_back(m_raw.offset);
            curP = m_raw.batchP;
            haveBatch = true;
        }
        if (!haveBatch || !m_procIndex.count(curP))
            fail(m_raw.offset, "event " + std::to_string(m_raw.type) + " before the first batch");
        if (m_raw.type == EvCPUSample) {
            const int narg = argCount(m_raw);
            if (int(m_raw.args.size()) != narg)
                fail(m_raw.offset, "CPU sample has wrong number of arguments: want " + std::to_string(narg) + ", got "
                                       + std::to_string(m_raw.args.size()));
            Event e;
            e.type = EvCPUSample;
            e.ts = int64_t(m_raw.args[1]);
            e.p = int32_t(m_raw.args[2]);
            e.g = m_raw.args[3];
            e.stack = uint32_t(m_raw.args[4]);
            m_samples.push_back(e);
        }
    }
}

void Parser::parseEvent(const RawEvent& raw, Event& ev, bool& keep)
{
    keep = false;
    const Desc& d = kDescs[raw.type];
    const int narg = argCount(raw);
    if (int(raw.args.size()) != narg)
        fail(raw.offset, std::string(d.name) + " has wrong number of arguments: want " + std::to_string(narg)
                             + ", got " + std::to_string(raw.args.size()));
    switch (raw.type) {
    case EvBatch:
        m_lastGs[m_lastP] = m_lastG;
        m_lastP = raw.batchP;
        m_lastG = m_lastGs[m_lastP];
        m_lastTs = int64_t(raw.args[1]);
        return;
    case EvFrequency:
        m_ticksPerSec = int64_t(raw.args[0]);
        if (m_ticksPerSec <= 0)
            fail(raw.offset, "invalid trace clock frequency " + std::to_string(raw.args[0]));
        return;
    case EvTimerGoroutine: m_timerGoroutines[raw.args[0]] = true; return;
    case EvStack: {
        if (raw.args.size() < 2)
            fail(raw.offset, "EvStack has wrong number of arguments");
        const uint64_t size = raw.args[1];
        if (size > 1000)
            fail(raw.offset, "EvStack has bad number of frames: " + std::to_string(size));
        if (raw.args.size() != 2 + 4 * size)
            fail(raw.offset, "EvStack has wrong number of arguments: want " + std::to_string(2 + 4 * size) + ", got "
                                 + std::to_string(raw.args.size()));
        const auto id = uint32_t(raw.args[0]);
        if (id != 0 && size > 0) {
            std::vector<uint64_t> pcs(size);
            for (size_t i = 0; i < size; ++i) {
                const uint64_t* f = &raw.args[2 + i * 4];
                pcs[i] = f[0];
                m_trace.frames.emplace(f[0], Frame{f[0], f[1], f[2], f[3]});
            }
            m_trace.stacks[id] = std::move(pcs);
        }
        return;
    }
    case EvCPUSample: return;
    default: break;
    }
    ev = Event{};
    ev.type = raw.type;
    ev.p = m_lastP;
    ev.g = m_lastG;
    // Wrapping around, as Go's int64 sum does for a crafted delta (in C++ an overflow is undefined).
    ev.ts = int64_t(uint64_t(m_lastTs) + raw.args[0]);
    m_lastTs = ev.ts;
    for (int i = 1; i < narg; ++i) {
        if (i == narg - 1 && d.stack)
            ev.stack = uint32_t(raw.args[i]);
        else
            ev.args[i - 1] = raw.args[i];
    }
    switch (raw.type) {
    case EvGoStart:
    case EvGoStartLocal:
    case EvGoStartLabel:
        m_lastG = ev.args[0];
        ev.g = m_lastG;
        break;
    case EvGoEnd:
    case EvGoStop:
    case EvGoSched:
    case EvGoPreempt:
    case EvGoSleep:
    case EvGoBlock:
    case EvGoBlockSend:
    case EvGoBlockRecv:
    case EvGoBlockSelect:
    case EvGoBlockSync:
    case EvGoBlockCond:
    case EvGoBlockNet:
    case EvGoSysBlock:
    case EvGoBlockGC: m_lastG = 0; break;
    case EvGoSysExit:
    case EvGoWaiting:
    case EvGoInSyscall: ev.g = ev.args[0]; break;
    case EvUserLog: {
        auto [it, inserted] = m_inlineIndex.emplace(raw.inlineString, m_trace.inlineStrings.size());
        if (inserted)
            m_trace.inlineStrings.push_back(raw.inlineString);
        ev.args[3] = it->second;
        break;
    }
    default: break;
    }
    keep = true;
}

bool Parser::loadBatch(Proc& proc)
{
    if (proc.nextBatch == proc.batches.size())
        return false;
    const uint64_t start = proc.batches[proc.nextBatch++];
    ByteReader in(m_input.subspan(start), start);
    proc.events.clear();
    proc.head = 0;
    bool gotHeader = false;
    Event ev;
    while (readRaw(in, m_raw, false)) {
        if (m_raw.type == EvNone || m_raw.type == EvCPUSample)
            continue;
        if (m_raw.type == EvBatch) {
            if (gotHeader)
                break;
            gotHeader = true;
        }
        bool keep = false;
        parseEvent(m_raw, ev, keep);
        if (keep)
            proc.events.push_back(ev);
    }
    return true;
}

void Parser::heapPush(Pending p)
{
    // The same binary heap as Go's parser, so events with equal times merge in the same order.
    m_frontier.push_back(p);
    size_t j = m_frontier.size() - 1;
    while (j > 0) {
        const size_t i = (j - 1) / 2;
        if (!(m_frontier[j].ev.ts < m_frontier[i].ev.ts))
            break;
        std::swap(m_frontier[i], m_frontier[j]);
        j = i;
    }
}

Parser::Pending Parser::heapPop()
{
    const size_t n = m_frontier.size() - 1;
    std::swap(m_frontier[0], m_frontier[n]);
    size_t i = 0;
    for (;;) {
        const size_t j1 = 2 * i + 1;
        if (j1 >= n)
            break;
        size_t j = j1;
        if (j1 + 1 < n && m_frontier[j1 + 1].ev.ts < m_frontier[j1].ev.ts)
            j = j1 + 1;
        if (!(m_frontier[j].ev.ts < m_frontier[i].ev.ts))
            break;
        std::swap(m_frontier[i], m_frontier[j]);
        i = j;
    }
    Pending out = m_frontier.back();
    m_frontier.pop_back();
    return out;
}

void Parser::merge()
{
    goSortFunc(std::span<Event>(m_samples), [](const Event& a, const Event& b) { return a.ts < b.ts; });
    Proc profile;
    profile.pid = kProfileP;
    profile.events = std::move(m_samples);
    m_procs.push_back(std::move(profile));
    std::vector<Proc*> available;
    for (Proc& p : m_procs)
        available.push_back(&p);
    std::unordered_map<uint64_t, GState> gs;
    auto stateOf = [&](uint64_t g) {
        auto it = gs.find(g);
        return it == gs.end() ? GState{} : it->second;
    };
    std::vector<Event>& events = m_trace.events;
    for (;;) {
        for (size_t i = 0; i < available.size();) {
            Proc& proc = *available[i];
            bool exhausted = false;
            while (proc.head == proc.events.size()) {
                if (!loadBatch(proc)) {
                    proc.done = true;
                    exhausted = true;
                    break;
                }
            }
            if (exhausted) {
                available[i] = available.back();
                available.pop_back();
                continue; // revisit index i: it now holds another proc
            }
            const Event& ev = proc.events[proc.head];
            if (!ready(transitionOf(ev), stateOf(transitionOf(ev).g))) {
                ++i;
                continue;
            }
            ++proc.head;
            available[i] = available.back();
            available.pop_back();
            heapPush(Pending{ev, &proc});
        }
        if (m_frontier.empty()) {
            for (const Proc& p : m_procs) {
                if (!p.done)
                    fail(m_in.offset(), "no consistent ordering of events possible");
            }
            break;
        }
        Pending f = heapPop();
        const Transition t = transitionOf(f.ev);
        switch (f.ev.type) {
        case EvGoStartLocal: f.ev.type = EvGoStart; break;
        case EvGoUnblockLocal: f.ev.type = EvGoUnblock; break;
        case EvGoSysExitLocal: f.ev.type = EvGoSysExit; break;
        default: break;
        }
        events.push_back(f.ev);
        if (t.g != kUnordered) {
            const GState cur = stateOf(t.g);
            if (!ready(t, cur))
                fail(m_in.offset(), "encountered impossible goroutine state transition");
            GState next = t.next;
            if (next.seq == kNoSeq)
                next.seq = cur.seq;
            else if (next.seq == kSeqInc)
                next.seq = cur.seq + 1;
            gs[t.g] = next;
        }
        available.push_back(f.proc);
    }
}

void Parser::fixTimes()
{
    std::vector<Event>& events = m_trace.events;
    for (size_t i = 1; i < events.size(); ++i) {
        if (events[i].ts < events[i - 1].ts)
            fail(m_in.offset(), "time stamps out of order");
    }
    // A syscall exit carries the real time the goroutine left the syscall.
    std::unordered_map<uint64_t, int64_t> lastSysBlock;
    for (Event& ev : events) {
        if (ev.type == EvGoSysBlock || ev.type == EvGoInSyscall) {
            lastSysBlock[ev.g] = ev.ts;
        } else if (ev.type == EvGoSysExit) {
            const auto ts = int64_t(ev.args[2]);
            if (ts == 0)
                continue;
            const int64_t block = lastSysBlock[ev.g];
            if (block == 0)
                fail(m_in.offset(), "stray syscall exit");
            if (ts < block)
                fail(m_in.offset(), "time stamps out of order");
            ev.ts = ts;
        }
    }
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.ts < b.ts; });
    if (m_ticksPerSec == 0)
        fail(m_in.offset(), "no EvFrequency event");
    if (events.empty())
        return;
    const int64_t minTs = events[0].ts;
    const double nsPerTick = 1e9 / double(m_ticksPerSec);
    for (Event& ev : events) {
        // As Go computes it: the difference wraps around in int64, the product may not fit one.
        ev.ts = goInt64(double(int64_t(uint64_t(ev.ts) - uint64_t(minTs))) * nsPerTick);
        if (ev.type == EvGoUnblock && m_timerGoroutines.count(ev.g))
            ev.p = kTimerP;
        if (ev.type == EvGoSysExit)
            ev.p = kSyscallP;
    }
}

void Parser::postProcess()
{
    // Checks the goroutine/proc life cycle and applies the old parser's annotations: GC on
    // the GC pseudo proc, network unblocks on the netpoll pseudo proc, the creation stack on
    // a goroutine's first start, unknown stacks dropped.
    struct G
    {
        uint8_t state = Dead;
        uint8_t lastType = EvNone; // the event that last changed its state
        bool created = false;
        uint64_t createStack = 0;
    };
    struct P
    {
        bool running = false;
        uint64_t g = 0;
        bool sweeping = false;
    };
    std::unordered_map<uint64_t, G> gs;
    std::unordered_map<int32_t, P> ps;
    std::unordered_map<uint64_t, bool> tasks;
    std::unordered_map<uint64_t, std::vector<std::pair<uint64_t, uint64_t>>> regions;
    gs[0].state = Running;
    bool inGC = false;
    bool inSTW = false;
    auto bad = [&](const Event& ev, const std::string& what) {
        fail(m_in.offset(), what + " (time " + std::to_string(ev.ts) + ")");
    };
    auto checkRunning = [&](const P& p, const G& g, const Event& ev, bool allowG0) {
        const char* name = kDescs[ev.type].name;
        if (g.state != Running)
            bad(ev, "g " + std::to_string(ev.g) + " is not running while " + name);
        if (p.g != ev.g)
            bad(ev, "p " + std::to_string(ev.p) + " is not running g " + std::to_string(ev.g) + " while " + name);
        if (!allowG0 && ev.g == 0)
            bad(ev, std::string("g 0 did ") + name);
    };
    for (Event& ev : m_trace.events) {
        switch (ev.type) {
        case EvProcStart: {
            P& p = ps[ev.p];
            if (p.running)
                bad(ev, "p " + std::to_string(ev.p) + " is running before start");
            p.running = true;
            break;
        }
        case EvProcStop: {
            P& p = ps[ev.p];
            if (!p.running)
                bad(ev, "p " + std::to_string(ev.p) + " is not running before stop");
            if (p.g != 0)
                bad(ev, "p " + std::to_string(ev.p) + " is running a goroutine during stop");
            p.running = false;
            break;
        }
        case EvGCStart:
            if (inGC)
                bad(ev, "previous GC is not ended before a new one");
            inGC = true;
            ev.p = kGCP;
            break;
        case EvGCDone:
            if (!inGC)
                bad(ev, "bogus GC end");
            inGC = false;
            break;
        case EvSTWStart:
            if (inSTW)
                bad(ev, "previous STW is not ended before a new one");
            inSTW = true;
            break;
        case EvSTWDone:
            if (!inSTW)
                bad(ev, "bogus STW end");
            inSTW = false;
            break;
        case EvGCSweepStart: {
            P& p = ps[ev.p];
            if (p.sweeping)
                bad(ev, "previous sweeping is not ended before a new one");
            p.sweeping = true;
            break;
        }
        case EvGCSweepDone: {
            P& p = ps[ev.p];
            if (!p.sweeping)
                bad(ev, "bogus sweeping end");
            p.sweeping = false;
            break;
        }
        case EvGoWaiting:
        case EvGoInSyscall: {
            G& g = gs[ev.g];
            if (g.state != Runnable)
                bad(ev, "g " + std::to_string(ev.g) + " is not runnable before " + kDescs[ev.type].name);
            g.state = Waiting;
            g.lastType = ev.type;
            break;
        }
        case EvGoCreate: {
            checkRunning(ps[ev.p], gs[ev.g], ev, true);
            if (gs.count(ev.args[0]))
                bad(ev, "g " + std::to_string(ev.args[0]) + " already exists");
            G& g = gs[ev.args[0]];
            g.state = Runnable;
            g.lastType = ev.type;
            g.created = true;
            g.createStack = ev.args[1];
            break;
        }
        case EvGoStart:
        case EvGoStartLabel: {
            G& g = gs[ev.g];
            P& p = ps[ev.p];
            if (g.state != Runnable)
                bad(ev, "g " + std::to_string(ev.g) + " is not runnable before start");
            if (p.g != 0)
                bad(ev, "p " + std::to_string(ev.p) + " is already running g " + std::to_string(p.g) + " while start g "
                            + std::to_string(ev.g));
            g.state = Running;
            p.g = ev.g;
            if (g.created) {
                ev.stack = uint32_t(g.createStack);
                g.created = false;
            }
            g.lastType = EvNone;
            break;
        }
        case EvGoEnd:
        case EvGoStop: {
            G& g = gs[ev.g];
            P& p = ps[ev.p];
            checkRunning(p, g, ev, false);
            g.state = Dead;
            p.g = 0;
            if (ev.type == EvGoEnd)
                regions.erase(ev.g);
            break;
        }
        case EvGoSched:
        case EvGoPreempt: {
            G& g = gs[ev.g];
            P& p = ps[ev.p];
            checkRunning(p, g, ev, false);
            g.state = Runnable;
            p.g = 0;
            g.lastType = ev.type;
            break;
        }
        case EvGoUnblock: {
            const G& g = gs[ev.g];
            if (g.state != Running)
                bad(ev, "g " + std::to_string(ev.g) + " is not running while unpark");
            if (ev.p != kTimerP && ps[ev.p].g != ev.g)
                bad(ev, "p " + std::to_string(ev.p) + " is not running g " + std::to_string(ev.g) + " while unpark");
            G& target = gs[ev.args[0]];
            if (target.state != Waiting)
                bad(ev, "g " + std::to_string(ev.args[0]) + " is not waiting before unpark");
            if (target.lastType == EvGoBlockNet)
                ev.p = kNetpollP;
            target.state = Runnable;
            target.lastType = ev.type;
            break;
        }
        case EvGoSysCall: {
            G& g = gs[ev.g];
            checkRunning(ps[ev.p], g, ev, false);
            g.lastType = ev.type;
            break;
        }
        case EvGoSysBlock: {
            G& g = gs[ev.g];
            P& p = ps[ev.p];
            checkRunning(p, g, ev, false);
            g.state = Waiting;
            p.g = 0;
            break;
        }
        case EvGoSysExit: {
            G& g = gs[ev.g];
            if (g.state != Waiting)
                bad(ev, "g " + std::to_string(ev.g) + " is not waiting during syscall exit");
            g.state = Runnable;
            g.lastType = ev.type;
            break;
        }
        case EvGoSleep:
        case EvGoBlock:
        case EvGoBlockSend:
        case EvGoBlockRecv:
        case EvGoBlockSelect:
        case EvGoBlockSync:
        case EvGoBlockCond:
        case EvGoBlockNet:
        case EvGoBlockGC: {
            G& g = gs[ev.g];
            P& p = ps[ev.p];
            checkRunning(p, g, ev, false);
            g.state = Waiting;
            g.lastType = ev.type;
            p.g = 0;
            break;
        }
        case EvUserTaskCreate:
            if (tasks.count(ev.args[0]))
                bad(ev, "task id conflicts (id:" + std::to_string(ev.args[0]) + ")");
            tasks[ev.args[0]] = true;
            break;
        case EvUserTaskEnd: tasks.erase(ev.args[0]); break;
        case EvUserRegion: {
            auto& stack = regions[ev.g];
            if (ev.args[1] == 0) {
                stack.emplace_back(ev.args[0], ev.args[2]);
            } else if (ev.args[1] == 1) {
                if (!stack.empty()) {
                    if (stack.back() != std::make_pair(ev.args[0], ev.args[2]))
                        bad(ev, "misuse of region in goroutine " + std::to_string(ev.g));
                    stack.pop_back();
                }
            } else {
                bad(ev, "invalid user region mode");
            }
            break;
        }
        default: break;
        }
        if (ev.stack != 0) {
            auto it = m_trace.stacks.find(ev.stack);
            if (it == m_trace.stacks.end() || it->second.empty())
                ev.stack = 0;
        }
    }
}

Trace Parser::run()
{
    m_trace.version = m_version;
    collect();
    merge();
    fixTimes();
    postProcess();
    return std::move(m_trace);
}

} // namespace

Trace parse(std::span<const uint8_t> input, size_t bodyOffset, int version)
{
    return Parser(input, bodyOffset, version).run();
}

uint64_t stwReason(int version, uint64_t kind)
{
    if (version < 21)
        return kind == 0 || kind == 1 ? kind + 1 : 0;
    if (version == 21)
        return kind < 17 ? kind : 0;
    return 0;
}

} // namespace gs::gotrace::v1
