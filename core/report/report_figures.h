// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"
#include "core/report/report_model.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace gs::report {

// The key figures of a capture for a postmortem report, as sections of plain text cells: the
// numbers the CLI and the views show, computed again from the store (cheap next to writing the
// report, and independent of what a view happens to be filtered to). Pure functions of the store.

// A wait whose blocking chain was followed during the investigation (shown in the chain panel).
struct FollowedWait
{
    GoroutineRow row = kNoRow;
    uint32_t span = 0; // absolute index into TraceData::spans
};

// The capture's line in the report's header: `fileName`, the format and what else names it.
ReportCapture describeCapture(const EventStore& store, std::string_view fileName);
// The time the capture covers ("1.25s traced"), or empty when it has none.
std::string captureTimeRange(const EventStore& store);

// The first `limit` rows of the top table, ranked as `goroscope-cli top` (pprof -top) ranks them:
// a profile's default sample type; for a trace, its CPU samples, else the sync blocking profile
// as `go tool trace -pprof=sync` derives it. Nothing when there are no stacks with weight.
std::optional<ReportSection> topFunctionsSection(const EventStore& store, size_t limit = 15);

// Goroutines by state. A trace: per state (and per wait reason), how many goroutines spent time in
// it and how much in all, from the goroutine analysis (`go tool trace`'s numbers). A dump: the
// goroutines grouped by status, with their wait times. Nothing for other captures.
std::optional<ReportSection> goroutineStatesSection(const EventStore& store);

// One table per followed wait, hop by hop as gs::blockingChain walks it: goroutine, state, reason,
// start and end (since the trace start), who woke it or why the trail ends, and the innermost
// frame. Waits that are not waits of this trace are skipped; nothing when none is left.
std::optional<ReportSection> followedChainsSection(const EventStore& store, std::span<const FollowedWait> waits);

} // namespace gs::report
