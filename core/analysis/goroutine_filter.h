// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/model/event_store.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

class LoadContext;

// Two consecutive spans of one goroutine: the span's state is `to` and the one before it `from`
// (running->waiting is a goroutine blocking).
struct StateTransition
{
    SpanState from = SpanState::Running;
    SpanState to = SpanState::Waiting;

    bool operator==(const StateTransition&) const = default;
};

// Conditions that narrow the goroutines of a trace; every condition that is set must hold.
//
// Goroutine conditions look at the goroutine as a whole. Span conditions must all hold for the
// *same* span: "--state waiting --reason 'chan receive' --min-duration 10ms" keeps a goroutine
// that waited on a channel receive for at least 10 ms once, not one that waited 10 ms on a mutex
// and briefly on a channel. Regexes are Go's (GoRegex), searched (not anchored); a goroutine
// without a start function or label never matches a regex on it.
struct GoroutineFilter
{
    // --- goroutine conditions
    // State at the end of the time range (or of the trace), any of: the state of the span covering
    // that time. A goroutine that has exited by then, or not yet been created, has none.
    std::vector<SpanState> currentStates;
    std::string startFunctionRegex;       // in the start function's name
    std::string labelRegex;               // in the goroutine's label (traces: GoLabel)
    // runtime/trace annotations: in the type of a task the goroutine took part in (as go tool
    // trace counts them: summarizeTasks), of a region it marked, or in a log's category or message.
    std::string taskRegex;
    std::string regionRegex;
    std::string logRegex;

    // --- span conditions
    std::vector<SpanState> spanStates;         // the span's state, any of ("state ever entered")
    std::optional<StateTransition> transition; // the span is entered by this transition
    std::vector<std::string> reasons;          // the span's wait/stop reason, exactly one of
    std::optional<TimeNs> minDurationNs;       // span duration at least
    std::optional<TimeNs> maxDurationNs;       // span duration at most
    // A function of the stack at the transition into the span (the blocking call for waiting spans;
    // for runnable spans after a wake-up, the waker's stack, as the store records it).
    std::string stackRegex;

    // --- time range (absolute trace-clock ns), either side optional: spans must overlap it (end
    // after `fromNs`, start before `toNs`); durations are still those of the whole span.
    std::optional<TimeNs> fromNs;
    std::optional<TimeNs> toNs;

    bool hasSpanConditions() const;
    bool empty() const;
    bool operator==(const GoroutineFilter&) const = default;
};

struct GoroutineFilterResult
{
    std::vector<uint8_t> keep;          // per GoroutineRow: 1 when the goroutine passes
    size_t kept = 0;                    // number of ones in `keep`
    // Absolute span indexes (ascending) of kept goroutines that met the span conditions (or that
    // overlap the time range when there are no span conditions); empty when neither is set.
    std::vector<uint32_t> matchedSpans;
};

// The goroutines `result` keeps of a trace with `goroutines` rows, as a mask that shares the
// result's lifetime; null when there is no result or it keeps every goroutine: such a result
// filters nothing, and views skip their filtered paths.
inline std::shared_ptr<const std::vector<uint8_t>> keepMaskOf(const std::shared_ptr<const GoroutineFilterResult>& result,
                                                            size_t goroutines)
{
    if (!result || result->kept == goroutines)
        return nullptr;
    return {result, &result->keep}; // aliasing: the mask lives as long as the result
}

// Applies the filter to the store's trace. Fails only for an invalid regex or a store without a
// trace (a one-line message naming which). O(spans) with cancellation through `ctx` (throws Cancelled).
Result<GoroutineFilterResult> filterGoroutines(const EventStore& store, const GoroutineFilter& filter,
                                               LoadContext* ctx = nullptr);

// Durations of the spans in `state` (and with `reason`, when given) of the kept goroutines: of
// the matched spans when the result has them, else of every span. For the span-duration histogram.
std::vector<TimeNs> spanDurations(const TraceData& trace, const GoroutineFilterResult& result, SpanState state,
                                  std::optional<StringId> reason = std::nullopt);

// Text forms shared by the command line and the filter chips.
// States: "running", "runnable", "waiting", "syscall", "syscall-blocked" (spanStateName's words).
std::optional<SpanState> parseSpanState(std::string_view text);
// "running->waiting" (also "running→waiting").
Result<StateTransition> parseTransition(std::string_view text);
// A Go duration, with time.ParseDuration's syntax: "10ms", "1.5s", "250us" (or "µs"), "2m",
// "100ns", "1h30m", "0"; a leading '-' gives a negative one.
Result<TimeNs> parseDuration(std::string_view text);

} // namespace gs
