// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/trace_diff.h"
#include "widgets/common/compared_table_model.h"

namespace gs::ui {

// A trace comparison (diffTraces) as the compare tab's tables, in the diff's order. Pure
// functions of the diff, safe on any thread.

// Per start function: goroutines, total, exec, sched wait, syscall and blocked time, each summed
// over the function's goroutines (go tool trace's goroutine analysis). The blocked cells'
// tooltips break the time down by wait reason.
ComparedTable startFunctionComparison(const TraceDiff& diff);

// Per region type: count and the p50, p90, p99 and max latencies.
ComparedTable regionTypeComparison(const TraceDiff& diff);

} // namespace gs::ui
