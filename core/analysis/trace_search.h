// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/go_regex.h"
#include "core/model/event_store.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

class LoadContext;

// What a hit of "search everything" is.
enum class TraceSearchKind : uint8_t
{
    Goroutine,     // a goroutine whose decimal ID or label matched
    StartFunction, // a start function, leading to the goroutines that began in it
    Function,      // a function in a stack, leading to the goroutines whose stacks hold it
    RegionType,    // a runtime/trace region type, leading to its regions
    TaskType,      // a runtime/trace task type, leading to its tasks
    Log,           // a runtime/trace log whose category or message matched
};
constexpr size_t kTraceSearchKindCount = 6;

// "Goroutines", "Start functions", ... : the heading of a kind's group.
const char* traceSearchKindName(TraceSearchKind kind);

// Where a hit leads on the timeline: a goroutine, and the time range [start, end] to select on
// it (start and end -1: none, the goroutine alone).
struct TraceSearchPlace
{
    int64_t goroutine = kNoGoroutineId;
    TimeNs start = -1;
    TimeNs end = -1;

    bool hasRange() const { return start >= 0 && end >= start; }
    bool operator==(const TraceSearchPlace&) const = default;
};

struct TraceSearchHit
{
    std::string text;        // what matched, as shown: "G123", a function, a type, "category: message"
    size_t matchOffset = 0;  // the first match in `text`, in bytes, for highlighting
    size_t matchLength = 0;
    TraceSearchPlace place;  // where choosing the hit leads (the first of `places` for shared names)
    // For a name many things share (a function, a region type): its first uses in the order the
    // store keeps them (goroutine rows; regions by goroutine, then start; tasks by ID) ...
    std::vector<TraceSearchPlace> places;
    size_t placeCount = 0;   // ... and how many there are in all: goroutines, regions or tasks
};

struct TraceSearchGroup
{
    TraceSearchKind kind = TraceSearchKind::Goroutine;
    std::vector<TraceSearchHit> hits; // the first TraceSearchLimits::hitsPerKind
    size_t total = 0;                 // how many hits there are in all
};

struct TraceSearchLimits
{
    size_t hitsPerKind = 1000;
    size_t placesPerHit = 100;
};

// Every group, in TraceSearchKind order (empty ones included).
struct TraceSearchResult
{
    std::array<TraceSearchGroup, kTraceSearchKindCount> groups;

    const TraceSearchGroup& group(TraceSearchKind kind) const { return groups[size_t(kind)]; }
    size_t total() const;
};

// Searches everything of the store's trace a person may name with `pattern` (searched, not
// anchored): goroutine IDs (as decimal text, so "^123$" finds G123) and labels; start functions;
// the functions of every stack the trace keeps (goroutine creation, state transitions, region
// begin and end, logs, CPU samples); region and task types; log categories and messages.
// Hits of a goroutine follow goroutine IDs; start functions and functions come by how many
// goroutines they lead to, most first, then by name; region and task types by name; logs in the
// store's order. Each distinct string, function and stack is matched once, whatever the number
// of goroutines and spans sharing it: O(goroutines + spans + annotations) otherwise, with
// cancellation through `ctx` (throws Cancelled). An empty result for a store without a trace.
TraceSearchResult searchTrace(const EventStore& store, const GoRegex& pattern, const TraceSearchLimits& limits = {},
                              LoadContext* ctx = nullptr);
// The same for a pattern as typed; fails for an invalid one ("invalid search regex '(': missing ): (").
Result<TraceSearchResult> searchTrace(const EventStore& store, std::string_view pattern,
                                      const TraceSearchLimits& limits = {}, LoadContext* ctx = nullptr);

} // namespace gs
