// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/annotations/annotation_mapper.h"

#include <QSize>

class QCustomPlot;
class QTableView;

namespace gs::ui {

class CallGraphView;
class FlameGraphView;
class GoroutineTable;
class TimelineView;

// The AnnotationMapper of each annotated view. Each borrows its view: use it while the view lives.

// Timeline viewport points (or a canvas of `size`: an export), anchors at a time on a goroutine
// row; the Any note pins to its goroutine's row where its life starts.
AnnotationMapper timelineMapper(const TimelineView& view, QSize size = {});

// Flame graph points (or a canvas of `size`, as tall as an export wants), anchors inside the
// widest drawn frame of a function.
AnnotationMapper flameMapper(const FlameGraphView& view, QSize size = {});

// Graph view points (what the screen shows, also its export), anchors inside a function's node.
AnnotationMapper callGraphMapper(const CallGraphView& view);

// Goroutine table viewport points, anchors on a goroutine's row.
AnnotationMapper goroutineTableMapper(const GoroutineTable& table);

// Top table viewport points (a table of a TopTableModel), anchors on a function's row.
AnnotationMapper topTableMapper(const QTableView& table);

// Dump group table viewport points (a table of a DumpGroupModel), anchors on the row of the
// group holding a member of the dump.
AnnotationMapper dumpGroupsMapper(const QTableView& table);

// QCustomPlot points, anchors in the axis units of one of its axis rects. The plot's objectName
// names it in annotations (View Plot), so each plot shows only its own.
AnnotationMapper plotMapper(const QCustomPlot& plot);

} // namespace gs::ui
