// SPDX-License-Identifier: MIT
#include "core/findings/trace_time.h"

#include "core/analysis/go_packages.h"

namespace gs::findings {

TimeNs goroutineTimeNs(const EventStore& store)
{
    const TraceData& trace = *store.trace;
    TimeNs total = 0;
    for (GoroutineRow row = 0; row < trace.goroutines.size(); ++row) {
        const FunctionId start = trace.goroutines.startFunctionOf(row);
        if (start != UINT32_MAX && isRuntimeGoroutineStart(store.symbols.functionName(start)))
            continue;
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
