// SPDX-License-Identifier: MIT
#include "core/model/trace_data.h"

#include <algorithm>
#include <map>

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

void SpanTable::buildCheckpoints()
{
    const size_t rows = offsets.size() - 1;
    checkpointOffsets.assign(rows + 1, 0);
    for (size_t r = 0; r < rows; ++r)
        checkpointOffsets[r + 1] = checkpointOffsets[r] + (offsets[r + 1] - offsets[r]) / kCheckpointEvery + 1;
    checkpoints.assign(size_t(checkpointOffsets[rows]) * kSpanStateCount, 0);
    for (size_t r = 0; r < rows; ++r) {
        TimeNs running[kSpanStateCount] = {};
        size_t cp = checkpointOffsets[r];
        const uint32_t b = offsets[r], e = offsets[r + 1];
        // Checkpoint k holds the totals of the spans before local index k * kCheckpointEvery.
        for (uint32_t i = b; i <= e; ++i) {
            if ((i - b) % kCheckpointEvery == 0 && cp < checkpointOffsets[r + 1])
                std::copy(running, running + kSpanStateCount, &checkpoints[cp++ * kSpanStateCount]);
            if (i < e)
                running[size_t(state[i])] += end[i] - start[i];
        }
    }
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

void TraceData::computeGoroutineStats(StringId foreverReason)
{
    const SpanTable& s = spans;
    for (GoroutineRow row = 0; row < goroutines.size(); ++row) {
        Goroutine& g = goroutines[row];
        GoroutineStats& st = g.stats;
        st = GoroutineStats {};
        std::map<StringId, TimeNs> blocked;
        const uint32_t first = s.offsets[row], last = s.offsets[row + 1];
        for (uint32_t i = first; i < last; ++i) {
            const TimeNs d = s.endOf(i) - s.startOf(i);
            switch (s.stateOf(i)) {
            case SpanState::Running:
                st.execNs += d;
                break;
            case SpanState::Runnable:
                st.schedWaitNs += d;
                break;
            case SpanState::Waiting:
                if (s.reasonOf(i) != foreverReason)
                    blocked[s.reasonOf(i)] += d;
                break;
            case SpanState::Syscall:
                st.syscallNs += d;
                break;
            case SpanState::SyscallBlocked:
                st.syscallBlockNs += d;
                break;
            }
        }
        // Go's analysis closes a syscall still blocked at the end of the trace differently:
        // the whole syscall counts as syscall time and its blocked part as scheduler wait.
        if (g.endNs < 0 && last > first && s.stateOf(last - 1) == SpanState::SyscallBlocked) {
            const TimeNs blockedPart = s.endOf(last - 1) - s.startOf(last - 1);
            st.syscallBlockNs -= blockedPart;
            st.syscallNs += blockedPart;
            st.schedWaitNs += blockedPart;
        }
        st.blockNsByReason.assign(blocked.begin(), blocked.end());
        st.totalNs = (g.endNs >= 0 ? g.endNs : endNs) - g.createdNs;
    }
}

} // namespace gs
