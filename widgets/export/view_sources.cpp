// SPDX-License-Identifier: MIT
#include "widgets/export/view_sources.h"

#include "widgets/annotations/view_mappers.h"
#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/graph/call_graph_view.h"
#include "widgets/goroutines/goroutine_table.h"
#include "widgets/timeline/timeline_painter.h"
#include "widgets/timeline/timeline_view.h"

#include <QPainter>
#include <QScrollBar>
#include <QWidget>

#include <algorithm>

namespace gs::ui {

namespace {

// Pins a source's annotations as `mapper` does, moved to where its widget sits in the source's widget.
void placeAnnotations(ExportSource& source, const AnnotationMapper& mapper, QPoint offset = {})
{
    source.target = mapper.target;
    source.resolve = shiftedResolver(mapper.resolve, offset);
}

} // namespace

ExportSource flameSource(const FlameGraphView& view)
{
    ExportSource source;
    source.size = QSize(view.width(), std::max(view.height(), view.minimumHeight()));
    const QRect area(QPoint(0, 0), source.size);
    source.dataArea = area;
    source.origin = &view;
    source.paint = [&view, area](QPainter& painter) { view.paintTo(painter, area); };
    placeAnnotations(source, flameMapper(view, source.size));
    return source;
}

ExportSource callGraphSource(const CallGraphView& view)
{
    ExportSource source;
    source.size = view.size();
    const QRect area(QPoint(0, 0), source.size);
    source.dataArea = area;
    source.origin = &view;
    source.paint = [&view, area](QPainter& painter) { view.paintTo(painter, area); };
    placeAnnotations(source, callGraphMapper(view));
    return source;
}

ExportSource timelineSource(const TimelineView& view, QSize size)
{
    ExportSource source;
    source.size = size.isEmpty() ? view.viewport()->size() : size;
    const QRect area(QPoint(0, 0), source.size);
    const AnnotationMapper mapper = timelineMapper(view, source.size);
    source.dataArea = mapper.dataArea();
    source.origin = view.viewport();
    source.paint = [&view, area](QPainter& painter) {
        painter.setFont(view.font());
        paintTimeline(painter, view.sceneFor(area.size()), area);
    };
    placeAnnotations(source, mapper);
    return source;
}

ExportSource widgetSource(QWidget& widget)
{
    ExportSource source;
    source.size = widget.size();
    source.dataArea = widget.rect();
    source.origin = &widget;
    source.paint = [&widget](QPainter& painter) { widget.render(&painter); };
    return source;
}

ExportSource goroutineTableSource(GoroutineTable& table)
{
    ExportSource source = widgetSource(table);
    placeAnnotations(source, goroutineTableMapper(table), table.viewport()->mapTo(&table, QPoint(0, 0)));
    return source;
}

} // namespace gs::ui
