// SPDX-License-Identifier: MIT
#include "core/findings/trace_time.h"

namespace gs::findings {

TimeNs goroutineTimeNs(const TraceData& trace)
{
    TimeNs total = 0;
    for (GoroutineRow row = 0; row < trace.goroutines.size(); ++row) {
        const auto [first, last] = trace.spans.rowRange(row);
        if (first < last)
            total += trace.spans.endOf(last - 1) - trace.spans.startOf(first);
    }
    return total;
}

double shareOf(TimeNs part, TimeNs whole)
{
    return whole > 0 ? double(part) / double(whole) : 0;
}

} // namespace gs::findings
