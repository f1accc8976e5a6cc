// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/timeline/timeline_scene.h"

#include <QPoint>
#include <QRect>

#include <optional>

namespace gs::ui {

// Where a goroutine row draws its user annotations (runtime/trace tasks, regions and logs), shared
// by the paint and the hit test so that what is hit is what was drawn: task and log markers on
// the state bar, regions on tracks below it, one per nesting depth.
struct AnnotationGeometry
{
    static constexpr int kMarkerWidth = 2;
    // The state bar's inner top and height, from the row's top.
    static constexpr int kBarInset = 1;
    static constexpr int kBarHeight = TimelineLayout::kStateBarHeight - 2;
    // Logs fill the lower half of the bar, tasks all of it.
    static constexpr int kLogTop = kBarInset + kBarHeight / 2;
    // Region track k spans [kTracksTop + k * kRegionTrackHeight, + kRegionTrackHeight - 1).
    static constexpr int kTracksTop = TimelineLayout::kStateBarHeight;
};

// The region, task marker or log marker of layout row `layoutRow` (a goroutine row) under `pos`,
// within a couple of pixels, markers winning over the span below them; or the task bar under it on
// a task lane. Nothing when there is none.
std::optional<TimelineHit> hitUserAnnotation(const TimelineScene& scene, const QRect& area, size_t layoutRow,
                                             QPoint pos);

} // namespace gs::ui
