// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/symbols.h"
#include "core/model/trace_data.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace gs {

// The user annotations of a trace (runtime/trace's tasks, regions and logs) grouped the way
// `go tool trace`'s "User-defined tasks" and "User-defined regions" pages group them
// (internal/trace's UserTaskSummary and cmd/trace's regions page).

// One task, with the goroutines that took part in it. As in Go's summary, those are the goroutines
// that began or ended it, began a region in it (or ended one whose beginning is not in the trace)
// or logged in it.
struct TaskSummary
{
    const UserTask* task = nullptr;
    std::vector<int64_t> goroutines; // ascending
    uint32_t logs = 0;
};

// A task's lifetime as far as the trace shows it: from its begin, or the trace's start when it
// began before, to its end, or the trace's end when it had not ended (Go's task pages take it so).
TimeNs taskStartNs(const TraceData& trace, const UserTask& task);
TimeNs taskEndNs(const TraceData& trace, const UserTask& task);
// Began and ended inside the trace (Go's Complete): only these have a duration.
inline bool taskComplete(const UserTask& task)
{
    return task.start >= 0 && task.end >= 0;
}

// Every task of the trace, by ID. The background task (ID 0: what regions and logs outside any task
// belong to), which Go's pages list as a task of empty type, is left out: no program made it.
std::vector<TaskSummary> summarizeTasks(const TraceData& trace);

// The tasks of one type, as `go tool trace`'s "User-defined tasks" page counts them, with the
// nearest-rank percentiles of the durations of the complete ones (0 when none is).
struct TaskTypeSummary
{
    StringId type = 0;
    std::vector<const TaskSummary*> instances; // by ID
    size_t complete = 0;
    TimeNs p50Ns = 0;
    TimeNs p90Ns = 0;
    TimeNs p99Ns = 0;
    TimeNs maxNs = 0;
};

// One entry per task type of `tasks` (summarizeTasks), sorted by type name.
std::vector<TaskTypeSummary> summarizeTaskTypes(const std::vector<TaskSummary>& tasks, const StringPool& strings);

// The regions of one type and their durations, which are as Go's regions page takes them: from the
// begin event, or the trace's start when that is missing, to the end event, the goroutine's end
// when it ended inside the region, or the trace's end.
struct RegionTypeSummary
{
    StringId type = 0;
    std::vector<const UserRegion*> instances; // by start, then goroutine
    TimeNs totalNs = 0;
    TimeNs p50Ns = 0;
    TimeNs p90Ns = 0;
    TimeNs p99Ns = 0;
    TimeNs maxNs = 0;
};

// One entry per region type, sorted by type name (Go's page sorts so, and also splits a type by the
// function that began it, which this does not). Go's summary also makes up a region of empty type
// for each goroutine created inside a region (so that it inherits the task), from its creation to
// its end, and leaves out the regions still open when a runtime goroutine ends; neither is a
// region the program marked, and these are exactly the regions it marked.
std::vector<RegionTypeSummary> summarizeRegions(const TraceData& trace, const StringPool& strings);

// Per goroutine row, 1 for the goroutines that took part in a task (as TaskSummary counts them) of a
// type `typeMatches` accepts, that marked a region of such a type, or that wrote a log it accepts.
std::vector<uint8_t> goroutinesInTasks(const TraceData& trace, const std::function<bool(StringId)>& typeMatches);
std::vector<uint8_t> goroutinesWithRegions(const TraceData& trace, const std::function<bool(StringId)>& typeMatches);
std::vector<uint8_t> goroutinesWithLogs(const TraceData& trace, const std::function<bool(const UserLog&)>& matches);

// The nearest-rank percentile of ascending `sorted` (not empty), 0 < percent <= 100: the value at
// 1-based rank ceil(percent / 100 * n), the smallest of them with at least percent% of the values
// at or below it. Go's pages show histograms only, no percentiles.
TimeNs nearestRankPercentile(const std::vector<TimeNs>& sorted, int percent);

} // namespace gs
