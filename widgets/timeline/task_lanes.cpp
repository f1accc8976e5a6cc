// SPDX-License-Identifier: MIT
#include "widgets/timeline/task_lanes.h"

#include "core/analysis/user_annotations.h"

#include <numeric>
#include <unordered_map>

namespace gs::ui {

TaskLanes::TaskLanes(const TraceData& trace)
{
    const std::vector<UserTask>& tasks = trace.tasks;
    std::vector<uint32_t> order(tasks.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
        const TimeNs a = taskStartNs(trace, tasks[x]), b = taskStartNs(trace, tasks[y]);
        return a != b ? a < b : tasks[x].id < tasks[y].id;
    });
    std::unordered_map<uint64_t, uint32_t> byId;
    for (uint32_t k = 0; k < tasks.size(); ++k)
        byId.emplace(tasks[k].id, k);
    m_laneOf.assign(tasks.size(), 0);
    std::vector<TimeNs> laneEnd; // the end of the last task placed on each lane
    std::vector<bool> placed(tasks.size(), false);
    for (uint32_t k : order) {
        const UserTask& task = tasks[k];
        const TimeNs start = taskStartNs(trace, task), end = taskEndNs(trace, task);
        size_t lane = 0;
        // Below the parent, when the parent is drawn (it starts first, so it is placed first).
        if (auto parent = byId.find(task.parent); task.parent != 0 && parent != byId.end() && placed[parent->second])
            lane = std::min<size_t>(m_laneOf[parent->second] + 1u, kMaxLanes - 1);
        while (lane < laneEnd.size() && laneEnd[lane] > start && lane + 1 < kMaxLanes)
            ++lane;
        if (lane >= laneEnd.size()) {
            laneEnd.resize(lane + 1, TimeNs(INT64_MIN));
            m_lanes.resize(lane + 1);
        }
        laneEnd[lane] = std::max(laneEnd[lane], end);
        m_laneOf[k] = uint8_t(lane);
        placed[k] = true;
        Lane& l = m_lanes[lane];
        l.tasks.push_back(k);
        l.starts.push_back(start);
        l.ends.push_back(end);
        l.maxEnds.push_back(l.maxEnds.empty() ? end : std::max(l.maxEnds.back(), end));
    }
}

} // namespace gs::ui
