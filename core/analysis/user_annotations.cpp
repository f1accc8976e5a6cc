// SPDX-License-Identifier: MIT
#include "core/analysis/user_annotations.h"

#include "core/base/nearest_rank.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace gs {

TimeNs taskStartNs(const TraceData& trace, const UserTask& task)
{
    return task.start >= 0 ? task.start : trace.startNs;
}

TimeNs taskEndNs(const TraceData& trace, const UserTask& task)
{
    return task.end >= 0 ? task.end : trace.endNs;
}

std::vector<TaskSummary> summarizeTasks(const TraceData& trace)
{
    std::vector<TaskSummary> out;
    std::unordered_map<uint64_t, size_t> byId;
    for (const UserTask& t : trace.tasks) {
        if (t.id == 0)
            continue;
        byId.emplace(t.id, out.size());
        TaskSummary s;
        s.task = &t;
        for (int64_t g : {t.goroutine, t.endGoroutine}) {
            if (g != kNoGoroutineId)
                s.goroutines.push_back(g);
        }
        out.push_back(std::move(s));
    }
    auto find = [&](uint64_t id) -> TaskSummary* {
        auto it = byId.find(id);
        return it == byId.end() ? nullptr : &out[it->second];
    };
    for (const UserRegion& r : trace.regions) {
        if (TaskSummary* s = find(r.task))
            s->goroutines.push_back(r.goroutine);
    }
    for (const UserLog& l : trace.logs) {
        if (TaskSummary* s = find(l.task)) {
            s->goroutines.push_back(l.goroutine);
            ++s->logs;
        }
    }
    for (TaskSummary& s : out) {
        std::sort(s.goroutines.begin(), s.goroutines.end());
        s.goroutines.erase(std::unique(s.goroutines.begin(), s.goroutines.end()), s.goroutines.end());
    }
    std::sort(out.begin(), out.end(),
              [](const TaskSummary& a, const TaskSummary& b) { return a.task->id < b.task->id; });
    return out;
}

namespace {

// Marks the row of goroutine `id` (when the trace has it) in `mask`.
void mark(const TraceData& trace, std::vector<uint8_t>& mask, int64_t id)
{
    if (const GoroutineRow row = trace.rowOf(id); row != kNoRow)
        mask[row] = 1;
}

} // namespace

std::vector<uint8_t> goroutinesInTasks(const TraceData& trace, const std::function<bool(StringId)>& typeMatches)
{
    std::vector<uint8_t> mask(trace.goroutines.size(), 0);
    for (const TaskSummary& s : summarizeTasks(trace)) {
        if (!typeMatches(s.task->name))
            continue;
        for (int64_t g : s.goroutines)
            mark(trace, mask, g);
    }
    return mask;
}

std::vector<uint8_t> goroutinesWithRegions(const TraceData& trace, const std::function<bool(StringId)>& typeMatches)
{
    std::vector<uint8_t> mask(trace.goroutines.size(), 0);
    for (const UserRegion& r : trace.regions) {
        if (typeMatches(r.name))
            mark(trace, mask, r.goroutine);
    }
    return mask;
}

std::vector<uint8_t> goroutinesWithLogs(const TraceData& trace, const std::function<bool(const UserLog&)>& matches)
{
    std::vector<uint8_t> mask(trace.goroutines.size(), 0);
    for (const UserLog& l : trace.logs) {
        if (matches(l))
            mark(trace, mask, l.goroutine);
    }
    return mask;
}

TimeNs nearestRankPercentile(const std::vector<TimeNs>& sorted, int percent)
{
    return sorted[nearestRank(sorted.size(), percent) - 1];
}

std::vector<TaskTypeSummary> summarizeTaskTypes(const std::vector<TaskSummary>& tasks, const StringPool& strings)
{
    std::map<std::string_view, TaskTypeSummary> byType;
    for (const TaskSummary& t : tasks) {
        TaskTypeSummary& s = byType[strings.get(t.task->name)];
        s.type = t.task->name;
        s.instances.push_back(&t);
    }
    std::vector<TaskTypeSummary> out;
    out.reserve(byType.size());
    for (auto& [name, s] : byType) {
        std::vector<TimeNs> durations;
        for (const TaskSummary* t : s.instances) {
            if (taskComplete(*t->task))
                durations.push_back(t->task->end - t->task->start);
        }
        s.complete = durations.size();
        if (!durations.empty()) {
            std::sort(durations.begin(), durations.end());
            s.p50Ns = nearestRankPercentile(durations, 50);
            s.p90Ns = nearestRankPercentile(durations, 90);
            s.p99Ns = nearestRankPercentile(durations, 99);
            s.maxNs = durations.back();
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<RegionTypeSummary> summarizeRegions(const TraceData& trace, const StringPool& strings)
{
    std::map<std::string_view, RegionTypeSummary> byType;
    for (const UserRegion& r : trace.regions) {
        RegionTypeSummary& s = byType[strings.get(r.name)];
        s.type = r.name;
        s.instances.push_back(&r);
    }
    std::vector<RegionTypeSummary> out;
    out.reserve(byType.size());
    for (auto& [name, s] : byType) {
        std::sort(s.instances.begin(), s.instances.end(), [](const UserRegion* a, const UserRegion* b) {
            return a->start != b->start ? a->start < b->start : a->goroutine < b->goroutine;
        });
        std::vector<TimeNs> durations;
        durations.reserve(s.instances.size());
        for (const UserRegion* r : s.instances)
            durations.push_back(r->end - r->start);
        std::sort(durations.begin(), durations.end());
        for (TimeNs d : durations)
            s.totalNs += d;
        s.p50Ns = nearestRankPercentile(durations, 50);
        s.p90Ns = nearestRankPercentile(durations, 90);
        s.p99Ns = nearestRankPercentile(durations, 99);
        s.maxNs = durations.back();
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace gs
