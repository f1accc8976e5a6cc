// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/goroutine_links.h"
#include "core/model/event_store.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace gs::ui {

struct TimeWindow;

// The goroutines the timeline highlights as a flame-graph frame's contributors, indexed by
// goroutine row so a paint finds a row's stretches in O(1). Shares the list with the session that
// computed it; immutable once built. Empty (no list) highlights nothing.
class ContributorHighlight
{
public:
    using ListPtr = std::shared_ptr<const std::vector<FrameContribution>>;

    ContributorHighlight() = default;
    // `goroutineCount` bounds the index; entries with rows outside it are ignored.
    ContributorHighlight(ListPtr list, size_t goroutineCount);

    const ListPtr& list() const { return m_list; }
    bool empty() const { return !m_list || m_list->empty(); }
    // The contribution of a goroutine row, or null when it did not contribute.
    const FrameContribution* of(GoroutineRow row) const;
    // The contributing rows, ascending.
    std::vector<GoroutineRow> rows() const;

private:
    ListPtr m_list;
    std::vector<int32_t> m_slot; // per goroutine row: its index in *m_list, or -1
};

// The time range that shows a contribution: the extent of its stretches with a tenth of it either
// side, widened around its centre to at least kReadableNs so a lone CPU sample or a short wait
// still comes with context. Nothing for a contribution without stretches.
constexpr TimeNs kReadableNs = 200'000;
std::optional<std::pair<TimeNs, TimeNs>> contributionWindow(const FrameContribution& c);

// Calls `visit(start, end)` for the stretches of `c` that reach into the window, at most one per
// pixel column: `visit` returns the last pixel column (window-relative) it covered, and stretches
// ending inside it are skipped, so the cost is bounded by the pixels, not the stretch count.
// Relies on a goroutine's stretches being in time order and disjoint (ends ascending too).
void forEachVisibleStretch(const FrameContribution& c, const TimeWindow& window,
                           const std::function<int(TimeNs start, TimeNs end)>& visit);

} // namespace gs::ui
