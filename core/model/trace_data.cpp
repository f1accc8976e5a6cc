// SPDX-License-Identifier: MIT
#include "core/model/trace_data.h"

#include <algorithm>

namespace gs {

const char* spanStateName(SpanState s)
{
    switch (s) {
    case SpanState::Running:
        return "running";
    case SpanState::Runnable:
        return "runnable";
    case SpanState::Waiting:
        return "waiting";
    case SpanState::Syscall:
        return "syscall";
    case SpanState::SyscallBlocked:
        return "syscall (blocked)";
    }
    return "unknown";
}

uint32_t SpanTable::firstEndingAfter(GoroutineRow r, TimeNs t) const
{
    auto [b, e] = rowRange(r);
    auto it = std::upper_bound(end.begin() + b, end.begin() + e, t);
    return uint32_t(it - end.begin());
}

void SpanTable::stateMix(GoroutineRow r, uint32_t begin, uint32_t endSpan, TimeNs out[kSpanStateCount]) const
{
    std::fill(out, out + kSpanStateCount, 0);
    if (begin >= endSpan)
        return;
    const uint32_t rowBegin = offsets[r];
    // cumulative(i): per-state totals of the row's spans before absolute index i.
    auto cumulative = [&](uint32_t i, TimeNs sign) {
        const uint32_t local = i - rowBegin;
        const uint32_t cp = local / kCheckpointEvery;
        const TimeNs* base = &checkpoints[(size_t(checkpointOffsets[r]) + cp) * kSpanStateCount];
        for (size_t s = 0; s < kSpanStateCount; ++s)
            out[s] += sign * base[s];
        for (uint32_t k = rowBegin + cp * kCheckpointEvery; k < i; ++k)
            out[size_t(state[k])] += sign * (end[k] - start[k]);
    };
    cumulative(endSpan, +1);
    cumulative(begin, -1);
}

GoroutineRow TraceData::rowOf(int64_t goroutineId) const
{
    auto it = std::lower_bound(rowById.begin(), rowById.end(), goroutineId,
                               [](const auto& p, int64_t id) { return p.first < id; });
    return it != rowById.end() && it->first == goroutineId ? it->second : kNoRow;
}

} // namespace gs
