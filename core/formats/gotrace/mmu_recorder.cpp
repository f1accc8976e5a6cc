// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/mmu_recorder.h"

#include <algorithm>

namespace gs::gotrace {

namespace {

bool executing(uint8_t state)
{
    return GoState(state) == GoState::Running || GoState(state) == GoState::Syscall;
}

} // namespace

void MmuRecorder::add(const Event& ev, EventKind kind)
{
    switch (ev.type) {
    case EvSyncMarker:
        m_syncs = ev.syncNumber();
        if (m_syncs > 1)
            m_executing = FlatIdMap<bool>(); // only restated ranges of the first generation ask
        break;
    case EvProcsChange:
        m_sawProcs = m_sawProcs || ev.metricValue() > 0;
        record(ev, MmuEvent::Kind::Procs, int64_t(ev.metricValue()));
        break;
    case EvGoLabel:
        if (const std::string_view label = ev.label(); label.starts_with("GC ") && label != "GC (idle)") {
            if (auto it = std::lower_bound(m_workers.begin(), m_workers.end(), ev.g); it == m_workers.end() || *it != ev.g)
                m_workers.insert(it, ev.g);
            record(ev, MmuEvent::Kind::WorkerLabel, ev.g, label == "GC (dedicated)" ? MmuEvent::kDedicated : 0);
        }
        break;
    default:
        if (kind == EventKind::RangeBegin || kind == EventKind::RangeActive || kind == EventKind::RangeEnd)
            range(ev, kind);
        break;
    }
}

void MmuRecorder::range(const Event& ev, EventKind kind)
{
    const bool begins = kind != EventKind::RangeEnd;
    const bool restated = kind == EventKind::RangeActive;
    if (restated && m_syncs > 1)
        return; // Go's analysis knows of these ranges already
    switch (ev.type) {
    case EvSTWBegin:
    case EvSTWEnd:
        // Only the GC's: "stop-the-world (GC mark termination)", not a user's ReadMemStats.
        if (ev.stwKind().find("GC") != std::string_view::npos)
            record(ev, begins ? MmuEvent::Kind::StwBegin : MmuEvent::Kind::StwEnd, 0);
        break;
    case EvGCSweepBegin:
    case EvGCSweepActive:
    case EvGCSweepEnd:
        record(ev, begins ? MmuEvent::Kind::SweepBegin : MmuEvent::Kind::SweepEnd, 0, restated ? MmuEvent::kRestated : 0);
        break;
    case EvGCMarkAssistBegin:
    case EvGCMarkAssistActive:
    case EvGCMarkAssistEnd: {
        const int64_t g = ev.rangeScopeId();
        if (begins)
            m_assisting.insert(uint64_t(g), true);
        else
            m_assisting.erase(uint64_t(g));
        uint8_t flags = 0;
        if (restated)
            flags = MmuEvent::kRestated | (m_executing.find(uint64_t(ev.g)) ? MmuEvent::kExecuting : 0);
        record(ev, begins ? MmuEvent::Kind::AssistBegin : MmuEvent::Kind::AssistEnd, g, flags);
        break;
    }
    default:
        break;
    }
}

void MmuRecorder::transition(const Event& ev, const StateTransition& st)
{
    if (!st.isGoroutine)
        return;
    const bool was = executing(st.from), is = executing(st.to);
    if (m_sawProcs && m_syncs <= 1) {
        if (is)
            m_executing.insert(uint64_t(st.id), true);
        else
            m_executing.erase(uint64_t(st.id));
    }
    if (was != is && (m_assisting.find(uint64_t(st.id))
                      || std::binary_search(m_workers.begin(), m_workers.end(), st.id)))
        record(ev, is ? MmuEvent::Kind::Run : MmuEvent::Kind::Stop, st.id);
}

void MmuRecorder::record(const Event& ev, MmuEvent::Kind kind, int64_t id, uint8_t flags)
{
    m_out.push_back({ev.time, id, int32_t(ev.p), kind, flags});
}

} // namespace gs::gotrace
