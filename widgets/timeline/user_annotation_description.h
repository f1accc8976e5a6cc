// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/timeline/timeline_scene.h"

#include <QString>

namespace gs::ui {

// Tooltip text (rich text, capture strings escaped) of a user region, task or log that hitTest
// found: a region's type, goroutine, task, duration and the stacks where it began and ended; a
// task's type, parent, lifetime and creator; a log's category, message, task, time and stack.
QString describeUserAnnotation(const TimelineScene& scene, const TimelineHit& hit);

} // namespace gs::ui
