// SPDX-License-Identifier: MIT
#pragma once

#include "app/gui/session_file.h"
#include "core/model/trace_data.h"
#include "widgets/navigation/nav_location.h"

namespace gs::app {

// A NavLocation of `trace` in session-file terms: rows become Go goroutine IDs, spans a goroutine
// and start time, times are relative to the trace start.
SessionPlace toSessionPlace(const ui::NavLocation& location, const TraceData& trace);

// Back to a NavLocation of `trace` (the same file, loaded again). What the trace does not have (a
// goroutine ID, a span starting at that time) is left unselected rather than guessed.
ui::NavLocation toNavLocation(const SessionPlace& place, const TraceData& trace);

} // namespace gs::app
