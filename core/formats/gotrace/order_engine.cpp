// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/order_engine.h"

#include <algorithm>

namespace gs::gotrace {

namespace {

const char* goStatusName(uint64_t s)
{
    switch (s) {
    case GoStatusRunnable: return "Runnable";
    case GoStatusRunning: return "Running";
    case GoStatusSyscall: return "Syscall";
    case GoStatusWaiting: return "Waiting";
    default: return "Bad";
    }
}

const char* procStatusName(uint64_t s)
{
    switch (s) {
    case ProcStatusRunning: return "Running";
    case ProcStatusIdle: return "Idle";
    case ProcStatusSyscall: return "Syscall";
    default: return "Bad";
    }
}

std::string num(int64_t v)
{
    return std::to_string(v);
}

uint8_t rangeBeginType(uint8_t type)
{
    const uint8_t start = wireSpec(type).startType;
    return start != EvNone ? start : type;
}

} // namespace

void OrderEngine::fail(const std::string& message) const
{
    throw OrderError("broken trace: " + message);
}

std::string_view OrderEngine::intern(std::string_view s)
{
    auto it = m_interned.find(s);
    if (it != m_interned.end())
        return it->second;
    const std::string_view stored = m_internedStorage.emplace_back(s);
    m_interned.emplace(stored, stored);
    return stored;
}

void OrderEngine::pushQueued(const Event& ev, int64_t m, int64_t p, int64_t g)
{
    Event& e = m_queue.emplace_back(ev);
    e.m = m;
    e.p = p;
    e.g = g;
}

void OrderEngine::failRequirement(const Ctx& ctx, Need m, Need p, Need g) const
{
    auto check = [&](Need need, bool present, const char* what) {
        if (need == Need::Must && !present)
            fail(std::string("expected a ") + what + " but didn't have one");
        if (need == Need::MustNot && present)
            fail(std::string("expected no ") + what + " but had one");
    };
    check(m, ctx.m != kNoThread, "thread");
    check(p, ctx.p != kNoProc, "proc");
    check(g, ctx.g != kNoGoroutine, "goroutine");
    fail("bad scheduling context");
}

void OrderEngine::failMissingGoroutine(int64_t id, uint8_t type) const
{
    fail(std::string("event ") + wireSpec(type).name + " for goroutine " + num(id) + " that doesn't exist");
}

void OrderEngine::failGoroutineExists(int64_t id) const
{
    fail("tried to create goroutine (" + num(id) + ") that already exists");
}

void OrderEngine::failNotRunning(uint8_t type) const
{
    fail(std::string(wireSpec(type).name) + " event for goroutine that's not Running");
}

OrderEngine::GoroutineExtras& OrderEngine::extras(int64_t id, GoroutineState& s)
{
    s.hasExtras = true;
    return m_goroutineExtras[uint64_t(id)];
}

void OrderEngine::eraseExtras(int64_t id)
{
    m_goroutineExtras.erase(uint64_t(id));
}

void OrderEngine::failNotInSyscall(uint8_t type) const
{
    fail(std::string(wireSpec(type).name) + " event for goroutine that's not Syscall");
}

void OrderEngine::failMissingProc(int64_t id, const char* what) const
{
    fail(std::string("uninitialized proc ") + num(id) + " found during " + what);
}

void OrderEngine::failSyscallSequence(uint64_t from, uint64_t to) const
{
    fail("failed to advance GoSyscallBegin: can't make sequence: " + std::to_string(from) + " -> "
         + std::to_string(to));
}

void OrderEngine::failProcNotInSyscall(int64_t id, uint8_t status) const
{
    fail("expected proc " + num(id) + " in state Syscall, but got " + procStatusName(status) + " instead");
}

bool OrderEngine::Ranges::has(RangeKey k) const
{
    return std::find(inFlight.begin(), inFlight.end(), k) != inFlight.end();
}

void OrderEngine::Ranges::begin(RangeKey k)
{
    if (has(k))
        throw OrderError(std::string("broken trace: discovered event already in-flight when starting event ")
                         + wireSpec(k.type).name);
    inFlight.push_back(k);
}

void OrderEngine::Ranges::active(RangeKey k, bool initialGen)
{
    if (initialGen) {
        if (has(k))
            throw OrderError(std::string("broken trace: found named active range already in first gen: ")
                             + wireSpec(k.type).name);
        inFlight.push_back(k);
    } else if (!has(k)) {
        throw OrderError(std::string("broken trace: resource is missing active range: ") + wireSpec(k.type).name);
    }
}

uint64_t OrderEngine::Ranges::end(uint8_t endType)
{
    const uint8_t start = wireSpec(endType).startType;
    auto it = std::find_if(inFlight.begin(), inFlight.end(), [&](const RangeKey& r) { return r.type == start; });
    if (it == inFlight.end())
        throw OrderError(std::string("broken trace: tried to end event ") + wireSpec(start).name
                         + ", but not in-flight");
    const uint64_t desc = it->desc;
    // Swap-remove, as Go does: the order of the remaining entries is observable in later ends.
    *it = inFlight.back();
    inFlight.pop_back();
    return desc;
}

OrderEngine::Outcome OrderEngine::advanceOther(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen)
{
    m_direct = &ev; // the first event reported goes to the output, see push()
    bool ok = false;
    switch (ev.type) {
    case EvProcsChange:
    case EvGoLabel:
    case EvUserLog:
        requireUser(ctx);
        push(ev, ctx);
        ok = true;
        break;
    case EvProcStart: ok = procStart(ev, ctx, next, gen); break;
    case EvProcStop: ok = procStop(ev, ctx, next); break;
    case EvProcSteal: ok = procSteal(ev, ctx, next, gen); break;
    case EvProcStatus: ok = procStatus(ev, ctx, next, gen); break;
    case EvGoCreateSyscall: ok = goCreateSyscall(ev, ctx, next, gen); break;
    case EvGoDestroySyscall: ok = goDestroySyscall(ev, ctx, next); break;
    case EvGoSwitch:
    case EvGoSwitchDestroy: ok = goSwitch(ev, ctx, next, gen); break;
    case EvGoSyscallEndBlocked: ok = goSyscallEndBlocked(ev, ctx, next); break;
    case EvGoStatus:
    case EvGoStatusStack: ok = goStatus(ev, ctx, next, gen); break;
    case EvSTWBegin:
    case EvSTWEnd:
    case EvGCMarkAssistBegin:
    case EvGCMarkAssistEnd:
    case EvGCMarkAssistActive: ok = goRange(ev, ctx, gen); break;
    case EvGCActive: ok = gcActive(ev, ctx, gen); break;
    case EvGCBegin: ok = gcBegin(ev, ctx); break;
    case EvGCEnd: ok = gcEnd(ev, ctx); break;
    case EvGCSweepActive:
    case EvGCSweepBegin:
    case EvGCSweepEnd: ok = sweep(ev, ctx, gen); break;
    case EvHeapAlloc:
    case EvHeapGoal:
        require(ctx, Need::Must, Need::Must, Need::May);
        push(ev, ctx);
        ok = true;
        break;
    case EvUserTaskBegin: ok = userTaskBegin(ev, ctx); break;
    case EvUserTaskEnd: ok = userTaskEnd(ev, ctx); break;
    case EvUserRegionBegin:
    case EvUserRegionEnd: ok = userRegion(ev, ctx); break;
    default:
        if (wireSpec(ev.type).experimental) {
            require(ctx, Need::Must, Need::May, Need::May);
            push(ev, ctx);
            ok = true;
            break;
        }
        throw OrderError("bad event type found while ordering: " + std::to_string(ev.type));
    }
    m_direct = nullptr;
    if (!ok)
        return Outcome::NotYet;
    return m_queue.empty() ? Outcome::One : Outcome::More;
}

bool OrderEngine::procStatus(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen)
{
    const int64_t pid = int64_t(ev.args[0]);
    const uint64_t status = ev.args[1];
    if (status > ProcStatusSyscallAbandoned || status == ProcStatusBad)
        fail("invalid status for proc " + num(pid) + ": " + std::to_string(status));
    ProcState old = procStateFromWire(status);
    if (ProcessorState* s = m_procs.find(uint64_t(pid))) {
        if (status == ProcStatusSyscallAbandoned && s->status == ProcStatusSyscall) {
            old = ProcState::Running;
            ev.args[1] = ProcStatusSyscall;
        } else if (status == ProcStatusSyscallAbandoned && s->status == ProcStatusSyscallAbandoned) {
            old = ProcState::Idle;
            ev.args[1] = ProcStatusSyscallAbandoned;
        } else if (s->status != status) {
            fail("inconsistent status for proc " + num(pid) + ": old " + procStatusName(s->status) + " vs. new "
                 + procStatusName(status));
        }
        s->seq = Seq{gen, 0};
    } else {
        ProcessorState fresh;
        fresh.status = uint8_t(status);
        fresh.seq = Seq{gen, 0};
        m_procs.insert(uint64_t(pid), std::move(fresh));
        old = gen == m_initialGen ? ProcState::Undetermined : ProcState::NotExist;
    }
    ev.args[2] = uint64_t(old);
    if (status == ProcStatusRunning || status == ProcStatusSyscall)
        next.p = pid;
    if (status == ProcStatusSyscallAbandoned && old == ProcState::Running) {
        // The proc is about to be stolen from the thread holding it: report it there.
        bool found = false;
        for (const auto& [mid, t] : m_threads) {
            if (t.p == pid) {
                ctx.m = mid;
                ctx.p = pid;
                ctx.g = t.g;
                found = true;
            }
        }
        if (!found)
            fail("failed to find sched context for proc " + num(pid) + " that's about to be stolen");
    }
    push(ev, ctx);
    return true;
}

bool OrderEngine::procStart(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen)
{
    const int64_t pid = int64_t(ev.args[0]);
    ProcessorState* s = m_procs.find(uint64_t(pid));
    if (!s || s->status != ProcStatusIdle || !s->seq.succeededBy(gen, ev.args[1]) || ctx.p != kNoProc)
        return false;
    require(ctx, Need::Must, Need::MustNot, Need::May);
    s->status = ProcStatusRunning;
    s->seq = Seq{gen, ev.args[1]};
    next.p = pid;
    push(ev, ctx);
    return true;
}

bool OrderEngine::procStop(Event& ev, Ctx& ctx, ThreadState& next)
{
    ProcessorState* s = m_procs.find(uint64_t(ctx.p));
    if (!s)
        fail("event ProcStop for proc " + num(ctx.p) + " that doesn't exist");
    if (s->status != ProcStatusRunning && s->status != ProcStatusSyscall)
        fail("ProcStop event for proc that's not Running or Syscall");
    require(ctx, Need::Must, Need::Must, Need::May);
    s->status = ProcStatusIdle;
    next.p = kNoProc;
    push(ev, ctx);
    return true;
}

bool OrderEngine::procSteal(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen)
{
    const int64_t pid = int64_t(ev.args[0]);
    ProcessorState* s = m_procs.find(uint64_t(pid));
    if (!s || (s->status != ProcStatusSyscall && s->status != ProcStatusSyscallAbandoned)
        || !s->seq.succeededBy(gen, ev.args[1]))
        return false;
    require(ctx, Need::Must, Need::May, Need::May);
    const uint8_t oldStatus = s->status;
    ev.args[3] = oldStatus;
    s->status = ProcStatusIdle;
    s->seq = Seq{gen, ev.args[1]};
    if (oldStatus == ProcStatusSyscallAbandoned) {
        push(ev, ctx);
        return true;
    }
    const int64_t victim = int64_t(ev.args[2]);
    if (victim == ctx.m) {
        if (ctx.p != pid)
            fail("tried to self-steal proc " + num(pid) + " (thread " + num(victim) + "), but got proc " + num(ctx.p)
                 + " instead");
        next.p = kNoProc;
        push(ev, ctx);
        return true;
    }
    auto it = m_threads.find(victim);
    if (it == m_threads.end())
        fail("stole proc from non-existent thread " + num(victim));
    if (it->second.p != pid)
        fail("tried to steal proc " + num(pid) + " from thread " + num(victim) + ", but got proc "
             + num(it->second.p) + " instead");
    it->second.p = kNoProc;
    push(ev, ctx);
    return true;
}

bool OrderEngine::goStatus(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen)
{
    const int64_t gid = int64_t(ev.args[0]);
    const int64_t mid = int64_t(ev.args[1]);
    const uint64_t status = ev.args[2];
    if (status > GoStatusWaiting || status == GoStatusBad)
        fail("invalid status for goroutine " + num(gid) + ": " + std::to_string(status));
    GoState old = goStateFromWire(status);
    if (GoroutineState* s = m_goroutines.find(uint64_t(gid))) {
        if (s->status != status)
            fail("inconsistent status for goroutine " + num(gid) + ": old " + goStatusName(s->status) + " vs. new "
                 + goStatusName(status));
        s->seq = Seq{gen, 0};
    } else if (gen == m_initialGen) {
        GoroutineState fresh;
        fresh.status = uint8_t(status);
        fresh.seq = Seq{gen, 0};
        m_goroutines.insert(uint64_t(gid), std::move(fresh));
        old = GoState::Undetermined;
    } else {
        fail("found goroutine status for new goroutine after the first generation: id=" + num(gid));
    }
    ev.args[2] = uint64_t(old) << 32 | status;
    if (status == GoStatusRunning) {
        next.g = gid;
    } else if (status == GoStatusSyscall) {
        if (mid == kNoThread)
            fail("found goroutine " + num(gid) + " in syscall without a thread");
        if (mid == ctx.m) {
            if (gen != m_initialGen && ctx.g != gid)
                fail("inconsistent thread for syscalling goroutine " + num(gid) + ": thread has goroutine "
                     + num(ctx.g));
            next.g = gid;
        } else {
            auto it = m_threads.find(mid);
            if (it != m_threads.end()) {
                if (it->second.g != gid)
                    fail("inconsistent thread for syscalling goroutine " + num(gid) + ": thread has goroutine "
                         + num(it->second.g));
                ctx.g = it->second.g;
            } else {
                m_threads.emplace(mid, ThreadState{gid, kNoProc});
            }
            ctx.m = mid;
        }
    }
    push(ev, ctx);
    return true;
}

bool OrderEngine::goSwitch(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen)
{
    requireUser(ctx);
    GoroutineState& cur = goroutine(ctx.g, ev.type);
    if (cur.status != GoStatusRunning)
        failNotRunning(ev.type);
    const int64_t target = int64_t(ev.args[0]);
    GoroutineState* nextState = m_goroutines.find(uint64_t(target));
    if (!nextState || nextState->status != GoStatusWaiting || !nextState->seq.succeededBy(gen, ev.args[1]))
        return false;
    push(ev, ctx);
    // The switch is reported as: unblock of the target, block/destroy of the current
    // goroutine, start of the target on this thread.
    Event follow = ev;
    follow.args[0] = follow.args[1] = follow.args[2] = follow.args[3] = 0;
    if (ev.type == EvGoSwitch) {
        cur.status = GoStatusWaiting;
        follow.type = EvGoBlock;
        push(follow, ctx);
    } else {
        follow.type = EvGoDestroy;
        push(follow, ctx);
    }
    nextState->status = GoStatusRunning;
    nextState->seq = Seq{gen, ev.args[1]};
    if (ev.type == EvGoSwitchDestroy)
        eraseGoroutine(ctx.g, cur.hasExtras); // after the last use of nextState: erasing may move entries
    next.g = target;
    Event start = ev;
    start.type = EvGoStart;
    start.args[0] = uint64_t(target);
    start.args[1] = ev.args[1];
    start.args[2] = start.args[3] = 0;
    Ctx startCtx = ctx;
    startCtx.g = kNoGoroutine;
    push(start, startCtx);
    return true;
}

bool OrderEngine::goSyscallEndBlocked(Event& ev, Ctx& ctx, ThreadState& next)
{
    if (ctx.p != kNoProc) {
        // The proc must have been taken away (or released) first.
        if (proc(ctx.p, "GoSyscallEndBlocked").status == ProcStatusSyscall)
            return false;
    }
    require(ctx, Need::Must, Need::May, Need::Must);
    GoroutineState& s = goroutine(ctx.g, ev.type);
    if (s.status != GoStatusSyscall)
        failNotInSyscall(ev.type);
    next.g = kNoGoroutine;
    s.status = GoStatusRunnable;
    push(ev, ctx);
    return true;
}

bool OrderEngine::goCreateSyscall(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen)
{
    require(ctx, Need::Must, Need::May, Need::MustNot);
    const int64_t created = int64_t(ev.args[0]);
    GoroutineState fresh;
    fresh.status = GoStatusSyscall;
    fresh.seq = Seq{gen, 0};
    if (!m_goroutines.insert(uint64_t(created), fresh))
        fail("tried to create goroutine (" + num(created) + ") in syscall that already exists");
    next.g = created;
    push(ev, ctx);
    return true;
}

bool OrderEngine::goDestroySyscall(Event& ev, Ctx& ctx, ThreadState& next)
{
    require(ctx, Need::Must, Need::May, Need::Must);
    GoroutineState& s = goroutine(ctx.g, ev.type);
    if (s.status != GoStatusSyscall)
        failNotInSyscall(ev.type);
    eraseGoroutine(ctx.g, s.hasExtras);
    next.g = kNoGoroutine;
    if (ctx.p != kNoProc) {
        ProcessorState* p = m_procs.find(uint64_t(ctx.p));
        if (!p)
            fail("found invalid proc " + num(ctx.p) + " during GoDestroySyscall");
        if (p->status != ProcStatusSyscall)
            fail("proc " + num(ctx.p) + " in unexpected state " + procStatusName(p->status)
                 + " during GoDestroySyscall");
        p->status = ProcStatusSyscallAbandoned;
        next.p = kNoProc;
        // The proc is implicitly released: report it as a steal by this thread. The steal goes
        // first, possibly into `ev` itself (direct output), so the destroy is copied before.
        const Event destroy = ev;
        Event steal = ev;
        steal.type = EvProcSteal;
        steal.args[0] = uint64_t(ctx.p);
        steal.args[1] = steal.args[2] = 0;
        steal.args[3] = ProcStatusSyscall;
        push(steal, ctx);
        push(destroy, ctx);
        return true;
    }
    push(ev, ctx);
    return true;
}

bool OrderEngine::userTaskBegin(Event& ev, Ctx& ctx)
{
    const uint64_t id = ev.args[0];
    if (m_tasks.count(id))
        fail("task ID conflict: " + std::to_string(id));
    if (ev.args[1] == 0) // the background task: no parent
        ev.args[1] = kNoTask;
    if (!ev.tables->hasString(ev.args[2]))
        fail("invalid string ID " + std::to_string(ev.args[2]) + " for UserTaskBegin event");
    m_tasks[id] = Task{intern(ev.tables->string(ev.args[2])), ev.args[1]};
    requireUser(ctx);
    push(ev, ctx);
    return true;
}

bool OrderEngine::userTaskEnd(Event& ev, Ctx& ctx)
{
    auto it = m_tasks.find(ev.args[0]);
    if (it != m_tasks.end()) {
        ev.args[2] = it->second.parent;
        ev.taskEndType = it->second.name;
        m_tasks.erase(it);
    } else {
        ev.args[2] = kNoTask;
        ev.taskEndType = {};
    }
    requireUser(ctx);
    push(ev, ctx);
    return true;
}

bool OrderEngine::userRegion(Event& ev, Ctx& ctx)
{
    requireUser(ctx);
    const char* what = wireSpec(ev.type).name;
    if (!ev.tables->hasString(ev.args[1]))
        fail("invalid string ID " + std::to_string(ev.args[1]) + " for " + what + " event");
    GoroutineState* s = m_goroutines.find(uint64_t(ctx.g));
    if (!s)
        fail(std::string("encountered ") + what + " without known state for current goroutine " + num(ctx.g));
    // Owned, not a view into this generation's strings: the region may end in a later one, when
    // the input bytes of this generation may have been released.
    const Region r{ev.args[0], intern(ev.tables->string(ev.args[1]))};
    if (ev.type == EvUserRegionBegin) {
        extras(ctx.g, *s).regions.push_back(r);
    } else if (s->hasExtras) {
        // Regions begun before the trace started end on an empty stack; that is fine.
        std::vector<Region>& regions = extras(ctx.g, *s).regions;
        if (!regions.empty()) {
            if (!(regions.back() == r))
                fail("misuse of region in goroutine " + num(ctx.g)
                     + ": region end when the inner-most active region start event is different");
            regions.pop_back();
        }
    }
    push(ev, ctx);
    return true;
}

bool OrderEngine::gcActive(Event& ev, Ctx& ctx, uint64_t gen)
{
    const uint64_t seq = ev.args[0];
    if (gen == m_initialGen) {
        if (m_gcState != GcState::Undetermined)
            fail("GCActive in the first generation isn't first GC event");
        m_gcSeq = seq;
        m_gcState = GcState::Running;
        push(ev, ctx);
        return true;
    }
    if (seq != m_gcSeq + 1)
        return false;
    if (m_gcState != GcState::Running)
        fail("encountered GCActive while GC was not in progress");
    m_gcSeq = seq;
    requireUser(ctx);
    push(ev, ctx);
    return true;
}

bool OrderEngine::gcBegin(Event& ev, Ctx& ctx)
{
    const uint64_t seq = ev.args[0];
    if (m_gcState == GcState::Undetermined) {
        m_gcSeq = seq;
        m_gcState = GcState::Running;
        push(ev, ctx);
        return true;
    }
    if (seq != m_gcSeq + 1)
        return false;
    if (m_gcState == GcState::Running)
        fail("encountered GCBegin while GC was already in progress");
    m_gcSeq = seq;
    m_gcState = GcState::Running;
    requireUser(ctx);
    push(ev, ctx);
    return true;
}

bool OrderEngine::gcEnd(Event& ev, Ctx& ctx)
{
    const uint64_t seq = ev.args[0];
    if (seq != m_gcSeq + 1)
        return false;
    if (m_gcState == GcState::NotRunning)
        fail("encountered GCEnd when GC was not in progress");
    if (m_gcState == GcState::Undetermined)
        fail("encountered GCEnd when GC was in an undetermined state");
    m_gcSeq = seq;
    m_gcState = GcState::NotRunning;
    requireUser(ctx);
    push(ev, ctx);
    return true;
}

bool OrderEngine::sweep(Event& ev, Ctx& ctx, uint64_t gen)
{
    const RangeKey key{EvGCSweepBegin, 0};
    if (ev.type == EvGCSweepActive) {
        ProcessorState* p = m_procs.find(ev.args[0]);
        if (!p)
            fail("encountered GCSweepActive for unknown proc " + std::to_string(ev.args[0]));
        p->ranges.active(key, gen == m_initialGen);
        push(ev, ctx);
        return true;
    }
    require(ctx, Need::Must, Need::Must, Need::May);
    ProcessorState& p = proc(ctx.p, wireSpec(ev.type).name);
    if (ev.type == EvGCSweepBegin)
        p.ranges.begin(key);
    else
        p.ranges.end(ev.type);
    push(ev, ctx);
    return true;
}

bool OrderEngine::goRange(Event& ev, Ctx& ctx, uint64_t gen)
{
    const char* what = wireSpec(ev.type).name;
    if (ev.type == EvGCMarkAssistActive) {
        GoroutineState* s = m_goroutines.find(ev.args[0]);
        if (!s)
            fail("uninitialized goroutine " + std::to_string(ev.args[0]) + " found during " + what);
        Ranges& ranges = extras(int64_t(ev.args[0]), *s).ranges;
        ranges.active(RangeKey{EvGCMarkAssistBegin, 0}, gen == m_initialGen);
        push(ev, ctx);
        return true;
    }
    requireUser(ctx);
    GoroutineState* s = m_goroutines.find(uint64_t(ctx.g));
    if (!s)
        fail(std::string("encountered ") + what + " without known state for current goroutine " + num(ctx.g));
    Ranges& ranges = extras(ctx.g, *s).ranges;
    if (ev.type == EvSTWBegin || ev.type == EvGCMarkAssistBegin) {
        ranges.begin(RangeKey{rangeBeginType(ev.type), ev.type == EvSTWBegin ? ev.args[0] : 0});
    } else {
        const uint64_t desc = ranges.end(ev.type);
        if (ev.type == EvSTWEnd)
            ev.args[0] = desc; // the end reports the kind of its begin
    }
    push(ev, ctx);
    return true;
}

} // namespace gs::gotrace
