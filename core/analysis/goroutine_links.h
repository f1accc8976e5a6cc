// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/flame_tree.h"
#include "core/analysis/trace_profiles.h"
#include "core/model/event_store.h"

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace gs {

// How one goroutine fed a flame-graph frame of a trace-derived profile: its share of the frame's
// value (nanoseconds in the state, or CPU samples) and the stretches of time that made it up, so
// the timeline can show and highlight them.
struct FrameContribution
{
    GoroutineRow row = kNoRow;
    int64_t value = 0;
    int64_t count = 0;
    std::vector<std::pair<TimeNs, TimeNs>> stretches; // in time order; CPU samples are instants
};

// The goroutines whose stretches of `kind` pass through the flame-graph frame at `path`: function
// names from the tree's root to the frame (outermost caller first for a top-down tree, leaf first
// for a bottom-up one). Sorted by value, largest first. `keep` restricts the goroutines (empty: all).
std::vector<FrameContribution> frameContributors(const EventStore& traceStore, TraceProfileKind kind,
                                                 std::span<const std::string> path, FlameDirection direction,
                                                 std::span<const uint8_t> keep = {});

// The goroutines whose stacks anywhere in the trace (state transitions, CPU samples)
// contain the function named `function` — the link from a frame of a pprof profile of the same
// program to the trace. Ascending rows.
std::vector<GoroutineRow> goroutinesRunning(const EventStore& traceStore, std::string_view function);

} // namespace gs
