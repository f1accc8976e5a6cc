// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/trace_store_builder.h"

#include "core/base/vector_reuse.h"
#include "core/formats/gotrace/trace_header.h"
#include "core/formats/gotrace/trace_reader.h"

#include <algorithm>
#include <numeric>
#include <optional>

namespace gs::gotrace {

namespace {

// Whether a span of state `span` is the goroutine state `state` (a syscall whose P was taken is
// still a syscall).
bool inState(SpanState span, GoState state)
{
    switch (state) {
    case GoState::Running: return span == SpanState::Running;
    case GoState::Runnable: return span == SpanState::Runnable;
    case GoState::Waiting: return span == SpanState::Waiting;
    case GoState::Syscall: return span == SpanState::Syscall || span == SpanState::SyscallBlocked;
    default: return false;
    }
}

bool isUnblock(uint8_t type)
{
    return type == EvGoUnblock || type == EvGoSwitch || type == EvGoSwitchDestroy;
}

// Range families kept by the store; 0 = not kept (sweeps are per-P noise for our views).
enum RangeFamily : uint64_t
{
    kNotKept = 0,
    kGcMark = 1,
    kStw = 2,
    kAssist = 3,
};

RangeFamily rangeFamily(uint8_t type)
{
    switch (type) {
    case EvGCBegin:
    case EvGCActive:
    case EvGCEnd:
        return kGcMark;
    case EvSTWBegin:
    case EvSTWEnd:
        return kStw;
    case EvGCMarkAssistBegin:
    case EvGCMarkAssistActive:
    case EvGCMarkAssistEnd:
        return kAssist;
    default:
        return kNotKept;
    }
}

} // namespace

TraceStoreBuilder::TraceStoreBuilder(EventStore& store, bool recordThreads)
    : m_recordThreads(recordThreads)
    , m_symbols(store.symbols)
    , m_trace(store.trace.emplace())
    , m_spans(m_trace.spans)
    , m_rows(m_spans)
    , m_mmu(m_trace.mmuEvents)
{
}

TraceStoreBuilder::LiveGoroutine& TraceStoreBuilder::live(int64_t id)
{
    if (LiveGoroutine* g = findLive(id))
        return *g;
    uint32_t index = 0;
    if (m_freeLive.empty()) {
        index = uint32_t(m_live.size());
        m_live.emplace_back();
    } else {
        index = m_freeLive.back();
        m_freeLive.pop_back();
    }
    m_liveById.insert(uint64_t(id), index);
    recentSlot(id) = {id, index};
    LiveGoroutine& g = m_live[index];
    g.info.id = id;
    g.serial = m_serials++;
    m_idBySerial.push_back(id);
    return g;
}

TraceStoreBuilder::LiveGoroutine* TraceStoreBuilder::findLive(int64_t id)
{
    RecentLive& recent = recentSlot(id);
    if (recent.index != UINT32_MAX && recent.id == id)
        return &m_live[recent.index];
    const uint32_t* index = m_liveById.find(uint64_t(id));
    if (!index)
        return nullptr;
    recent = {id, *index};
    return &m_live[*index];
}

void TraceStoreBuilder::add(const Event& ev)
{
    if (!m_sawEvent) {
        m_sawEvent = true;
        m_syncTs = ev.time;
        m_trace.startNs = ev.time;
    }
    m_lastTs = ev.time;
    ++m_trace.eventCount;
    const EventKind kind = ev.kind();
    m_mmu.add(ev, kind);

    switch (kind) {
    case EventKind::Sync:
        m_syncTs = ev.time;
        break;
    case EventKind::StateTransition: {
        const StateTransition st = ev.stateTransition();
        m_mmu.transition(ev, st);
        if (st.isGoroutine)
            transition(ev, st);
        else
            procTransition(ev, st);
        break;
    }
    case EventKind::RangeBegin:
    case EventKind::RangeActive:
    case EventKind::RangeEnd:
        range(ev);
        break;
    case EventKind::Metric:
        if (ev.type == EvHeapAlloc)
            m_trace.heapAlloc.push_back({ev.time, int64_t(ev.metricValue())});
        else if (ev.type == EvHeapGoal)
            m_trace.heapGoal.push_back({ev.time, int64_t(ev.metricValue())});
        else if (ev.type == EvProcsChange)
            m_trace.gomaxprocs.push_back({ev.time, int64_t(ev.metricValue())});
        break;
    case EventKind::Label:
        if (ev.g != kNoGoroutine)
            live(ev.g).info.label = intern(ev.label());
        break;
    case EventKind::TaskBegin:
    case EventKind::TaskEnd:
        task(ev);
        break;
    case EventKind::RegionBegin:
    case EventKind::RegionEnd:
        region(ev);
        break;
    case EventKind::Log:
        m_trace.logs.push_back({ev.time, ev.g, ev.logTask() == kNoTask ? 0 : ev.logTask(), intern(ev.logCategory()),
                                intern(ev.logMessage()), internStack(ev, ev.stack())});
        break;
    case EventKind::StackSample:
        m_trace.cpuSamples.push_back({ev.time, ev.g, internStack(ev, ev.stack())});
        break;
    default:
        break;
    }
}

void TraceStoreBuilder::transition(const Event& ev, const StateTransition& st)
{
    const auto from = GoState(st.from);
    const auto to = GoState(st.to);
    if (from == to)
        return; // a status restated at a generation start tells nothing new
    LiveGoroutine& live = this->live(st.id);
    Goroutine& g = live.info;
    const TimeNs t = ev.time;
    if (ev.tables)
        useTables(ev.tables);

    if (from == GoState::Undetermined || from == GoState::NotExist) {
        g.createdNs = from == GoState::Undetermined ? m_syncTs : t;
        if (from == GoState::NotExist && (ev.type == EvGoCreate || ev.type == EvGoCreateBlocked)) {
            g.creatorId = ev.g;
            g.creationStack = internStack(ev, ev.stack());
        }
        changeGoroutineCount(t, +1);
    } else {
        // Go's analysis credits the time before a transition to its "from" state, and only while
        // the goroutine was in that state. Go's converter of the old format (before 1.22) can
        // report a transition from a state the goroutine is not in: Syscall->Runnable while it
        // runs, when the start of a blocking syscall was not traced. Go counts that stretch
        // nowhere; it is left out here too (a gap) rather than shown in a state Go denies.
        if (live.open && !inState(live.span.state, from))
            live.open = false;
        closeSpan(live, t);
        if (from == GoState::Syscall && live.syscallP) {
            m_syscallingP.erase(uint64_t(*live.syscallP));
            live.syscallP.reset();
        }
    }

    const StackId transitionStack = internStack(ev, st.stack);
    // Like Go's analysis, a goroutine is named by the outermost frame of the first transition
    // stack that names one (its start function, which never changes). A stack of one unknown PC
    // (Go 1.21 writes such for a goroutine that existed before tracing, when it is preempted)
    // names nothing, so a later stack still can.
    if (!g.hasStartFunction() && transitionStack != 0) {
        const auto frames = m_symbols.stacks.frames(transitionStack);
        if (!frames.empty() && !m_symbols.functionName(m_symbols.frames[frames.back()].function).empty())
            g.startFunction = m_symbols.frames[frames.back()].function;
    }

    OpenSpan span;
    span.start = t;
    span.proc = int32_t(ev.p);
    span.thread = ev.m;
    span.reason = internReason(st.reason);
    span.stack = transitionStack;
    switch (to) {
    case GoState::Running:
        if (g.startNs < 0)
            g.startNs = t;
        span.state = SpanState::Running;
        break;
    case GoState::Runnable:
        span.state = SpanState::Runnable;
        if (isUnblock(ev.type)) {
            // The waker's stack at the wake-up: what it did that let this goroutine go.
            if (const LiveGoroutine* waker = findLive(ev.g))
                span.waker = waker->serial; // (a goroutine that runs has a record)
            span.stack = internStack(ev, ev.stack());
        }
        break;
    case GoState::Waiting:
        span.state = SpanState::Waiting;
        if (st.reason == "forever")
            finalize(live, t); // blocked for good: Go's analysis treats it as the end
        break;
    case GoState::Syscall:
        span.state = SpanState::Syscall;
        if (int64_t* syscaller = m_syscallingP.find(uint64_t(ev.p)))
            *syscaller = st.id;
        else
            m_syscallingP.insert(uint64_t(ev.p), st.id);
        live.syscallP = ev.p;
        break;
    case GoState::NotExist:
        finalize(live, t);
        changeGoroutineCount(t, -1);
        writeGoroutine(st.id);
        return;
    case GoState::Undetermined:
        return;
    }
    if (from == GoState::Undetermined) {
        // Go's analysis counts the time since the last sync as already spent in the new state;
        // a syscall first seen without a P has been blocking since then.
        if (to == GoState::Syscall && ev.p == kNoProc && m_syncTs < t) {
            OpenSpan before = span;
            before.start = m_syncTs;
            before.state = SpanState::SyscallBlocked;
            openSpan(live, before);
            closeSpan(live, t);
        } else {
            span.start = m_syncTs;
        }
    }
    openSpan(live, span);
}

void TraceStoreBuilder::procTransition(const Event& ev, const StateTransition& st)
{
    if (st.from == st.to || ProcState(st.to) != ProcState::Idle)
        return;
    // A P going idle under a goroutine in a syscall: the rest of the syscall is blocking.
    const int64_t* syscalling = m_syscallingP.find(uint64_t(st.id));
    if (!syscalling)
        return;
    LiveGoroutine* g = findLive(*syscalling);
    m_syscallingP.erase(uint64_t(st.id));
    if (!g || !g->open || g->span.state != SpanState::Syscall)
        return;
    OpenSpan blocked = g->span;
    closeSpan(*g, ev.time);
    blocked.start = ev.time;
    blocked.state = SpanState::SyscallBlocked;
    openSpan(*g, blocked);
}

void TraceStoreBuilder::openSpan(LiveGoroutine& g, const OpenSpan& span)
{
    g.span = span;
    g.open = true;
}

void TraceStoreBuilder::closeSpan(LiveGoroutine& b, TimeNs end)
{
    if (!b.open)
        return;
    b.open = false;
    const OpenSpan& span = b.span;
    const uint32_t traits = m_traits.code({span.reason, span.stack, span.proc, span.state});
    const uint32_t local = b.spans.add(span.start, end, traits, span.state, span.waker);
    const bool onThread = m_recordThreads && span.thread != kNoThread;
    if (span.state == SpanState::Running && span.proc >= 0) {
        const uint32_t proc = procSlot(span.proc);
        noteThreadOfRun(proc, onThread ? threadSlot(span.thread) : Processor::kNoThread);
        m_runs[proc].push_back({b.serial, local});
    } else if (onThread && span.state != SpanState::Runnable && span.state != SpanState::Waiting) {
        m_threadOwnSpans[threadSlot(span.thread)].push_back({b.serial, local});
    }
}

void TraceStoreBuilder::noteThreadOfRun(uint32_t proc, uint32_t thread)
{
    std::vector<std::pair<uint32_t, uint32_t>>& changes = m_threadChanges[proc];
    const uint32_t current = changes.empty() ? Processor::kNoThread : changes.back().second;
    if (thread != current)
        changes.emplace_back(uint32_t(m_runs[proc].size()), thread);
}

uint32_t TraceStoreBuilder::threadSlot(int64_t thread)
{
    // A thread runs many spans in a row; the map is asked only when the thread changes.
    if (thread != m_lastThread || m_threadOwnSpans.empty()) {
        auto [it, inserted] = m_threadSlot.try_emplace(thread, uint32_t(m_threadOwnSpans.size()));
        if (inserted) {
            m_threadOwnSpans.emplace_back();
            m_threadIds.push_back(thread);
        }
        m_lastThread = thread;
        m_lastThreadSlot = it->second;
    }
    return m_lastThreadSlot;
}

uint32_t TraceStoreBuilder::procSlot(int32_t proc)
{
    // Processor IDs are small dense integers in practice; a table indexed by them saves a hash
    // lookup per run, and the map keeps an absurd ID from sizing that table.
    constexpr int32_t kDenseProcs = 1 << 12;
    uint32_t* slot = nullptr;
    if (proc < kDenseProcs) {
        if (size_t(proc) >= m_runsByProc.size())
            m_runsByProc.resize(size_t(proc) + 1, UINT32_MAX);
        slot = &m_runsByProc[size_t(proc)];
    } else {
        slot = &m_runsByWideProc.try_emplace(proc, UINT32_MAX).first->second;
    }
    if (*slot == UINT32_MAX) {
        *slot = uint32_t(m_runs.size());
        m_runs.emplace_back();
        m_threadChanges.emplace_back();
        m_procIds.push_back(proc);
    }
    return *slot;
}

StringId TraceStoreBuilder::internReason(std::string_view reason)
{
    if (reason.empty())
        return 0;
    // Most transitions carry one of a few reasons; remember them by address (stable within a
    // generation, see useTables) instead of hashing the text every time.
    ReasonSlot& slot = m_reasonCache[(reinterpret_cast<uintptr_t>(reason.data()) >> 3) % kReasonCache];
    if (slot.data != reason.data() || slot.size != reason.size())
        slot = {reason.data(), reason.size(), intern(reason)};
    return slot.id;
}

void TraceStoreBuilder::finalize(LiveGoroutine& g, TimeNs end)
{
    if (g.finalized)
        return;
    g.finalized = true;
    g.info.endNs = end;
    for (uint32_t r : g.regionStack)
        m_trace.regions[r].end = end;
    g.regionStack.clear();
}

void TraceStoreBuilder::changeGoroutineCount(TimeNs t, int delta)
{
    m_liveGoroutines += delta;
    // Changes at one time make one point, written once time moves on.
    if (m_countPoint.time != t && m_countPending)
        m_trace.goroutineCount.push_back(m_countPoint);
    m_countPoint = {t, m_liveGoroutines};
    m_countPending = true;
}

void TraceStoreBuilder::range(const Event& ev)
{
    const RangeFamily family = rangeFamily(ev.type);
    if (family == kNotKept)
        return;
    const int64_t scope = ev.rangeScopeKind() == 0 ? 0 : ev.rangeScopeId();
    const uint64_t key = (uint64_t(family) << 56) ^ uint64_t(scope);
    std::vector<TimeRange>& list = family == kGcMark ? m_trace.gcRanges
                                   : family == kStw  ? m_trace.stwRanges
                                                     : m_trace.assistRanges;
    if (ev.kind() == EventKind::RangeEnd) {
        auto it = m_openRanges.find(key);
        if (it != m_openRanges.end()) {
            list[it->second].end = ev.time;
            m_openRanges.erase(it);
        }
        return;
    }
    if (m_openRanges.count(key))
        return; // an Active restating a range we already hold open
    TimeRange r;
    // An Active event restates a range that began before this generation.
    r.start = ev.kind() == EventKind::RangeActive ? std::min(m_syncTs, ev.time) : ev.time;
    r.end = -1;
    r.name = intern(family == kStw ? ev.stwKind() : ev.rangeName());
    if (ev.rangeScopeKind() == 1)
        r.goroutine = scope;
    m_openRanges.emplace(key, uint32_t(list.size()));
    list.push_back(r);
}

void TraceStoreBuilder::region(const Event& ev)
{
    if (ev.g == kNoGoroutine)
        return;
    LiveGoroutine& b = live(ev.g);
    const uint64_t taskId = ev.regionTask() == kNoTask ? 0 : ev.regionTask();
    if (ev.kind() == EventKind::RegionBegin) {
        UserRegion r;
        r.goroutine = ev.g;
        r.task = taskId;
        r.name = intern(ev.regionType());
        r.start = ev.time;
        r.end = -1;
        r.depth = uint32_t(b.regionStack.size());
        r.startStack = internStack(ev, ev.stack());
        b.regionStack.push_back(uint32_t(m_trace.regions.size()));
        m_trace.regions.push_back(r);
        return;
    }
    if (!b.regionStack.empty()) {
        UserRegion& begun = m_trace.regions[b.regionStack.back()];
        begun.end = ev.time;
        begun.endStack = internStack(ev, ev.stack());
        b.regionStack.pop_back();
        return;
    }
    // The region began before the trace did.
    UserRegion r;
    r.goroutine = ev.g;
    r.task = taskId;
    r.name = intern(ev.regionType());
    r.start = m_trace.startNs;
    r.end = ev.time;
    r.endStack = internStack(ev, ev.stack());
    m_trace.regions.push_back(r);
}

void TraceStoreBuilder::task(const Event& ev)
{
    auto [it, inserted] = m_taskIndex.emplace(ev.taskId(), uint32_t(m_trace.tasks.size()));
    if (inserted) {
        UserTask t;
        t.id = ev.taskId();
        m_trace.tasks.push_back(t);
    }
    UserTask& t = m_trace.tasks[it->second];
    if (!ev.taskType().empty())
        t.name = intern(ev.taskType());
    if (ev.taskParent() != kNoTask && ev.taskParent() != 0)
        t.parent = ev.taskParent();
    if (ev.kind() == EventKind::TaskBegin) {
        t.start = ev.time;
        t.goroutine = ev.g;
    } else {
        t.end = ev.time;
        t.endGoroutine = ev.g;
    }
}

void TraceStoreBuilder::useTables(const GenerationTables* tables)
{
    if (tables == m_cacheTables && tables->gen == m_cacheGeneration)
        return;
    // A new generation: its stack and PC ids mean something else, and its strings live elsewhere.
    m_cacheTables = tables;
    m_cacheGeneration = tables->gen;
    m_stackCache.clear();
    m_frameCache.clear();
    std::fill(std::begin(m_reasonCache), std::end(m_reasonCache), ReasonSlot{});
}

StackId TraceStoreBuilder::internStack(const Event& ev, uint64_t wireStack)
{
    if (wireStack == 0 || ev.tables == nullptr)
        return 0;
    useTables(ev.tables);
    if (const StackId* cached = m_stackCache.find(wireStack))
        return *cached;
    m_frameScratch.clear();
    for (uint64_t pc : ev.tables->stackPcs(wireStack)) {
        if (const FrameId* frame = m_frameCache.find(pc)) {
            m_frameScratch.push_back(*frame);
            continue;
        }
        const WireFrame* wf = ev.tables->frame(pc);
        const std::string_view name = wf ? ev.tables->string(wf->funcString) : std::string_view();
        const std::string_view file = wf ? ev.tables->string(wf->fileString) : std::string_view();
        const FunctionId f = m_symbols.internFunction(name, file);
        const FrameId frame = m_symbols.internFrame(f, wf ? int64_t(wf->line) : 0);
        m_frameCache.insert(pc, frame);
        m_frameScratch.push_back(frame);
    }
    const StackId id = m_symbols.stacks.intern(m_frameScratch);
    m_stackCache.insert(wireStack, id);
    return id;
}

void TraceStoreBuilder::finish()
{
    m_trace.endNs = m_lastTs;
    if (m_countPending)
        m_trace.goroutineCount.push_back(m_countPoint);
    for (Series* series : {&m_trace.heapAlloc, &m_trace.heapGoal, &m_trace.gomaxprocs, &m_trace.goroutineCount})
        series->seal();
    // The goroutines still alive, in order of first appearance.
    std::vector<std::pair<uint32_t, int64_t>> alive;
    alive.reserve(m_liveById.size());
    m_liveById.forEach([&](uint64_t id, uint32_t index) { alive.emplace_back(m_live[index].serial, int64_t(id)); });
    std::sort(alive.begin(), alive.end());
    for (const auto& [serial, id] : alive) {
        LiveGoroutine& g = *findLive(id);
        closeSpan(g, m_lastTs);
        for (uint32_t r : g.regionStack)
            m_trace.regions[r].end = m_lastTs;
        writeGoroutine(id);
    }
    m_live = std::vector<LiveGoroutine>();
    m_freeLive = {};
    for (auto* list : {&m_trace.gcRanges, &m_trace.stwRanges, &m_trace.assistRanges}) {
        for (TimeRange& r : *list) {
            if (r.end < 0)
                r.end = m_lastTs;
        }
    }
    // The runs shrink to absolute span indexes before the span columns are sealed (sealing copies
    // each column once), so the two never take memory at the same time.
    collectRuns();
    m_rows.flush();
    m_spans.finish(m_traits.take(), std::move(m_idBySerial));
    for (Processor& p : m_trace.processors)
        p.finish(m_trace.spans);
    m_trace.foreverReason = intern("forever");
    m_trace.finishGoroutines();
    std::stable_sort(m_trace.regions.begin(), m_trace.regions.end(), [&](const UserRegion& a, const UserRegion& b) {
        const GoroutineRow ra = m_trace.rowOf(a.goroutine), rb = m_trace.rowOf(b.goroutine);
        return ra != rb ? ra < rb : a.start < b.start;
    });
}

void TraceStoreBuilder::writeGoroutine(int64_t id)
{
    LiveGoroutine& g = *findLive(id);
    const auto index = uint32_t(&g - m_live.data());
    if (m_firstSpan.size() <= g.serial)
        m_firstSpan.resize(std::max<size_t>(g.serial + 1, 2 * m_firstSpan.size()), 0);
    m_firstSpan[g.serial] = m_spansQueued;
    m_spansQueued += g.spans.size();
    m_trace.goroutines.push_back(g.info);
    m_rows.push(g.spans);
    recycle(g);
    m_liveById.erase(uint64_t(id));
    if (RecentLive& recent = recentSlot(id); recent.id == id)
        recent = RecentLive{};
    m_freeLive.push_back(index);
}

void TraceStoreBuilder::recycle(LiveGoroutine& g)
{
    // A server trace writes millions of records of a few spans each: allocating their buffers
    // afresh every time costs more than filling them. A buffer grown large is freed, though, so
    // that one long-lived goroutine's list does not stay allocated in a free record.
    constexpr size_t kKeep = 64;
    std::vector<uint32_t> regionStack = std::move(g.regionStack);
    clearForReuse(regionStack, kKeep);
    ClosedSpans spans = std::move(g.spans); // emptied by the queue, its first chunk kept
    g = LiveGoroutine{};
    g.regionStack = std::move(regionStack);
    g.spans = std::move(spans);
}

std::vector<uint32_t> TraceStoreBuilder::spanIndexes(ChunkedList<Run>& runs) const
{
    std::vector<uint32_t> spans;
    spans.reserve(runs.size());
    runs.drain([&](const Run& run) { spans.push_back(m_firstSpan[run.serial] + run.local); });
    return spans;
}

template<typename Id>
std::vector<uint32_t> TraceStoreBuilder::slotsById(const std::vector<Id>& ids)
{
    std::vector<uint32_t> order(ids.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return ids[a] < ids[b]; });
    return order;
}

void TraceStoreBuilder::collectRuns()
{
    std::vector<uint32_t> threadIndex(m_threadIds.size()); // by slot
    for (uint32_t slot : slotsById(m_threadIds)) {
        threadIndex[slot] = uint32_t(m_trace.threads.size());
        m_trace.threads.push_back(Thread{m_threadIds[slot], spanIndexes(m_threadOwnSpans[slot])});
    }
    for (uint32_t slot : slotsById(m_procIds)) {
        Processor& p = m_trace.processors.emplace_back();
        p.id = m_procIds[slot];
        p.spans = spanIndexes(m_runs[slot]);
        p.threadChanges = std::move(m_threadChanges[slot]);
        for (auto& change : p.threadChanges) {
            if (change.second != Processor::kNoThread)
                change.second = threadIndex[change.second];
        }
    }
    m_runs = std::vector<ChunkedList<Run>>();
    m_threadChanges = {};
    m_threadOwnSpans = std::vector<ChunkedList<Run>>();
    m_firstSpan = {};
}

Result<std::shared_ptr<EventStore>> decodeGoTrace(std::span<const uint8_t> bytes, LoadContext& context)
{
    auto store = std::make_shared<EventStore>();
    store->format = Format::GoTrace;
    // Read first: the reader may release the bytes it is done with.
    const auto header = readTraceHeader(bytes);
    // Before Go 1.22 events carry no thread: the converter infers one from the thread that last
    // started the event's P. Threads are kept only for traces whose every event belongs to a
    // thread's batch, where they are checked against Go's parser; the views say they are unknown.
    TraceStoreBuilder builder(*store, header && header->minorVersion >= 22);
    // By batch: one call per batch, not a std::function call per event.
    auto stats = readTraceBatches(bytes, context, [&](std::span<const Event> events) {
        for (const Event& ev : events)
            builder.add(ev);
    });
    if (!stats)
        return stats.error();
    builder.finish();
    TraceData& trace = *store->trace;
    trace.generations = stats->generations;
    trace.truncated = stats->truncated;
    if (header)
        trace.goVersion = "1." + std::to_string(header->minorVersion);
    return store;
}

} // namespace gs::gotrace
