// SPDX-License-Identifier: MIT
#pragma once

#include "core/formats/gotrace/trace_event.h"

#include <cstddef>
#include <span>

namespace gs::gotrace {

// Fills out[filled...] with next(event) until `out` is full, the events end (next returns
// false) or a Sync event is stored: a batch ends there, so the events in it keep valid tables
// while the consumer reads it. Before each next(), run(events, count, capacity) may deliver a
// stretch of events at once, none of them a Sync, into events[count, capacity), counting them in
// `count`; next() then takes the event it stopped at. `filled` stays exact if either throws. A
// template so that each decoder's steps can be inlined into its loop.
template<typename Next, typename Run>
inline void fillEventBatch(std::span<Event> out, size_t& filled, Next&& next, Run&& run)
{
    // Counted in a local, written back on the way out (a throw included): `filled` is a
    // size_t in memory, which the compiler must assume each store to an event's uint64_t
    // arguments could change, so it would reload and store it for every event.
    struct WriteBack
    {
        size_t& target;
        size_t value;
        ~WriteBack() { target = value; }
    } count{filled, filled};
    Event* const events = out.data();
    const size_t capacity = out.size();
    while (count.value < capacity) {
        run(events, count.value, capacity);
        if (count.value == capacity || !next(events[count.value]))
            return;
        if (events[count.value++].type == EvSyncMarker)
            return;
    }
}

// The same for a decoder that delivers one event at a time.
template<typename Next>
inline void fillEventBatch(std::span<Event> out, size_t& filled, Next&& next)
{
    fillEventBatch(out, filled, next, [](Event*, size_t&, size_t) {});
}

} // namespace gs::gotrace
