// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/model/event_store.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace gs {

// One goroutine group (same sequence of functions, same status) followed through a series of
// dumps of one process: the leak watch. Groups are matched by function names, as diffDumps does.
struct WatchedGroup
{
    std::vector<std::string> functions; // innermost first
    std::string state;                  // empty for count profiles
    std::vector<int64_t> counts;        // one per snapshot, 0 where the group was absent

    // Last count minus first: how many goroutines the group gained over the watch.
    int64_t growth() const { return counts.empty() ? 0 : counts.back() - counts.front(); }
    // Snapshots at which the group had more goroutines than at the one before: a steady leak
    // rises at every step, a burst of work once.
    int risingSteps() const;
};

// Follows every group through `snapshots` (goroutine dumps, oldest first). Sorted growing first:
// by growth, then by rising steps, then by the last count; groups that shrank come last. Fails,
// naming the snapshot by its position (1-based), when one holds no dump.
Result<std::vector<WatchedGroup>> watchDumps(std::span<const StorePtr> snapshots);

} // namespace gs
