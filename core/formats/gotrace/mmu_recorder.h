// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/flat_id_map.h"
#include "core/formats/gotrace/trace_event.h"
#include "core/model/trace_data.h"

#include <cstdint>
#include <vector>

namespace gs::gotrace {

// Picks from the ordered event stream the events the minimum mutator utilisation needs
// (TraceData::mmuEvents), under any of its options: go tool trace's analysis walks every event
// once per set of options, which the store cannot, so what that walk reacts to is written down
// here and replayed later (core/analysis/mmu.cpp).
//
// What it reacts to: GOMAXPROCS changes; stop-the-world ranges for the GC; sweep and mark-assist
// ranges (their Active restatements only in the first generation, as Go ignores later ones);
// GC worker labels; and a goroutine starting or stopping to execute (run or syscall) while it is
// in a mark assist or has been labelled a GC worker. Go writes the utilisation down at every event,
// but it changes only at these (event times strictly increase, so no change waits for a later one).
class MmuRecorder
{
public:
    explicit MmuRecorder(std::vector<MmuEvent>& out)
        : m_out(out)
    {
    }

    // Every event, of kind ev.kind(); a state transition's part is done by transition().
    void add(const Event& ev, EventKind kind);
    // The transition `st` of state transition event `ev`, decoded once by the caller.
    void transition(const Event& ev, const StateTransition& st);

private:
    void range(const Event& ev, EventKind kind);
    void record(const Event& ev, MmuEvent::Kind kind, int64_t id, uint8_t flags = 0);

    std::vector<MmuEvent>& m_out;
    uint64_t m_syncs = 0;      // the last Sync's number: 1 in the first generation
    bool m_sawProcs = false;   // Go's analysis ignores everything before the first GOMAXPROCS
    // Sets of goroutine IDs (the values mean nothing): asked or changed at every goroutine
    // transition, where a node-based set would allocate at each insert.
    FlatIdMap<bool> m_executing; // goroutines executing, in the first generation
    FlatIdMap<bool> m_assisting; // goroutines in a mark assist
    // Goroutines ever labelled a GC worker, sorted: about one per P, and asked at every
    // goroutine transition.
    std::vector<int64_t> m_workers;
};

} // namespace gs::gotrace
