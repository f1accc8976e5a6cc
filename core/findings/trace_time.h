// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <cstddef>

// The scale trace findings weigh themselves on.
namespace gs::findings {

// The program's goroutines' time in the trace: for every goroutine but the runtime's own (GC
// workers, the sweeper, the tracer's reader: started in package runtime or runtime/...), from its
// first span's start to its last span's end, summed. A wait's share of it is how much of the
// program's life the wait took; the runtime's goroutines, parked nearly all the time, would only
// dilute it.
TimeNs goroutineTimeNs(const EventStore& store);

// A finding lists at most this many goroutines of a kind (holders, waiters, callers); how many
// there were is in its evidence.
constexpr size_t kListedGoroutines = 50;

// part / whole, 0 when whole is not positive.
double shareOf(TimeNs part, TimeNs whole);

} // namespace gs::findings
