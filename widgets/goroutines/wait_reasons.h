// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <vector>

namespace gs::ui {

// The wait reasons a trace's goroutines were blocked on (the keys of GoroutineStats::
// blockNsByReason), most total blocked time first, ties by string id. These are the goroutine
// table's per-reason columns and the filter bar's reason choices. O(spans).
std::vector<StringId> waitReasons(const TraceData& trace);

} // namespace gs::ui
