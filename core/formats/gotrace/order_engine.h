// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/paged_id_map.h"
#include "core/formats/gotrace/id_table.h"
#include "core/formats/gotrace/trace_event.h"

#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gs::gotrace {

// A trace the ordering cannot go on with, without the byte offset of the event: the engine does
// not track it, as every event would pay for that and nearly none needs it.
class OrderError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The scheduling state machine of the v2 format: it decides whether an event can happen yet
// (sequence numbers, statuses of the goroutine, proc and GC it refers to), applies its state
// change and queues the event(s) to report with their scheduling context, exactly as Go's
// internal/trace ordering does (FORMATS.md A.11).
//
// State: per goroutine and proc {wire status, sequence (gen, n), in-flight ranges}, per
// goroutine its user-region stack, per thread its bound goroutine and proc, active tasks, GC
// sequence. Goroutines live in a PagedIdMap (a server's long-lived goroutines are looked up
// without hashing) and procs in a dense ID table, so advance() is O(1) apart from range
// bookkeeping (a handful of entries). Inconsistent input throws OrderError; the caller knows
// where the event was read and reports it there.
class OrderEngine
{
public:
    struct ThreadState
    {
        int64_t g = kNoGoroutine;
        int64_t p = kNoProc;
    };

    // The state of thread `m`, created on first use; the address stays valid for the engine's
    // lifetime, so callers may cache it.
    ThreadState* thread(int64_t m) { return m == kNoThread ? nullptr : &m_threads[m]; }

    // What an advance did.
    enum class Outcome : uint8_t
    {
        NotYet, // the event cannot happen yet: nothing changed but `ev`'s context (m, p, g)
        One,    // `ev` now holds the one event to report
        More,   // `ev` holds the first event to report, the others are queued (pop)
    };

    // Tries to apply `ev` (type, time, wire args, tables set), read from the batches of thread
    // `m` in generation `gen`; `state` is thread(m). The queue must be empty (pop drains it).
    // Throws OrderError if the trace is broken.
    // `ev` is also where the first event to report goes: the engine completes it in place
    // (scheduling context, derived arguments) or overwrites it with a derived event, so the
    // common advance, one event reported as read, copies nothing.
    // Inline, with the handlers of the events that make up nearly every trace (a goroutine is
    // created, starts, blocks, stops or ends, is unblocked, enters and leaves a syscall; a
    // server creates and ends millions of goroutines): the decoder's loop is their only caller,
    // and each reports exactly `ev`, so that the loop needs no check of the queue after them.
    // beginGeneration(gen) must have been called for the generation of the first event.
    [[gnu::always_inline]] Outcome advance(Event& ev, int64_t m, ThreadState* state, uint64_t gen)
    {
        // Handlers write the thread's new context straight into its state, and only once they
        // know the event advances (a copy written back afterwards was reloaded by the compiler
        // as one wide load of two narrow stores: a store-forwarding stall on every event).
        // Handlers may add threads; unordered_map keeps element addresses across rehashing.
        // Events without a thread start from no context each time and keep none.
        if (!state) {
            m_noThread = ThreadState{};
            state = &m_noThread;
        }
        ThreadState& next = *state;
        Ctx ctx{m, next.p, next.g};
        // Nearly every event reports the context its thread had before it: set first, so that
        // the inline handlers need not keep it until they know the event advances (the
        // registers run short, and it was saved to the stack and read back for every event).
        // Handlers out of line may report another (push).
        report(ev, ctx);
        switch (ev.type) {
        case EvGoStart: return goStart(ev, ctx, next, gen) ? Outcome::One : Outcome::NotYet;
        case EvGoBlock:
        case EvGoStop:
        case EvGoDestroy: goStopExec(ev, ctx, next); return Outcome::One;
        case EvGoUnblock: return goUnblock(ev, gen) ? Outcome::One : Outcome::NotYet;
        case EvGoSyscallBegin: goSyscallBegin(ev, ctx, gen); return Outcome::One;
        case EvGoSyscallEnd: goSyscallEnd(ev, ctx); return Outcome::One;
        case EvGoCreate:
        case EvGoCreateBlocked: goCreate(ev, ctx, gen); return Outcome::One;
        default: {
            // A copy: the handlers out of line need the context in memory, the ones above not.
            Ctx other = ctx;
            return advanceOther(ev, other, next, gen);
        }
        }
    }

    // The first generation with events to order is the initial one, which Go's ordering treats
    // specially (statuses seen for the first time, ranges already active).
    void beginGeneration(uint64_t gen)
    {
        if (m_initialGen == 0)
            m_initialGen = gen;
    }

    // The queue is cleared whenever it is drained, so emptiness needs no size (a division by
    // sizeof(Event)).
    bool queueEmpty() const { return m_queue.empty(); }

    bool pop(Event& out)
    {
        if (queueEmpty())
            return false;
        out = m_queue[m_head++];
        if (m_head == m_queue.size()) {
            m_queue.clear();
            m_head = 0;
        }
        return true;
    }

    // Storage for strings that must outlive a generation (task types).
    std::string_view intern(std::string_view s);

private:
    struct Seq
    {
        uint64_t gen = 0;
        uint64_t n = 0;
        bool succeededBy(uint64_t g, uint64_t next) const { return gen == g && next == n + 1; }
    };
    struct RangeKey
    {
        uint8_t type = 0;  // the Begin event type
        uint64_t desc = 0; // STW kind string ID, 0 otherwise
        bool operator==(const RangeKey&) const = default;
    };
    struct Ranges
    {
        std::vector<RangeKey> inFlight;
        bool has(RangeKey k) const;
        void begin(RangeKey k);
        void active(RangeKey k, bool initialGen);
        uint64_t end(uint8_t endType);
    };
    struct Region
    {
        uint64_t task = 0;
        std::string_view name;
        bool operator==(const Region&) const = default;
    };
    // What every goroutine event reads, kept small: a server trace's goroutine table sees
    // millions of inserts and erases. The rarely used user regions and ranges live in
    // m_goroutineExtras, looked up only while hasExtras says an entry exists.
    struct GoroutineState
    {
        Seq seq;
        uint8_t status = 0;
        bool hasExtras = false;
    };
    struct GoroutineExtras
    {
        std::vector<Region> regions;
        Ranges ranges;
    };
    struct ProcessorState
    {
        uint8_t status = 0;
        Seq seq;
        Ranges ranges;
    };
    struct Ctx
    {
        int64_t m = kNoThread;
        int64_t p = kNoProc;
        int64_t g = kNoGoroutine;
    };
    struct Task
    {
        std::string_view name;
        uint64_t parent = kNoTask;
    };
    enum class Need : uint8_t
    {
        MustNot,
        May,
        Must,
    };
    enum class GcState : uint8_t
    {
        Undetermined,
        NotRunning,
        Running,
    };

    // Sets the context `ev` is reported with.
    static void report(Event& ev, const Ctx& ctx)
    {
        ev.m = ctx.m;
        ev.p = ctx.p;
        ev.g = ctx.g;
    }
    // The handlers out of line may report a derived event first, or several: the first goes to
    // the advance's output (m_direct, set by advanceOther), the others to the queue.
    void push(const Event& ev, const Ctx& ctx)
    {
        Event* target = m_direct;
        if (!target) {
            pushQueued(ev, ctx.m, ctx.p, ctx.g);
            return;
        }
        m_direct = nullptr; // only the first event goes there
        if (target != &ev)
            *target = ev;
        report(*target, ctx);
    }
    // The out-of-line paths take the context's fields, not a reference: a reference would make
    // the compiler keep the context in memory on the hot paths too.
    void pushQueued(const Event& ev, int64_t m, int64_t p, int64_t g);
    // Checks the thread/proc/goroutine context an event needs; the failure path is out of line.
    void require(const Ctx& ctx, Need m, Need p, Need g) const
    {
        if (!satisfies(m, ctx.m != kNoThread) || !satisfies(p, ctx.p != kNoProc)
            || !satisfies(g, ctx.g != kNoGoroutine))
            failRequirement(Ctx{ctx.m, ctx.p, ctx.g}, m, p, g);
    }
    static bool satisfies(Need need, bool present)
    {
        return need == Need::May || (need == Need::Must) == present;
    }
    [[noreturn]] void failRequirement(const Ctx& ctx, Need m, Need p, Need g) const;
    void requireUser(const Ctx& ctx) const { require(ctx, Need::Must, Need::Must, Need::Must); }
    [[noreturn]] void fail(const std::string& message) const;
    // The goroutine an event of `type` refers to, which must exist.
    GoroutineState& goroutine(int64_t id, uint8_t type) const
    {
        GoroutineState* s = m_goroutines.find(uint64_t(id));
        if (!s)
            failMissingGoroutine(id, type);
        return *s;
    }
    [[noreturn]] void failMissingGoroutine(int64_t id, uint8_t type) const;
    [[noreturn]] void failGoroutineExists(int64_t id) const;
    // The regions and ranges of goroutine `id`, whose state is `s`, created on first use.
    GoroutineExtras& extras(int64_t id, GoroutineState& s);
    // Inline, with the rare extras out of line: every goroutine of a server ends.
    void eraseGoroutine(int64_t id, bool hasExtras)
    {
        if (hasExtras)
            eraseExtras(id);
        m_goroutines.erase(uint64_t(id));
    }
    void eraseExtras(int64_t id);
    [[noreturn]] void failNotRunning(uint8_t type) const;
    [[noreturn]] void failNotInSyscall(uint8_t type) const;
    ProcessorState& proc(int64_t id, const char* what) const
    {
        ProcessorState* s = m_procs.find(uint64_t(id));
        if (!s)
            failMissingProc(id, what);
        return *s;
    }
    [[noreturn]] void failMissingProc(int64_t id, const char* what) const;
    [[noreturn]] void failSyscallSequence(uint64_t from, uint64_t to) const;
    [[noreturn]] void failProcNotInSyscall(int64_t id, uint8_t status) const;

    // Handlers return false (advanceOther NotYet), changing nothing, when the event cannot
    // advance yet; those returning nothing always advance. `next` is the state of the event's
    // thread, which they update once the event advances.
    Outcome advanceOther(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen);
    bool procStatus(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen);
    bool procStart(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen);
    bool procStop(Event& ev, Ctx& ctx, ThreadState& next);
    bool procSteal(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen);
    bool goStatus(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen);
    // GoCreate, GoCreateBlocked.
    void goCreate(Event& ev, Ctx& ctx, uint64_t gen)
    {
        require(ctx, Need::Must, Need::Must, Need::May);
        if (const GoroutineState* cur = m_goroutines.find(uint64_t(ctx.g)); cur && cur->status != GoStatusRunning)
            failNotRunning(ev.type);
        const int64_t created = int64_t(ev.args[0]);
        GoroutineState fresh;
        fresh.status = ev.type == EvGoCreateBlocked ? GoStatusWaiting : GoStatusRunnable;
        fresh.seq = Seq{gen, 0};
        if (!m_goroutines.insert(uint64_t(created), fresh)) // one probe: fails if it exists
            failGoroutineExists(created);
    }
    // GoBlock, GoStop, GoDestroy.
    [[gnu::always_inline]] void goStopExec(Event& ev, Ctx& ctx, ThreadState& next)
    {
        requireUser(ctx);
        GoroutineState& s = goroutine(ctx.g, ev.type);
        if (s.status != GoStatusRunning)
            failNotRunning(ev.type);
        if (ev.type == EvGoDestroy)
            eraseGoroutine(ctx.g, s.hasExtras);
        else
            s.status = ev.type == EvGoStop ? GoStatusRunnable : GoStatusWaiting;
        next.g = kNoGoroutine;
    }
    bool goStart(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen)
    {
        const int64_t gid = int64_t(ev.args[0]);
        GoroutineState* s = m_goroutines.find(uint64_t(gid));
        if (!s || s->status != GoStatusRunnable || !s->seq.succeededBy(gen, ev.args[1]))
            return false;
        require(ctx, Need::Must, Need::Must, Need::MustNot);
        s->status = GoStatusRunning;
        s->seq = Seq{gen, ev.args[1]};
        next.g = gid;
        return true;
    }
    bool goUnblock(Event& ev, uint64_t gen)
    {
        GoroutineState* s = m_goroutines.find(ev.args[0]);
        if (!s || s->status != GoStatusWaiting || !s->seq.succeededBy(gen, ev.args[1]))
            return false;
        s->status = GoStatusRunnable;
        s->seq = Seq{gen, ev.args[1]};
        return true;
    }
    bool goSwitch(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen);
    void goSyscallBegin(Event& ev, Ctx& ctx, uint64_t gen)
    {
        requireUser(ctx);
        GoroutineState& s = goroutine(ctx.g, ev.type);
        if (s.status != GoStatusRunning)
            failNotRunning(ev.type);
        s.status = GoStatusSyscall;
        ProcessorState& p = proc(ctx.p, "GoSyscallBegin");
        p.status = ProcStatusSyscall;
        if (!p.seq.succeededBy(gen, ev.args[0]))
            failSyscallSequence(p.seq.n, ev.args[0]);
        p.seq = Seq{gen, ev.args[0]};
    }
    void goSyscallEnd(Event& ev, Ctx& ctx)
    {
        requireUser(ctx);
        GoroutineState& s = goroutine(ctx.g, ev.type);
        if (s.status != GoStatusSyscall)
            failNotInSyscall(ev.type);
        s.status = GoStatusRunning;
        ProcessorState& p = proc(ctx.p, "GoSyscallEnd");
        if (p.status != ProcStatusSyscall)
            failProcNotInSyscall(ctx.p, p.status);
        p.status = ProcStatusRunning;
    }
    bool goSyscallEndBlocked(Event& ev, Ctx& ctx, ThreadState& next);
    bool goCreateSyscall(Event& ev, Ctx& ctx, ThreadState& next, uint64_t gen);
    bool goDestroySyscall(Event& ev, Ctx& ctx, ThreadState& next);
    bool userTaskBegin(Event& ev, Ctx& ctx);
    bool userTaskEnd(Event& ev, Ctx& ctx);
    bool userRegion(Event& ev, Ctx& ctx);
    bool gcActive(Event& ev, Ctx& ctx, uint64_t gen);
    bool gcBegin(Event& ev, Ctx& ctx);
    bool gcEnd(Event& ev, Ctx& ctx);
    bool sweep(Event& ev, Ctx& ctx, uint64_t gen);
    bool goRange(Event& ev, Ctx& ctx, uint64_t gen);

    mutable PagedIdMap<GoroutineState> m_goroutines;
    std::unordered_map<uint64_t, GoroutineExtras> m_goroutineExtras;
    mutable IdTable<ProcessorState> m_procs;
    std::unordered_map<int64_t, ThreadState> m_threads;
    std::unordered_map<uint64_t, Task> m_tasks;
    std::deque<std::string> m_internedStorage; // deque: stored strings never move
    std::unordered_map<std::string_view, std::string_view> m_interned;
    uint64_t m_gcSeq = 0;
    GcState m_gcState = GcState::Undetermined;
    uint64_t m_initialGen = 0;
    std::vector<Event> m_queue;
    size_t m_head = 0;
    Event* m_direct = nullptr; // where push() puts the first event of an advance out of line
    ThreadState m_noThread; // the context of an event without a thread, while it is advanced
};

} // namespace gs::gotrace
