// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/timeline/timeline_scene.h"

#include <QPoint>
#include <QRect>

class QPainter;

namespace gs::ui {

// Paints the visible rows of `scene` into `area` (header excluded): backgrounds and labels,
// processor and thread rows, group headers, goroutine state bars with folded blocks, GC-assist overlays,
// region tracks, log/task/CPU-sample markers, a flame frame's contributors (outlined stretches,
// marked labels), the selected goroutine, span and range. Only rows
// intersecting `area` are touched (first one found by binary search); per row the work is bounded
// by its pixels (foldSpans), and rectangles are batched by colour and filled without antialiasing.
// The one paint path for the screen, image export, tests and the benchmark.
void paintRows(QPainter& painter, const TimelineScene& scene, const QRect& area);

// Paints the pinned header: time ruler with human units, GC and stop-the-world bands.
void paintHeader(QPainter& painter, const TimelineScene& scene, const QRect& area);

// Header and rows into `area`, after clearing it.
void paintTimeline(QPainter& painter, const TimelineScene& scene, const QRect& area);

// What is drawn under `pos`, using the same folding as the paint (blocks are hit through their
// drawn pixels, with 2 px of slack for the thinnest ones).
TimelineHit hitTest(const TimelineScene& scene, const QRect& area, QPoint pos);

} // namespace gs::ui
