// SPDX-License-Identifier: MIT
#include "app/gui/main_window.h"
#include "app/gui/window_annotations.h"
#include "app/gui/window_export.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/annotations/annotation_overlay.h"
#include "widgets/annotations/annotation_set.h"
#include "widgets/annotations/annotation_tools.h"
#include "widgets/annotations/view_mappers.h"
#include "widgets/dump/dump_group_model.h"
#include "widgets/dump/dump_page.h"
#include "widgets/dump/dump_panel.h"
#include "widgets/export/exporter.h"
#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/goroutines/goroutine_table.h"
#include "widgets/goroutines/goroutine_table_model.h"
#include "widgets/plots/gc_plot.h"
#include "widgets/plots/trace_plots.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"
#include "widgets/timeline/timeline_pane.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/top/top_table_model.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QJsonDocument>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>

#include <qcustomplot.h>

#include <algorithm>
#include <cstdlib>

namespace gs::app {
namespace {

constexpr int kTimeoutMs = 20000;
const QString kText = QStringLiteral("GC starts here");

// Whether a pixel within `radius` of `at` is (nearly) the annotation colour.
bool markNear(const QImage& image, QPoint at, int radius = 2)
{
    const QColor mark = ui::annotationColor();
    for (int y = at.y() - radius; y <= at.y() + radius; ++y) {
        for (int x = at.x() - radius; x <= at.x() + radius; ++x) {
            if (!image.rect().contains(x, y))
                continue;
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - mark.red()) + std::abs(c.green() - mark.green()) + std::abs(c.blue() - mark.blue()) < 40)
                return true;
        }
    }
    return false;
}

class AnnotationWindow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        tools()->setTextPrompt([](QWidget*, const QString&) { return std::optional<QString>(kText); });
    }

    // Shows a capture the way a finished load does, and waits for the views' background work.
    void open(const char* relative)
    {
        const QString path = test::fixturePath(relative);
        window.resize(1400, 1200);
        window.show();
        window.setStore(test::loadFixture(relative), path);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                if (window.currentPage() == window.tracePage())
                    return !window.tracePage()->session()->isFiltering();
                return window.currentPage() == window.gcPage() || window.session()->result() != nullptr;
            },
            kTimeoutMs));
        QTest::qWait(50); // layouts settle
    }

    ui::AnnotationTools* tools() const { return window.windowAnnotations()->tools(); }
    ui::AnnotationSet* set() const { return window.annotations(); }
    const ui::Annotation& only() const
    {
        EXPECT_EQ(set()->annotations().size(), 1u);
        return set()->annotations().front();
    }

    // The overlay on `canvas` (a viewport or the view itself).
    static ui::AnnotationOverlay* overlayOf(QWidget* canvas) { return canvas->findChild<ui::AnnotationOverlay*>(); }

    // The middle of a goroutine row a few rows down, `x` px into the time axis.
    QPoint timelinePoint(int x, int rowsDown = 4) const
    {
        const ui::TimelineView* timeline = window.tracePage()->timeline();
        const ui::TimelineScene scene = timeline->scene();
        const QRect area = timeline->viewport()->rect();
        int seen = 0;
        for (size_t i = 0; i < scene.layout->rowCount(); ++i) {
            if (scene.layout->row(i).kind == ui::RowKind::Goroutine && seen++ == rowsDown)
                return QPoint(scene.timeLeft(area) + x, scene.rowTop(area, i) + scene.layout->height(i) / 2);
        }
        ADD_FAILURE() << "no goroutine row";
        return {};
    }

    // Drags with the left button, as a person does.
    static void drag(QWidget* canvas, QPoint from, QPoint to)
    {
        QTest::mousePress(canvas, Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas, (from + to) / 2);
        QTest::mouseMove(canvas, to);
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
    }

    MainWindow window;
};

TEST_F(AnnotationWindow, TimelineNoteFollowsZoomAndPanAndUndoes)
{
    open("trace/go126_sched.trace");
    ui::TimelineView* timeline = window.tracePage()->timeline();
    const QPoint at = timelinePoint(300);
    tools()->setTool(ui::AnnotationTools::Tool::Note);
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, at);
    ASSERT_EQ(set()->annotations().size(), 1u);
    const ui::Annotation note = only();
    EXPECT_EQ(note.kind, ui::AnnotationKind::Note);
    EXPECT_EQ(note.view, ui::AnnotationView::Timeline);
    EXPECT_EQ(note.text, kText);
    const ui::TimelineHit hit = timeline->hitAt(at);
    EXPECT_EQ(note.anchor.goroutine, timeline->layout().row(hit.layoutRow).index);
    const TimeNs time = TimeNs(note.anchor.x);
    EXPECT_NEAR(double(time), double(timeline->window().xToTime(300)), timeline->window().nsPerPx());

    const ui::AnnotationMapper& mapper = overlayOf(timeline->viewport())->mapper();
    const auto pinned = [&] { return mapper.resolve(only(), only().anchor); };
    ASSERT_TRUE(pinned());
    EXPECT_LE((*pinned() - at).manhattanLength(), 2);
    // Zoomed in around the note's time, then panned: the pin is where its time is drawn.
    const int labelWidth = timeline->labelWidth();
    timeline->setTimeRange(time - 1000000, time + 3000000);
    ASSERT_TRUE(pinned());
    EXPECT_NEAR(pinned()->x(), labelWidth + timeline->window().timeToX(time), 1.0);
    EXPECT_GT(std::abs(pinned()->x() - at.x()), 20) << "the zoom moved the time under the note";
    EXPECT_EQ(pinned()->y(), at.y());
    timeline->setTimeRange(time - 2000000, time + 2000000);
    EXPECT_NEAR(pinned()->x(), labelWidth + timeline->window().timeToX(time), 1.0);

    QUndoStack* undo = set()->undoStack();
    undo->undo();
    EXPECT_TRUE(set()->annotations().empty());
    undo->redo();
    EXPECT_EQ(only(), note);
    // The shortcuts the Edit menu gives them.
    EXPECT_EQ(window.windowAnnotations()->editMenu()->actions().at(0)->shortcut(), QKeySequence::Undo);
}

TEST_F(AnnotationWindow, DraggingMovesInOneUndoStepDeleteRemovesAndTheViewKeepsItsMouse)
{
    open("trace/go126_sched.trace");
    ui::TimelineView* timeline = window.tracePage()->timeline();
    QWidget* canvas = timeline->viewport();
    // Outside annotation mode a drag on the data pans the timeline, as before (zoomed in, so it can).
    timeline->setTimeRange(timeline->window().startNs + timeline->window().durationNs() / 4,
                           timeline->window().endNs - timeline->window().durationNs() / 4);
    const ui::TimeWindow window0 = timeline->window();
    drag(canvas, timelinePoint(600, 8), timelinePoint(500, 8));
    EXPECT_NE(timeline->window().startNs, window0.startNs);
    EXPECT_TRUE(set()->annotations().empty());

    tools()->setTool(ui::AnnotationTools::Tool::Note);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, timelinePoint(200));
    tools()->setTool(ui::AnnotationTools::Tool::None);
    const ui::Annotation before = only();
    const int steps = set()->undoStack()->count();

    // A drag that starts on the note's pin moves the note: one undo step.
    const ui::AnnotationMapper& mapper = overlayOf(canvas)->mapper();
    const QPoint pin = *mapper.resolve(before, before.anchor);
    drag(canvas, pin, pin + QPoint(80, 0));
    EXPECT_EQ(set()->undoStack()->count(), steps + 1);
    EXPECT_EQ(only().anchor.goroutine, before.anchor.goroutine);
    EXPECT_GT(only().anchor.x, before.anchor.x);
    EXPECT_EQ(overlayOf(canvas)->selected(), 0u);
    set()->undoStack()->undo();
    EXPECT_EQ(only(), before);
    set()->undoStack()->redo();

    // Selected by a click on it, removed by Delete.
    QTest::mouseClick(canvas, Qt::LeftButton, {}, *mapper.resolve(only(), only().anchor));
    ASSERT_EQ(overlayOf(canvas)->selected(), 0u);
    timeline->setFocus();
    QTest::keyClick(timeline, Qt::Key_Delete);
    EXPECT_TRUE(set()->annotations().empty());
    set()->undoStack()->undo();
    EXPECT_EQ(set()->annotations().size(), 1u);

    // A new capture starts without annotations or history.
    open("pprof/cpu.pb.gz");
    EXPECT_TRUE(set()->annotations().empty());
    EXPECT_EQ(set()->undoStack()->count(), 0);
}

TEST_F(AnnotationWindow, ArrowAndBoxOnTheFlameGraph)
{
    open("pprof/cpu.pb.gz");
    ui::FlameGraphView* flame = window.profilePage()->flameView();
    ASSERT_TRUE(flame->hasData());
    // The middles of two wide frames of different functions, each its function's widest (where
    // an anchor on it is drawn).
    const ui::AnnotationMapper& mapper = overlayOf(flame)->mapper();
    const ui::FlameGeometry geometry(flame->rect(), flame->orientation());
    std::vector<QPoint> points;
    std::vector<std::string> functions;
    ui::Annotation probe;
    probe.view = ui::AnnotationView::FlameGraph;
    for (const ui::FlameRect& r : flame->currentLayout().rects()) {
        const QRect box = geometry.rectFor(r);
        const auto anchor = mapper.anchorAt(box.center());
        if (r.isMerged() || box.width() < 60 || !anchor || std::ranges::count(functions, anchor->function) > 0)
            continue;
        if (const auto back = mapper.resolve(probe, *anchor); back && (*back - box.center()).manhattanLength() <= 2) {
            points.push_back(box.center());
            functions.push_back(anchor->function);
        }
    }
    ASSERT_GE(points.size(), 2u);
    const QPoint tail = points.front();
    const QPoint head = *std::ranges::max_element(points, {}, [&](QPoint p) { return (p - tail).manhattanLength(); });

    tools()->setTool(ui::AnnotationTools::Tool::Arrow);
    drag(flame, tail, head);
    ASSERT_EQ(set()->annotations().size(), 1u);
    ui::Annotation arrow = only();
    EXPECT_EQ(arrow.kind, ui::AnnotationKind::Arrow);
    EXPECT_EQ(arrow.view, ui::AnnotationView::FlameGraph);
    EXPECT_FALSE(arrow.anchor.function.empty());
    EXPECT_FALSE(arrow.end.function.empty());
    EXPECT_NE(arrow.anchor.function, arrow.end.function);
    EXPECT_LE((*mapper.resolve(arrow, arrow.anchor) - tail).manhattanLength(), 2);
    EXPECT_LE((*mapper.resolve(arrow, arrow.end) - head).manhattanLength(), 2);

    tools()->setTool(ui::AnnotationTools::Tool::Box);
    drag(flame, tail + QPoint(-20, -5), head + QPoint(10, 5));
    ASSERT_EQ(set()->annotations().size(), 2u);
    EXPECT_EQ(set()->annotations()[1].kind, ui::AnnotationKind::Box);
    EXPECT_EQ(overlayOf(flame)->selected(), 1u);
    // A double-click on it edits its text.
    const std::vector<ui::AnnotationShape> shapes = overlayOf(flame)->shapes();
    ASSERT_EQ(shapes.size(), 2u);
    QTest::mouseDClick(flame, Qt::LeftButton, {}, *shapes[1].pin);
    EXPECT_EQ(set()->annotations()[1].text, kText);

    // Exported with the view, where the view draws them.
    const ui::ExportSource source = window.windowExport()->sourceFor(ui::ExportRequest::Target::CurrentView);
    const QImage plain = ui::exportImage(source, {});
    const QImage annotated = ui::exportImage(source, window.windowExport()->optionsFor({}));
    const QPoint middle = (tail + head) / 2;
    EXPECT_TRUE(markNear(annotated, middle));
    EXPECT_NE(plain.pixelColor(middle), annotated.pixelColor(middle));
    gs::test::saveRender(*flame, "annotated-flame");
}

TEST_F(AnnotationWindow, BoxOnTheTracePlotsAndArrowOnTheGcPlot)
{
    open("trace/go126_sched.trace");
    QCustomPlot* plot = window.tracePage()->pane()->plots()->plot();
    ASSERT_TRUE(plot->isVisible());
    const QRect rect = plot->axisRect(0)->rect();
    tools()->setTool(ui::AnnotationTools::Tool::Box);
    const QPoint from = rect.topLeft() + QPoint(rect.width() / 4, rect.height() / 4);
    const QPoint to = rect.topLeft() + QPoint(rect.width() / 2, rect.height() * 3 / 4);
    drag(plot, from, to);
    ASSERT_EQ(set()->annotations().size(), 1u);
    EXPECT_EQ(only().view, ui::AnnotationView::Plot);
    EXPECT_EQ(only().plot, QStringLiteral("tracePlots"));
    EXPECT_EQ(only().anchor.panel, 0);
    EXPECT_NEAR(only().anchor.x, plot->axisRect(0)->axis(QCPAxis::atBottom)->pixelToCoord(from.x()), 1e-6);
    EXPECT_NEAR(only().end.y, plot->axisRect(0)->axis(QCPAxis::atLeft)->pixelToCoord(to.y()), 1e-6);
    // The timeline's other views do not show it.
    EXPECT_TRUE(overlayOf(window.tracePage()->timeline()->viewport())->shapes().empty());

    open("dumps/gctrace.txt");
    QCustomPlot* gc = window.gcPage()->plot();
    ASSERT_TRUE(gc->isVisible());
    const QRect gcRect = gc->axisRect(0)->rect();
    const QPoint tail = gcRect.center() - QPoint(80, 0);
    const QPoint head = gcRect.center() + QPoint(80, 0);
    tools()->setTool(ui::AnnotationTools::Tool::Arrow);
    drag(gc, tail, head);
    ASSERT_EQ(set()->annotations().size(), 1u);
    EXPECT_EQ(only().plot, QStringLiteral("gcPlot"));
    const QImage exported = ui::exportImage(window.windowExport()->sourceFor(ui::ExportRequest::Target::CurrentView),
                                            window.windowExport()->optionsFor({}));
    EXPECT_TRUE(markNear(exported, (tail + head) / 2));
    // In the whole window, where the plot sits in it.
    const QImage whole = ui::exportImage(window.windowExport()->sourceFor(ui::ExportRequest::Target::WholeWindow),
                                         window.windowExport()->optionsFor({}));
    EXPECT_TRUE(markNear(whole, gc->mapTo(&window, (tail + head) / 2)));
}

TEST_F(AnnotationWindow, NoteOnTheGoroutineTableFollowsItsRow)
{
    open("trace/go126_sched.trace");
    ui::GoroutineTable* table = window.tracePage()->goroutineTable();
    QTabWidget* tabs = window.tracePage()->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i) == table || tabs->widget(i)->isAncestorOf(table))
            tabs->setCurrentIndex(i);
    }
    ASSERT_TRUE(table->isVisible());
    const QRect cell = table->visualRect(table->model()->index(2, 1));
    tools()->setTool(ui::AnnotationTools::Tool::Note);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    ASSERT_EQ(set()->annotations().size(), 1u);
    EXPECT_EQ(only().view, ui::AnnotationView::GoroutineTable);
    EXPECT_EQ(only().anchor.goroutine, table->tableModel()->goroutineAt(2));
    // Sorted the other way, the note stays on its goroutine's row.
    table->sortByColumn(0, Qt::DescendingOrder);
    const int row = table->tableModel()->rowOfGoroutine(only().anchor.goroutine);
    const std::optional<QPoint> pin = overlayOf(table->viewport())->mapper().resolve(only(), only().anchor);
    ASSERT_TRUE(pin);
    EXPECT_EQ(table->rowAt(pin->y()), row);
}

TEST_F(AnnotationWindow, NoteOnTheTopTableFollowsItsFunction)
{
    open("pprof/cpu.pb.gz");
    QTableView* table = window.profilePage()->topView();
    ASSERT_TRUE(table->isVisible());
    const auto& model = *qobject_cast<ui::TopTableModel*>(table->model());
    ASSERT_GT(model.rowCount(), 3);
    tools()->setTool(ui::AnnotationTools::Tool::Note);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(model.index(2, ui::TopTableModel::Name)).center());
    ASSERT_EQ(set()->annotations().size(), 1u);
    EXPECT_EQ(only().view, ui::AnnotationView::TopTable);
    EXPECT_EQ(only().anchor.function, model.index(2, ui::TopTableModel::Name).data().toString().toStdString());
    EXPECT_EQ(only().anchor.goroutine, kNoRow);
    // Sorted by name, the note stays on its function's row, wherever that went.
    table->sortByColumn(ui::TopTableModel::Name, Qt::AscendingOrder);
    const std::optional<QPoint> pin = overlayOf(table->viewport())->mapper().resolve(only(), only().anchor);
    ASSERT_TRUE(pin);
    const int row = table->rowAt(pin->y());
    ASSERT_GE(row, 0);
    EXPECT_NE(row, 2);
    EXPECT_EQ(model.index(row, ui::TopTableModel::Name).data().toString().toStdString(), only().anchor.function);
}

TEST_F(AnnotationWindow, NoteOnTheDumpGroupsFollowsItsGroup)
{
    open("dumps/leak_after.txt");
    ui::DumpPanel& panel = *window.dumpPage()->panel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel.view() != nullptr; }, kTimeoutMs));
    QTableView* table = panel.groupTable();
    ASSERT_TRUE(table->isVisible());
    ui::DumpGroupModel& model = *panel.groupModel();
    ASSERT_GT(model.rowCount(), 1);
    tools()->setTool(ui::AnnotationTools::Tool::Note);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(model.index(0, ui::DumpGroupModel::State)).center());
    ASSERT_EQ(set()->annotations().size(), 1u);
    EXPECT_EQ(only().view, ui::AnnotationView::DumpGroups);
    const std::shared_ptr<const ui::DumpView> before = model.view();
    EXPECT_EQ(only().anchor.goroutine, before->entries[before->groups[0].entries.front()].index);
    // The groups in the other order (as a re-sort or a narrower filter leaves them): the note
    // stays on the row of its group.
    auto reversed = std::make_shared<ui::DumpView>(*before);
    std::reverse(reversed->groups.begin(), reversed->groups.end());
    model.setView(reversed);
    const std::optional<QPoint> pin = overlayOf(table->viewport())->mapper().resolve(only(), only().anchor);
    ASSERT_TRUE(pin);
    const int row = table->rowAt(pin->y());
    EXPECT_EQ(row, model.rowCount() - 1);
    EXPECT_EQ(model.groupAt(row)->entries, before->groups[0].entries);
    // An Any note's goroutine is a trace's: the dump table does not pin it.
    ui::Annotation any = only();
    any.view = ui::AnnotationView::Any;
    EXPECT_FALSE(overlayOf(table->viewport())->mapper().resolve(any, any.anchor));
}

TEST_F(AnnotationWindow, TimelineExportDrawsArrowsAndBoxes)
{
    open("trace/go126_sched.trace");
    ui::TimelineView* timeline = window.tracePage()->timeline();
    QWidget* canvas = timeline->viewport();
    // What this trace shows: goroutine rows 0 (G1 main.main), 2 (G3, the background sweeper), 3 (G4,
    // the scavenger), 6 and 7 (G18, G19: the trace's own reader and advancer).
    const auto says = [this](const char* text) {
        tools()->setTextPrompt([text](QWidget*, const QString&) { return std::optional<QString>(QString::fromUtf8(text)); });
    };
    tools()->setTool(ui::AnnotationTools::Tool::Arrow);
    const QPoint tail = timelinePoint(560, 3);
    const QPoint head = timelinePoint(318, 2);
    drag(canvas, tail, head);
    tools()->setTool(ui::AnnotationTools::Tool::Box);
    const QPoint corner = timelinePoint(6, 6) - QPoint(0, 7);
    const QPoint opposite = timelinePoint(860, 7) + QPoint(0, 7);
    drag(canvas, corner, opposite);
    tools()->setTool(ui::AnnotationTools::Tool::Note);
    says("main.main blocks on sync for ~7 ms while the workers run");
    QTest::mouseClick(canvas, Qt::LeftButton, {}, timelinePoint(150, 0));
    tools()->setTool(ui::AnnotationTools::Tool::None);
    ASSERT_EQ(set()->annotations().size(), 3u);
    // Texts on the arrow and the box, by double-clicks on them. The note's text box covers the
    // middle of the arrow (rows sit close together), so the arrow is taken near its tail.
    const QPoint onArrow = tail + (head - tail) / 5;
    says("the background sweeper parks here");
    QTest::mouseDClick(canvas, Qt::LeftButton, {}, onArrow);
    says("the trace's own reader and advancer wait on channels");
    QTest::mouseDClick(canvas, Qt::LeftButton, {}, QPoint((corner.x() + opposite.x()) / 2, opposite.y()));
    EXPECT_FALSE(set()->annotations()[0].text.isEmpty());
    EXPECT_FALSE(set()->annotations()[1].text.isEmpty());

    WindowExport* exporter = window.windowExport();
    const ui::ExportSource source = exporter->sourceFor(ui::ExportRequest::Target::CurrentView);
    const QImage image = ui::exportImage(source, exporter->optionsFor({}));
    EXPECT_TRUE(markNear(image, onArrow));
    EXPECT_TRUE(markNear(image, QPoint(corner.x(), (corner.y() + opposite.y()) / 2)));
    EXPECT_TRUE(markNear(image, QPoint((corner.x() + opposite.x()) / 2, opposite.y())));
    // The screen shows the same.
    const QImage screen = canvas->grab().toImage();
    EXPECT_TRUE(markNear(screen, onArrow));

    // An annotated export of a real trace, for a person (and the README) to look at.
    const QString dir = qEnvironmentVariable("GOROSCOPE_RENDER_DIR");
    if (!dir.isEmpty()) {
        ui::ExportRequest request;
        request.caption = true;
        request.captionText = QStringLiteral("A note, an arrow and a box pinned to goroutine rows and times");
        request.path = QDir(dir).filePath(QStringLiteral("annotated-timeline.png"));
        EXPECT_TRUE(exporter->exportTo(request));
    }
}

ui::AnnotationAnchor anchorOf(GoroutineRow goroutine, std::string function, double x, double y, int panel = 0)
{
    ui::AnnotationAnchor anchor;
    anchor.goroutine = goroutine;
    anchor.function = std::move(function);
    anchor.x = x;
    anchor.y = y;
    anchor.panel = panel;
    return anchor;
}

TEST(AnnotationJson, EveryKindRoundTrips)
{
    std::vector<ui::Annotation> all(7);
    all[0].text = QStringLiteral("the export dialog's note");
    all[0].anchor.goroutine = 12;
    all[0].anchor.function = "main.work";
    all[1].view = ui::AnnotationView::Timeline;
    all[1].text = QStringLiteral("blocked \"here\"\nfor long");
    all[1].anchor = anchorOf(3, {}, 123456789.0, 0.5);
    all[2].kind = ui::AnnotationKind::Arrow;
    all[2].view = ui::AnnotationView::FlameGraph;
    all[2].anchor = anchorOf(kNoRow, "runtime.mallocgc", 0.25, 0.75);
    all[2].end = anchorOf(kNoRow, "main.(*T).Run", 0.125, 0.5);
    all[3].kind = ui::AnnotationKind::Box;
    all[3].view = ui::AnnotationView::Plot;
    all[3].plot = QStringLiteral("gcPlot");
    all[3].text = QStringLiteral("a spike");
    all[3].anchor = anchorOf(kNoRow, {}, 1.5, -2.25, 1);
    all[3].end = anchorOf(kNoRow, {}, 3.5, 7.0, 1);
    all[4].kind = ui::AnnotationKind::Arrow;
    all[4].view = ui::AnnotationView::GoroutineTable;
    all[4].anchor = anchorOf(0, {}, 0.1, 0.5);
    all[4].end = anchorOf(7, {}, 0.9, 0.5);
    all[5].view = ui::AnnotationView::TopTable;
    all[5].text = QStringLiteral("hot");
    all[5].anchor = anchorOf(kNoRow, "runtime.mallocgc", 0.3, 0.5);
    all[6].kind = ui::AnnotationKind::Box;
    all[6].view = ui::AnnotationView::DumpGroups;
    all[6].anchor = anchorOf(41, {}, 0.0, 0.0);
    all[6].end = anchorOf(41, {}, 1.0, 1.0);
    // Through the bytes a session file holds.
    const QByteArray bytes = QJsonDocument(ui::annotationsToJson(all)).toJson();
    QString error;
    const auto back = ui::annotationsFromJson(QJsonDocument::fromJson(bytes).array(), &error);
    ASSERT_TRUE(back) << error.toStdString();
    EXPECT_EQ(*back, all);
}

TEST(AnnotationJson, MalformedEntriesAreRefusedNamingThem)
{
    const char* good = R"({"kind": "note", "view": "timeline", "text": "ok", "anchor": {"goroutine_row": 1, "x": 5, "y": 0.5}})";
    const char* bad[] = {
        R"("a note")",
        R"({"kind": "circle", "view": "timeline", "anchor": {}})",
        R"({"kind": "note", "anchor": {}})",
        R"({"kind": "note", "view": "plot", "anchor": {"x": 1, "y": 2}})",
        R"({"kind": "arrow", "view": "timeline", "anchor": {"goroutine_row": 1}})",
        R"({"kind": "note", "view": "timeline", "anchor": {"goroutine_row": -1}})",
        R"({"kind": "note", "view": "timeline", "anchor": {"x": "soon"}})",
        R"({"kind": "note", "view": "timeline", "anchor": {}, "colour": "red"})",
        R"({"kind": "note", "view": "timeline", "anchor": {}, "end": {}})",
        R"({"kind": "note", "view": "timeline", "text": 5, "anchor": {}})",
        R"({"kind": "box", "view": "flame_graph", "anchor": {"function": ""}, "end": {}})",
        R"({"kind": "note", "view": "dump_group", "anchor": {"goroutine_row": 1}})",
        R"({"kind": "note", "view": "top_table", "plot": "gcPlot", "anchor": {"function": "main.main"}})",
    };
    for (const char* entry : bad) {
        const QByteArray json = QByteArray("[") + good + ", " + entry + "]";
        QJsonParseError parse;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parse);
        ASSERT_EQ(parse.error, QJsonParseError::NoError) << entry;
        QString error;
        EXPECT_FALSE(ui::annotationsFromJson(document.array(), &error)) << entry;
        EXPECT_TRUE(error.startsWith(QStringLiteral("annotation 2: "))) << error.toStdString();
        EXPECT_FALSE(error.contains(QLatin1Char('\n'))) << error.toStdString();
    }
    QString error;
    EXPECT_TRUE(ui::annotationsFromJson(QJsonDocument::fromJson(QByteArray("[") + good + "]").array(), &error));
}

} // namespace
} // namespace gs::app
