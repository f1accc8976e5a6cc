// SPDX-License-Identifier: MIT
#pragma once

#include "core/formats/gotrace/trace_event.h"

#include <cstddef>
#include <span>

namespace gs::gotrace {

// Fills out[filled...] with next(event) until `out` is full, the events end (next returns
// false) or a Sync event is stored: a batch ends there, so the events in it keep valid tables
// while the consumer reads it. `filled` stays exact if next() throws. A template so that each
// decoder's per-event step can be inlined into its loop.
template<typename Next>
inline void fillEventBatch(std::span<Event> out, size_t& filled, Next&& next)
{
    while (filled < out.size() && next(out[filled])) {
        if (out[filled++].type == EvSyncMarker)
            return;
    }
}

} // namespace gs::gotrace
