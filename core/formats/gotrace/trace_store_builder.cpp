// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/trace_store_builder.h"

#include "core/formats/gotrace/trace_header.h"
#include "core/formats/gotrace/trace_reader.h"

#include <algorithm>
#include <map>

namespace gs::gotrace {

namespace {

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

TraceStoreBuilder::TraceStoreBuilder(EventStore& store)
    : m_symbols(store.symbols)
    , m_trace(store.trace.emplace())
{
}

GoroutineRow TraceStoreBuilder::rowFor(int64_t id, bool* created)
{
    // Look up first: emplace builds (and frees) a node on every call, even for a known goroutine,
    // and nearly every event names a known one.
    if (auto it = m_rows.find(id); it != m_rows.end()) {
        if (created)
            *created = false;
        return it->second;
    }
    const GoroutineRow row = GoroutineRow(m_trace.goroutines.size());
    m_rows.emplace(id, row);
    Goroutine g;
    g.id = id;
    m_trace.goroutines.push_back(g);
    m_build.emplace_back();
    if (created)
        *created = true;
    return row;
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

    switch (ev.kind()) {
    case EventKind::Sync:
        m_syncTs = ev.time;
        break;
    case EventKind::StateTransition: {
        const StateTransition st = ev.stateTransition();
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
            m_trace.goroutines[rowFor(ev.g)].label = intern(ev.label());
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
        m_trace.logs.push_back(
            {ev.time, ev.g, ev.logTask() == kNoTask ? 0 : ev.logTask(), intern(ev.logCategory()), intern(ev.logMessage())});
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
    const GoroutineRow row = rowFor(st.id);
    Goroutine& g = m_trace.goroutines[row];
    const TimeNs t = ev.time;

    if (from == GoState::Undetermined || from == GoState::NotExist) {
        g.createdNs = from == GoState::Undetermined ? m_syncTs : t;
        if (from == GoState::NotExist && (ev.type == EvGoCreate || ev.type == EvGoCreateBlocked)) {
            g.creatorId = ev.g;
            g.creationStack = internStack(ev, ev.stack());
        }
        changeGoroutineCount(t, +1);
    } else {
        closeSpan(row, t);
        if (from == GoState::Syscall) {
            if (auto it = m_syscallingG.find(st.id); it != m_syscallingG.end()) {
                m_syscallingP.erase(it->second);
                m_syscallingG.erase(it);
            }
        }
    }

    const StackId transitionStack = internStack(ev, st.stack);
    // Like Go's analysis, a goroutine is named by the outermost frame of the first transition
    // stack it shows (its start function, which never changes).
    if (!g.hasStartFunction() && transitionStack != 0) {
        const auto frames = m_symbols.stacks.frames(transitionStack);
        if (!frames.empty())
            g.startFunction = m_symbols.frames[frames.back()].function;
    }

    OpenSpan span;
    span.start = t;
    span.proc = int32_t(ev.p);
    span.reason = intern(st.reason);
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
            span.waker = ev.g;
            span.stack = internStack(ev, ev.stack());
        }
        break;
    case GoState::Waiting:
        span.state = SpanState::Waiting;
        if (st.reason == "forever")
            finalize(row, t); // blocked for good: Go's analysis treats it as the end
        break;
    case GoState::Syscall:
        span.state = SpanState::Syscall;
        m_syscallingP[ev.p] = st.id;
        m_syscallingG[st.id] = ev.p;
        break;
    case GoState::NotExist:
        finalize(row, t);
        changeGoroutineCount(t, -1);
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
            openSpan(row, before);
            closeSpan(row, t);
        } else {
            span.start = m_syncTs;
        }
    }
    openSpan(row, span);
}

void TraceStoreBuilder::procTransition(const Event& ev, const StateTransition& st)
{
    if (st.from == st.to || ProcState(st.to) != ProcState::Idle)
        return;
    // A P going idle under a goroutine in a syscall: the rest of the syscall is blocking.
    auto it = m_syscallingP.find(st.id);
    if (it == m_syscallingP.end())
        return;
    const GoroutineRow row = rowFor(it->second);
    m_syscallingP.erase(it);
    GoroutineBuild& b = m_build[row];
    if (!b.open || b.span.state != SpanState::Syscall)
        return;
    OpenSpan blocked = b.span;
    closeSpan(row, ev.time);
    blocked.start = ev.time;
    blocked.state = SpanState::SyscallBlocked;
    openSpan(row, blocked);
}

void TraceStoreBuilder::openSpan(GoroutineRow row, const OpenSpan& span)
{
    m_build[row].span = span;
    m_build[row].open = true;
}

void TraceStoreBuilder::closeSpan(GoroutineRow row, TimeNs end)
{
    GoroutineBuild& b = m_build[row];
    if (!b.open)
        return;
    b.open = false;
    SpanTable& s = m_trace.spans;
    s.start.push_back(b.span.start);
    s.end.push_back(end);
    s.state.push_back(b.span.state);
    s.reason.push_back(b.span.reason);
    s.stack.push_back(b.span.stack);
    s.proc.push_back(b.span.proc);
    s.waker.push_back(b.span.waker);
    m_spanRow.push_back(row);
}

void TraceStoreBuilder::finalize(GoroutineRow row, TimeNs end)
{
    Goroutine& g = m_trace.goroutines[row];
    if (m_build[row].finalized)
        return;
    m_build[row].finalized = true;
    g.endNs = end;
    for (uint32_t r : m_build[row].regionStack)
        m_trace.regions[r].end = end;
    m_build[row].regionStack.clear();
}

void TraceStoreBuilder::changeGoroutineCount(TimeNs t, int delta)
{
    m_liveGoroutines += delta;
    if (!m_trace.goroutineCount.empty() && m_trace.goroutineCount.back().time == t)
        m_trace.goroutineCount.back().value = m_liveGoroutines;
    else
        m_trace.goroutineCount.push_back({t, m_liveGoroutines});
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
    const GoroutineRow row = rowFor(ev.g);
    GoroutineBuild& b = m_build[row];
    const uint64_t taskId = ev.regionTask() == kNoTask ? 0 : ev.regionTask();
    if (ev.kind() == EventKind::RegionBegin) {
        UserRegion r;
        r.goroutine = ev.g;
        r.task = taskId;
        r.name = intern(ev.regionType());
        r.start = ev.time;
        r.end = -1;
        r.depth = uint32_t(b.regionStack.size());
        b.regionStack.push_back(uint32_t(m_trace.regions.size()));
        m_trace.regions.push_back(r);
        return;
    }
    if (!b.regionStack.empty()) {
        m_trace.regions[b.regionStack.back()].end = ev.time;
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
    }
}

StackId TraceStoreBuilder::internStack(const Event& ev, uint64_t wireStack)
{
    if (wireStack == 0 || ev.tables == nullptr)
        return 0;
    if (ev.tables != m_cacheTables) {
        // A new generation: its stack and PC ids mean something else.
        m_cacheTables = ev.tables;
        m_stackCache.clear();
        m_frameCache.clear();
    }
    if (auto it = m_stackCache.find(wireStack); it != m_stackCache.end())
        return it->second;
    m_frameScratch.clear();
    for (uint64_t pc : ev.tables->stackPcs(wireStack)) {
        auto [fit, inserted] = m_frameCache.emplace(pc, 0);
        if (inserted) {
            const WireFrame* wf = ev.tables->frame(pc);
            const std::string_view name = wf ? ev.tables->string(wf->funcString) : std::string_view();
            const std::string_view file = wf ? ev.tables->string(wf->fileString) : std::string_view();
            const FunctionId f = m_symbols.internFunction(name, file);
            fit->second = m_symbols.internFrame(f, wf ? int64_t(wf->line) : 0);
        }
        m_frameScratch.push_back(fit->second);
    }
    const StackId id = m_symbols.stacks.intern(m_frameScratch);
    m_stackCache.emplace(wireStack, id);
    return id;
}

void TraceStoreBuilder::finish()
{
    m_trace.endNs = m_lastTs;
    for (GoroutineRow row = 0; row < m_build.size(); ++row) {
        closeSpan(row, m_lastTs);
        for (uint32_t r : m_build[row].regionStack)
            m_trace.regions[r].end = m_lastTs;
    }
    for (auto* list : {&m_trace.gcRanges, &m_trace.stwRanges, &m_trace.assistRanges}) {
        for (TimeRange& r : *list) {
            if (r.end < 0)
                r.end = m_lastTs;
        }
    }
    groupSpansByGoroutine();
    m_trace.spans.buildCheckpoints();
    m_trace.computeGoroutineStats(intern("forever"));
    buildProcessors();

    m_trace.rowById.reserve(m_rows.size());
    for (const auto& [id, row] : m_rows)
        m_trace.rowById.emplace_back(id, row);
    std::sort(m_trace.rowById.begin(), m_trace.rowById.end());
    std::stable_sort(m_trace.regions.begin(), m_trace.regions.end(), [&](const UserRegion& a, const UserRegion& b) {
        const GoroutineRow ra = m_rows[a.goroutine], rb = m_rows[b.goroutine];
        return ra != rb ? ra < rb : a.start < b.start;
    });
}

void TraceStoreBuilder::groupSpansByGoroutine()
{
    SpanTable& s = m_trace.spans;
    const size_t rows = m_trace.goroutines.size();
    s.offsets.assign(rows + 1, 0);
    for (GoroutineRow r : m_spanRow)
        ++s.offsets[r + 1];
    for (size_t r = 0; r < rows; ++r)
        s.offsets[r + 1] += s.offsets[r];
    // Destination of every span: a stable counting sort, one column at a time, so the peak
    // extra memory is one column.
    std::vector<uint32_t> dest(m_spanRow.size());
    {
        std::vector<uint32_t> next(s.offsets.begin(), s.offsets.end() - 1);
        for (size_t i = 0; i < m_spanRow.size(); ++i)
            dest[i] = next[m_spanRow[i]]++;
    }
    auto permute = [&](auto& column) {
        std::remove_reference_t<decltype(column)> sorted(column.size());
        for (size_t i = 0; i < column.size(); ++i)
            sorted[dest[i]] = column[i];
        column.swap(sorted);
    };
    permute(s.start);
    permute(s.end);
    permute(s.state);
    permute(s.reason);
    permute(s.stack);
    permute(s.proc);
    permute(s.waker);
    m_spanRow.clear();
    m_spanRow.shrink_to_fit();
}

void TraceStoreBuilder::buildProcessors()
{
    const SpanTable& s = m_trace.spans;
    std::map<int32_t, std::vector<ProcSpan>> byProc;
    for (GoroutineRow row = 0; row < m_trace.goroutines.size(); ++row) {
        for (uint32_t i = s.offsets[row]; i < s.offsets[row + 1]; ++i) {
            if (s.state[i] == SpanState::Running && s.proc[i] >= 0)
                byProc[s.proc[i]].push_back({s.start[i], s.end[i], m_trace.goroutines[row].id});
        }
    }
    for (auto& [id, spans] : byProc) {
        std::sort(spans.begin(), spans.end(), [](const ProcSpan& a, const ProcSpan& b) { return a.start < b.start; });
        m_trace.processors.push_back({id, std::move(spans)});
    }
}

Result<std::shared_ptr<EventStore>> decodeGoTrace(std::span<const uint8_t> bytes, LoadContext& context)
{
    auto store = std::make_shared<EventStore>();
    store->format = Format::GoTrace;
    TraceStoreBuilder builder(*store);
    auto stats = readTrace(bytes, context, [&](const Event& ev) { builder.add(ev); });
    if (!stats)
        return stats.error();
    builder.finish();
    TraceData& trace = *store->trace;
    trace.generations = stats->generations;
    trace.truncated = stats->truncated;
    if (auto header = readTraceHeader(bytes))
        trace.goVersion = "1." + std::to_string(header->minorVersion);
    return store;
}

} // namespace gs::gotrace
