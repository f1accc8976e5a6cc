// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/export/export_source.h"

#include <QSize>

class QWidget;

namespace gs::ui {

class CallGraphView;
class FlameGraphView;
class GoroutineTable;
class TimelineView;

// ExportSources for the views, each through the paint path the screen uses, so an export is what
// the person sees. Sources borrow the view: use them while it lives, on the GUI thread.

// The whole flame graph (current zoom, search and selection) at the view's width and at least its
// height, so frames below the fold are not cut. Annotations pin as flameMapper places them.
ExportSource flameSource(const FlameGraphView& view);

// The Graph view as the screen shows it (pan, zoom, search, selection) at the view's size, through
// paintCallGraph: boxes, curves and text stay vectors in SVG and PDF. Annotations pin as
// callGraphMapper places them.
ExportSource callGraphSource(const CallGraphView& view);

// The timeline's current time window and scroll position at `size` (the viewport's when empty),
// through paintTimeline: spans are rectangles and names text in SVG and PDF. Annotations pin as
// timelineMapper places them.
ExportSource timelineSource(const TimelineView& view, QSize size = {});

// Any widget as it is on screen, children included (QWidget::render): tables, panels, the page
// or the whole window. Styled parts may become bitmaps in SVG and PDF; the text stays text.
ExportSource widgetSource(QWidget& widget);

// The goroutine table as widgetSource; annotations pin to their goroutine's row (goroutineTableMapper).
ExportSource goroutineTableSource(GoroutineTable& table);

} // namespace gs::ui
