// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <cstddef>
#include <string_view>

namespace gs {

// Where "go to goroutine" lands, and how many goroutines the query matched.
struct GoroutineSearchHit
{
    GoroutineRow row = kNoRow; // kNoRow: nothing matched
    size_t matches = 0;
};

// The goroutine a "go to" query names. "123", "G123" or "g123" (spaces around ignored) is the
// goroutine with ID 123. Any other text is part of a start function's name, matched without
// regard to case: the hit is the first matching goroutine in ID order after `after` (wrapping
// around), so asking again with the last hit steps through all of them. O(goroutines).
GoroutineSearchHit searchGoroutine(const EventStore& store, std::string_view query, GoroutineRow after = kNoRow);

} // namespace gs
