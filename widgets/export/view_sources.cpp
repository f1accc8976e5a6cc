// SPDX-License-Identifier: MIT
#include "widgets/export/view_sources.h"

#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/goroutines/goroutine_table.h"
#include "widgets/goroutines/goroutine_table_model.h"
#include "widgets/timeline/timeline_painter.h"
#include "widgets/timeline/timeline_view.h"

#include <QPainter>
#include <QScrollBar>
#include <QWidget>

#include <algorithm>

namespace gs::ui {

namespace {

// How far into a frame or row a pin sits: clear of its edge, before most of its label.
constexpr int kPinInset = 6;

// The widest drawn frame of `function` in `layout`, or -1.
int widestFrameOf(const FlameGraphView& view, const FlameLayout& layout, const std::string& function)
{
    const Symbols& symbols = *view.data().symbols;
    const FlameTree& tree = *view.data().tree;
    int best = -1;
    double bestWidth = 0;
    const auto rects = layout.rects();
    for (size_t i = 0; i < rects.size(); ++i) {
        const FlameRect& r = rects[i];
        if (r.isMerged() || r.x1 - r.x0 <= bestWidth || symbols.functionName(tree.node(r.node).function) != function)
            continue;
        best = int(i);
        bestWidth = r.x1 - r.x0;
    }
    return best;
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
    source.resolve = [&view, area](const Annotation& note) -> std::optional<QPoint> {
        if (note.function.empty() || !view.hasData())
            return std::nullopt;
        const FlameLayout layout = FlameLayout::compute(*view.data().tree, view.zoomRoot(), area.width());
        const int i = widestFrameOf(view, layout, note.function);
        if (i < 0)
            return std::nullopt;
        const QRect box = FlameGeometry(area, view.orientation()).rectFor(layout.rects()[size_t(i)]);
        return QPoint(box.left() + std::min(kPinInset, box.width() / 2), box.center().y());
    };
    return source;
}

ExportSource timelineSource(const TimelineView& view, QSize size)
{
    ExportSource source;
    source.size = size.isEmpty() ? view.viewport()->size() : size;
    const QRect area(QPoint(0, 0), source.size);
    source.dataArea = area.adjusted(view.labelWidth(), TimelineScene::kHeaderHeight, 0, 0);
    source.origin = view.viewport();
    source.paint = [&view, area](QPainter& painter) {
        painter.setFont(view.font());
        paintTimeline(painter, view.sceneFor(area.size()), area);
    };
    source.resolve = [&view, area](const Annotation& note) -> std::optional<QPoint> {
        const StorePtr& store = view.store();
        if (note.goroutine == kNoRow || !store || !store->trace || note.goroutine >= store->trace->goroutines.size())
            return std::nullopt;
        const TimelineScene scene = view.sceneFor(area.size());
        const size_t position = scene.layout->positionOf(note.goroutine);
        if (position >= scene.layout->rowCount())
            return std::nullopt;
        const int y = scene.rowTop(area, position) + TimelineLayout::kStateBarHeight / 2;
        if (!scene.rowsRect(area).contains(area.left() + 1, y))
            return std::nullopt;
        const Goroutine& g = store->trace->goroutines[note.goroutine];
        const TimeNs born = std::max(g.createdNs, scene.window.startNs);
        const int x = scene.timeLeft(area) + std::clamp(scene.window.timeToPx(born), 0, scene.window.widthPx - 1);
        return QPoint(x + kPinInset, y);
    };
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
    source.resolve = [&table](const Annotation& note) -> std::optional<QPoint> {
        const int row = table.tableModel()->rowOfGoroutine(note.goroutine);
        if (note.goroutine == kNoRow || row < 0)
            return std::nullopt;
        const QRect cell = table.visualRect(table.tableModel()->index(row, GoroutineTableModel::Id));
        if (!table.viewport()->rect().intersects(cell))
            return std::nullopt;
        return table.viewport()->mapTo(&table, QPoint(cell.left() + kPinInset, cell.center().y()));
    };
    return source;
}

} // namespace gs::ui
