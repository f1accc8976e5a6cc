// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace gs::ui {

// The user tasks of a trace (runtime/trace.NewTask) laid out for the timeline's task lane: each
// task a bar over its lifetime (taskStartNs to taskEndNs), on the first lane free at its start
// below its parent's, so a child task is drawn under the task that made it. Lanes are capped:
// tasks that find none free share the last one. Built once per store, off the GUI thread;
// O(tasks log tasks), immutable afterwards.
class TaskLanes
{
public:
    static constexpr size_t kMaxLanes = 6;

    TaskLanes() = default;
    explicit TaskLanes(const TraceData& trace);

    size_t laneCount() const { return m_lanes.size(); }
    // The lane of task `task` (an index into TraceData::tasks).
    size_t laneOf(uint32_t task) const { return m_laneOf[task]; }

    // Calls fn(task, start, end) for the tasks of `lane` that overlap [a, b], in start order. Of
    // tasks starting less than `minGapNs` after the previous one called, only the first is: a
    // paint at one pixel per minGapNs visits each pixel column once, however many tasks it holds.
    template<typename Fn>
    void forEachIn(size_t lane, TimeNs a, TimeNs b, TimeNs minGapNs, Fn fn) const
    {
        const Lane& l = m_lanes[lane];
        // maxEnds is non-decreasing: the first task that may reach into [a, b].
        size_t i = size_t(std::upper_bound(l.maxEnds.begin(), l.maxEnds.end(), a - 1) - l.maxEnds.begin());
        while (i < l.starts.size() && l.starts[i] <= b) {
            fn(l.tasks[i], l.starts[i], l.ends[i]);
            if (minGapNs <= 1) {
                ++i;
                continue;
            }
            const TimeNs next = l.starts[i] + minGapNs;
            i = size_t(std::lower_bound(l.starts.begin() + std::ptrdiff_t(i) + 1, l.starts.end(), next) - l.starts.begin());
        }
    }

private:
    struct Lane
    {
        std::vector<uint32_t> tasks; // by start
        std::vector<TimeNs> starts;
        std::vector<TimeNs> ends;
        std::vector<TimeNs> maxEnds; // maxEnds[i]: the latest end of tasks[0..i]
    };
    std::vector<Lane> m_lanes;
    std::vector<uint8_t> m_laneOf; // per task
};

} // namespace gs::ui
