// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/blocking_chain.h"
#include "core/model/event_store.h"

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace gs::findings {

// What the program's waits were on, named once per (stack, reason) since waits repeat a few
// combinations. A wait is the program's own when Go's sync profile counts it (channels, select,
// sync primitives) and it is not on one of the runtime's internal semaphores (reason "sync" with
// no sync type on the stack: waiting for the GC to start or stop, for a stop-the-world, for the
// tracer) — those are the GC's cost, not one goroutine's hold on another.
class ProgramWaits
{
public:
    explicit ProgramWaits(const EventStore& store)
        : m_store(store)
    {
    }
    // The object span `span` waited on ("sync.Mutex", "chan receive"), or "" when the span is not
    // a wait of the program's own.
    const std::string& objectOf(uint32_t span);

private:
    const EventStore& m_store;
    std::unordered_map<uint64_t, std::string> m_objects; // by stack << 32 | reason
};

// The blocking chain (blockingChain) of wait `span` of `row`, followed while the wakers' own
// previous waits are the program's: a waker that before letting the waiter go ran, slept, was
// preempted, made a system call or waited on the network is where the chain ends. A caller that
// only needs the hops whose waits ended after `needFrom` (blameWait: the first wait's start) has
// the walk stop at the first wait that ended by then.
struct ProgramChain
{
    std::vector<ChainHop> waits; // the program waits, the waiter's first
    // The span the chain ended in, of the last waker: what it did instead of waiting on the program
    // (its sleep, its run, its network wait); nothing when the trail ended otherwise.
    std::optional<ChainHop> end;
};
ProgramChain programChain(const TraceData& trace, ProgramWaits& waits, GoroutineRow row, uint32_t span,
                          size_t maxHops, TimeNs needFrom = std::numeric_limits<TimeNs>::min());

// The hop whose waker is the root of the chain: the last one that somebody ended; nothing when
// nobody woke the first waiter.
const ChainHop* rootHop(const ProgramChain& chain);

// Whether span `span` is a wait on the network poller.
bool isNetworkWait(const EventStore& store, uint32_t span);

// A part of one wait charged to the goroutine that kept the waiter waiting then.
struct WaitBlame
{
    int64_t goroutine = kNoGoroutineId;
    StackId stack = 0; // the goroutine's stack when it woke the next one down the chain
    TimeNs ns = 0;
};

// Splits the first wait of `chain` (programChain) among its goroutines. A goroutine that woke the
// waiter, but had itself been woken out of a wait by another, held the waiter up only since that
// wait ended; the time before goes further down the chain. The root takes the rest, unless it had
// been waiting on the network: the time before its network wait ended was spent waiting for a
// peer, and is charged to nobody. So workers queued on a mutex charge the holder that slept with
// it, not the worker that happened to unlock just before them. Empty when nobody woke the waiter.
std::vector<WaitBlame> blameWait(const EventStore& store, const ProgramChain& chain);

} // namespace gs::findings
