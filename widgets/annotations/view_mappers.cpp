// SPDX-License-Identifier: MIT
#include "widgets/annotations/view_mappers.h"

#include "widgets/dump/dump_group_model.h"
#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/graph/call_graph_view.h"
#include "widgets/goroutines/goroutine_table.h"
#include "widgets/goroutines/goroutine_table_model.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/top/top_table_model.h"

#include <QTableView>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <functional>

namespace gs::ui {

namespace {

// How far into a frame or row the Any note's pin sits: clear of its edge, before most of its label.
constexpr int kPinInset = 6;
// Pixel coordinates far outside any view are clamped, so a time zoomed miles away stays a QPoint.
constexpr double kFarAway = 1e6;

QPoint pointAt(double x, double y)
{
    return QPoint(int(std::lround(std::clamp(x, -kFarAway, kFarAway))), int(std::lround(std::clamp(y, -kFarAway, kFarAway))));
}

double fractionIn(int pos, int start, int length)
{
    return length > 0 ? std::clamp(double(pos - start) / double(length), 0.0, 1.0) : 0.0;
}

// Anchors inside a box (a frame, a table row) are fractions across and down it, so they survive
// the box changing size.
AnnotationAnchor anchorIn(QPoint pos, const QRect& box)
{
    AnnotationAnchor anchor;
    anchor.x = fractionIn(pos.x(), box.left(), box.width());
    anchor.y = fractionIn(pos.y(), box.top(), box.height());
    return anchor;
}

QPoint pointIn(const AnnotationAnchor& anchor, const QRect& box)
{
    return pointAt(box.left() + anchor.x * box.width(), box.top() + anchor.y * box.height());
}

// The widest drawn frame of `function` in the view's layout, or -1.
int widestFrameOf(const FlameGraphView& view, const std::string& function)
{
    const Symbols& symbols = *view.data().symbols;
    const FlameTree& tree = *view.data().tree;
    int best = -1;
    double bestWidth = 0;
    const auto rects = view.currentLayout().rects();
    for (size_t i = 0; i < rects.size(); ++i) {
        const FlameRect& r = rects[i];
        if (r.isMerged() || r.x1 - r.x0 <= bestWidth || symbols.functionName(tree.node(r.node).function) != function)
            continue;
        best = int(i);
        bestWidth = r.x1 - r.x0;
    }
    return best;
}

// A table row across the whole viewport: the columns may be resized or reordered under a pin.
QRect rowBox(const QTableView& table, const QRect& cell)
{
    return QRect(0, cell.top(), table.viewport()->width(), cell.height());
}

// How a table's rows stand for its data: the row an anchor is on (-1: none, or not understood for
// that annotation), and the key of a row written into an anchor (false: a row without data).
struct TableRows
{
    std::function<int(const Annotation&, const AnnotationAnchor&)> rowOf;
    std::function<bool(int, AnnotationAnchor&)> keyOf;
};

// The mapper of a table whose annotations are pinned to rows by their data, not their position,
// so a pin follows its row through re-sorting. Anchors are fractions across and down the row.
AnnotationMapper rowTableMapper(const QTableView& table, AnnotationView view, TableRows rows)
{
    AnnotationMapper mapper;
    mapper.target.view = view;
    mapper.dataArea = [&table] { return table.viewport()->rect(); };
    mapper.resolve = [&table, view, rowOf = rows.rowOf](const Annotation& a, const AnnotationAnchor& anchor) -> std::optional<QPoint> {
        const int row = rowOf(a, anchor);
        if (row < 0)
            return std::nullopt;
        const QRect cell = table.visualRect(table.model()->index(row, 0));
        if (a.view == view)
            return pointIn(anchor, rowBox(table, cell));
        if (!table.viewport()->rect().intersects(cell))
            return std::nullopt;
        return QPoint(cell.left() + kPinInset, cell.center().y());
    };
    mapper.anchorAt = [&table, keyOf = rows.keyOf](QPoint pos) -> std::optional<AnnotationAnchor> {
        const QModelIndex index = table.indexAt(pos);
        if (!index.isValid())
            return std::nullopt;
        AnnotationAnchor anchor = anchorIn(pos, rowBox(table, table.visualRect(index)));
        if (!keyOf(index.row(), anchor))
            return std::nullopt;
        return anchor;
    };
    return mapper;
}

// The row of the top table showing the function named `name`, or -1.
int topRowOf(const TopTableModel& model, const std::string& name)
{
    if (name.empty() || !model.result())
        return -1;
    const Symbols& symbols = *model.result()->symbols;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (symbols.functionName(*model.functionAt(row)) == name)
            return row;
    }
    return -1;
}

// The row of the dump group holding the dump's member `member` (DumpEntry::index), or -1.
int groupRowOf(const DumpGroupModel& model, GoroutineRow member)
{
    const DumpView* view = model.view().get();
    if (member == kNoRow || !view)
        return -1;
    for (size_t row = 0; row < view->groups.size(); ++row) {
        const std::vector<uint32_t>& entries = view->groups[row].entries;
        if (std::any_of(entries.begin(), entries.end(), [&](uint32_t e) { return view->entries[e].index == member; }))
            return int(row);
    }
    return -1;
}

} // namespace

AnnotationMapper timelineMapper(const TimelineView& view, QSize size)
{
    const auto area = [&view, size] { return QRect(QPoint(0, 0), size.isEmpty() ? view.viewport()->size() : size); };
    AnnotationMapper mapper;
    mapper.target.view = AnnotationView::Timeline;
    mapper.dataArea = [&view, area] { return area().adjusted(view.labelWidth(), TimelineScene::kHeaderHeight, 0, 0); };
    mapper.resolve = [&view, area](const Annotation& a, const AnnotationAnchor& anchor) -> std::optional<QPoint> {
        const StorePtr& store = view.store();
        if (anchor.goroutine == kNoRow || !store || !store->trace || anchor.goroutine >= store->trace->goroutines.size())
            return std::nullopt;
        const QRect rect = area();
        const TimelineScene scene = view.sceneFor(rect.size());
        const size_t position = scene.layout->positionOf(anchor.goroutine);
        if (position >= scene.layout->rowCount())
            return std::nullopt;
        const int top = scene.rowTop(rect, position);
        if (a.view == AnnotationView::Timeline)
            return pointAt(scene.timeLeft(rect) + scene.window.timeToX(TimeNs(anchor.x)),
                           top + anchor.y * scene.layout->height(position));
        const int y = top + TimelineLayout::kStateBarHeight / 2;
        if (!scene.rowsRect(rect).contains(rect.left() + 1, y))
            return std::nullopt;
        const Goroutine& g = store->trace->goroutines[anchor.goroutine];
        const TimeNs born = std::max(g.createdNs, scene.window.startNs);
        const int x = scene.timeLeft(rect) + std::clamp(scene.window.timeToPx(born), 0, scene.window.widthPx - 1);
        return QPoint(x + kPinInset, y);
    };
    mapper.anchorAt = [&view, area](QPoint pos) -> std::optional<AnnotationAnchor> {
        const QRect rect = area();
        const TimelineScene scene = view.sceneFor(rect.size());
        if (!scene.layout || !scene.rowsRect(rect).contains(pos) || pos.x() < scene.timeLeft(rect))
            return std::nullopt;
        const size_t position = scene.layout->rowAt(pos.y() - rect.top() - TimelineScene::kHeaderHeight + scene.scrollY);
        if (position >= scene.layout->rowCount() || scene.layout->row(position).kind != RowKind::Goroutine)
            return std::nullopt; // only goroutine rows are data a pin survives on (sorting, grouping)
        AnnotationAnchor anchor;
        anchor.goroutine = scene.layout->row(position).index;
        anchor.x = double(scene.window.xToTime(pos.x() - scene.timeLeft(rect)));
        anchor.y = fractionIn(pos.y(), scene.rowTop(rect, position), scene.layout->height(position));
        return anchor;
    };
    return mapper;
}

AnnotationMapper flameMapper(const FlameGraphView& view, QSize size)
{
    const auto area = [&view, size] { return QRect(QPoint(0, 0), size.isEmpty() ? view.size() : size); };
    AnnotationMapper mapper;
    mapper.target.view = AnnotationView::FlameGraph;
    mapper.dataArea = area;
    mapper.resolve = [&view, area](const Annotation& a, const AnnotationAnchor& anchor) -> std::optional<QPoint> {
        if (anchor.function.empty() || !view.hasData())
            return std::nullopt;
        const int i = widestFrameOf(view, anchor.function);
        if (i < 0)
            return std::nullopt;
        const QRect box = FlameGeometry(area(), view.orientation()).rectFor(view.currentLayout().rects()[size_t(i)]);
        if (a.view == AnnotationView::FlameGraph)
            return pointIn(anchor, box);
        return QPoint(box.left() + std::min(kPinInset, box.width() / 2), box.center().y());
    };
    mapper.anchorAt = [&view, area](QPoint pos) -> std::optional<AnnotationAnchor> {
        if (!view.hasData())
            return std::nullopt;
        const FlameGeometry geometry(area(), view.orientation());
        const int depth = geometry.depthAt(pos.y());
        const int i = depth < 0 ? -1 : view.currentLayout().hitTest(uint32_t(depth), geometry.fractionAt(pos.x()));
        if (i < 0 || view.currentLayout().rects()[size_t(i)].isMerged())
            return std::nullopt;
        const FlameRect& r = view.currentLayout().rects()[size_t(i)];
        AnnotationAnchor anchor = anchorIn(pos, geometry.rectFor(r));
        anchor.function = view.data().symbols->functionName(view.data().tree->node(r.node).function);
        return anchor;
    };
    return mapper;
}

AnnotationMapper callGraphMapper(const CallGraphView& view)
{
    AnnotationMapper mapper;
    mapper.target.view = AnnotationView::CallGraph;
    mapper.dataArea = [&view] { return view.rect(); };
    mapper.resolve = [&view](const Annotation& a, const AnnotationAnchor& anchor) -> std::optional<QPoint> {
        const std::optional<uint32_t> node = anchor.function.empty() ? std::nullopt : view.nodeNamed(anchor.function);
        if (!node)
            return std::nullopt;
        const QRect box = view.nodeRect(*node).toAlignedRect();
        if (a.view == AnnotationView::CallGraph)
            return pointIn(anchor, box);
        return QPoint(box.left() + std::min(kPinInset, box.width() / 2), box.center().y());
    };
    mapper.anchorAt = [&view](QPoint pos) -> std::optional<AnnotationAnchor> {
        const std::optional<uint32_t> node = view.nodeAt(pos);
        if (!node)
            return std::nullopt;
        AnnotationAnchor anchor = anchorIn(pos, view.nodeRect(*node).toAlignedRect());
        anchor.function = view.functionName(*node);
        return anchor;
    };
    return mapper;
}

AnnotationMapper goroutineTableMapper(const GoroutineTable& table)
{
    TableRows rows;
    rows.rowOf = [&table](const Annotation&, const AnnotationAnchor& anchor) {
        return anchor.goroutine == kNoRow ? -1 : table.tableModel()->rowOfGoroutine(anchor.goroutine);
    };
    rows.keyOf = [&table](int row, AnnotationAnchor& anchor) {
        anchor.goroutine = table.tableModel()->goroutineAt(row);
        return true;
    };
    return rowTableMapper(table, AnnotationView::GoroutineTable, std::move(rows));
}

AnnotationMapper topTableMapper(const QTableView& table)
{
    const auto model = [&table] { return qobject_cast<const TopTableModel*>(table.model()); };
    TableRows rows;
    rows.rowOf = [model](const Annotation&, const AnnotationAnchor& anchor) {
        return model() ? topRowOf(*model(), anchor.function) : -1;
    };
    rows.keyOf = [model](int row, AnnotationAnchor& anchor) {
        const std::optional<FunctionId> function = model() ? model()->functionAt(row) : std::nullopt;
        if (!function)
            return false;
        anchor.function = model()->result()->symbols->functionName(*function);
        return true;
    };
    return rowTableMapper(table, AnnotationView::TopTable, std::move(rows));
}

AnnotationMapper dumpGroupsMapper(const QTableView& table)
{
    const auto model = [&table] { return qobject_cast<const DumpGroupModel*>(table.model()); };
    TableRows rows;
    rows.rowOf = [model](const Annotation& a, const AnnotationAnchor& anchor) {
        // An Any note's goroutine is a trace's goroutine row, not a member of the dump.
        return a.view == AnnotationView::DumpGroups && model() ? groupRowOf(*model(), anchor.goroutine) : -1;
    };
    rows.keyOf = [model](int row, AnnotationAnchor& anchor) {
        const DumpGroup* group = model() ? model()->groupAt(row) : nullptr;
        if (!group || group->entries.empty())
            return false;
        anchor.goroutine = model()->view()->entries[group->entries.front()].index;
        return true;
    };
    return rowTableMapper(table, AnnotationView::DumpGroups, std::move(rows));
}

AnnotationMapper plotMapper(const QCustomPlot& plot)
{
    AnnotationMapper mapper;
    mapper.target.view = AnnotationView::Plot;
    mapper.target.plot = plot.objectName();
    mapper.dataArea = [&plot] { return plot.rect(); };
    mapper.resolve = [&plot](const Annotation& a, const AnnotationAnchor& anchor) -> std::optional<QPoint> {
        if (a.view != AnnotationView::Plot || anchor.panel < 0 || anchor.panel >= plot.axisRectCount())
            return std::nullopt;
        const QCPAxisRect* rect = plot.axisRect(anchor.panel);
        return pointAt(rect->axis(QCPAxis::atBottom)->coordToPixel(anchor.x), rect->axis(QCPAxis::atLeft)->coordToPixel(anchor.y));
    };
    mapper.anchorAt = [&plot](QPoint pos) -> std::optional<AnnotationAnchor> {
        for (int i = 0; i < plot.axisRectCount(); ++i) {
            const QCPAxisRect* rect = plot.axisRect(i);
            if (!rect->visible() || !rect->rect().contains(pos))
                continue;
            AnnotationAnchor anchor;
            anchor.panel = i;
            anchor.x = rect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x());
            anchor.y = rect->axis(QCPAxis::atLeft)->pixelToCoord(pos.y());
            return anchor;
        }
        return std::nullopt;
    };
    return mapper;
}

} // namespace gs::ui
