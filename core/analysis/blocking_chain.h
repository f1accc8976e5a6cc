// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace gs {

// One hop of a blocking chain: a span of one goroutine and who ended it.
//
// For every hop but the last, the span is a wait and `wokenBy` is the goroutine whose action
// (an unlock, a send, a Done, a Signal) made it runnable, at `wokenAt`, with that goroutine's
// stack at the moment (`wakerStack`). The next hop is what the waker itself last waited for
// before it could do that, so following the hops walks back to the root cause. The last hop is
// where the trail ends: a wait nobody in the trace ended (a timer, the network poller, the end of
// the trace), or the span of a waker that had not waited since it last ran (the holder that kept
// a lock while running).
struct ChainHop
{
    GoroutineRow row = kNoRow;
    uint32_t span = 0;                // absolute index into TraceData::spans
    int64_t wokenBy = kNoGoroutineId; // kNoGoroutineId where the chain ends
    TimeNs wokenAt = 0;
    StackId wakerStack = 0;
};

// Who ended span `span` of row `row` by waking the goroutine: for a wait, the goroutine recorded on
// the runnable span that follows it; for that runnable span, the same goroutine. kNoGoroutineId
// when no goroutine did (a timer, the network poller, the runtime) or the span is neither.
int64_t wakerOf(const TraceData& trace, GoroutineRow row, uint32_t span);

// The chain of the wait at span `waitSpan` of goroutine row `row`, hop by hop, the first hop being
// that wait. Stops at the first goroutine met twice (a cycle) and after `maxHops` hops.
std::vector<ChainHop> blockingChain(const TraceData& trace, GoroutineRow row, uint32_t waitSpan, size_t maxHops = 64);

// The wait of row `row` covering time t, or, without t, its longest wait (ties: the first);
// nothing when the goroutine was not waiting then (or never waited).
std::optional<uint32_t> findWait(const TraceData& trace, GoroutineRow row, std::optional<TimeNs> t = std::nullopt);

// The forward direction: every wake-up `wakerId` did, as the woken goroutine's row and its span
// (Runnable after the wait), in time order.
struct WakeUp
{
    GoroutineRow row = kNoRow;
    uint32_t span = 0;
};
std::vector<WakeUp> wakeUpsBy(const TraceData& trace, int64_t wakerId);

} // namespace gs
