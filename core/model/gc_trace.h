// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

namespace gs {

// One line of GODEBUG=gctrace=1 output (runtime/mgc.go):
//   gc 7 @0.076s 3%: 0.046+0.17+0.003 ms clock, 0.093+0/0.14/0.15+0.007 ms cpu,
//   22->22->0 MB, 35 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)
// Sizes are as printed (the runtime shifts bytes right by 20 and calls it MB).
struct GcCycle
{
    int64_t number = 0;
    double startSeconds = 0;    // since program start
    int cpuPercent = 0;         // GC's share of CPU since program start
    double sweepTermMs = 0;     // clock: stop-the-world sweep termination
    double concurrentMs = 0;    // clock: concurrent mark and scan
    double markTermMs = 0;      // clock: stop-the-world mark termination
    double cpuAssistMs = 0;     // cpu: mutator assists
    double cpuBackgroundMs = 0; // cpu: dedicated + fractional background marking
    double cpuIdleMs = 0;       // cpu: idle marking
    int64_t heapStartMB = 0;    // heap at GC start
    int64_t heapEndMB = 0;      // heap at GC end
    int64_t heapLiveMB = 0;     // marked live heap
    int64_t heapGoalMB = 0;
    int64_t stacksMB = -1;      // -1: not printed (before Go 1.18)
    int64_t globalsMB = -1;
    int procs = 0;
    bool forced = false;

    double pauseMs() const { return sweepTermMs + markTermMs; }
};

// The GC cycles of a gctrace log, in the order printed.
struct GcTrace
{
    std::vector<GcCycle> cycles;
    int64_t skippedLines = 0; // other program output between the gc lines
};

} // namespace gs
