// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/timeline/group_activity.h"
#include "widgets/timeline/timeline_index.h"
#include "widgets/timeline/timeline_layout.h"

#include <memory>
#include <stop_token>

namespace gs::ui {

// What a TimelineView needs to paint a trace for the first time, built off the GUI thread: its
// index, its layout with the default options and its groups' activity over the whole trace.
struct TimelineParts
{
    std::shared_ptr<const TimelineIndex> index;
    std::shared_ptr<const TimelineLayout> layout;
    std::shared_ptr<const GroupActivity> activity;
};

// Buckets of the whole-trace activity built with the parts; the view recomputes the activity at
// its own width for every window it shows.
constexpr uint32_t kPreparedActivityBuckets = 2048;

// The parts of a store's trace (all null without one); parts not finished when `stop` is
// requested are null.
TimelineParts prepareTimeline(const StorePtr& store, std::stop_token stop = {});

} // namespace gs::ui
