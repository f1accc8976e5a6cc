// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <cstddef>

namespace gs::ui {

// Views lay out, sort and sum a trace of at most this many goroutines and spans on the GUI thread,
// at once (a sort by blocked time or a group activity walks the spans); larger ones on the thread
// pool, the previous result shown meanwhile.
constexpr size_t kInlineGoroutines = 50000;
constexpr size_t kInlineSpans = 1000000;

inline bool needsBackgroundWork(const TraceData& trace)
{
    return trace.goroutines.size() > kInlineGoroutines || trace.spans.size() > kInlineSpans;
}

} // namespace gs::ui
