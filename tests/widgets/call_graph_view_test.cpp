// SPDX-License-Identifier: MIT
#include "tests/widgets/widget_fixtures.h"
#include "widgets/annotations/view_mappers.h"
#include "widgets/export/exporter.h"
#include "widgets/export/view_sources.h"
#include "widgets/graph/call_graph_view.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"
#include "widgets/top/top_table_model.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QFile>
#include <QHelpEvent>
#include <QImage>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace gs::ui {
namespace {

constexpr int kTimeoutMs = 20000;

// The profile page on cpu.pb.gz (a real CPU profile: main.spin calls main.fib, main.hashLoop,
// main.sortWork...), switched to the Graph view with its shortcut's action.
class CallGraphViewTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        page.resize(1400, 900);
        page.show();
        session.setStore(test::loadFixture("pprof/cpu.pb.gz"));
        ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing() && session.result(); }, kTimeoutMs));
        QAction* graph = graphAction();
        ASSERT_TRUE(graph);
        EXPECT_EQ(graph->shortcut(), QKeySequence(QStringLiteral("Ctrl+4")));
        graph->trigger();
        ASSERT_TRUE(waitForGraph());
    }

    QAction* graphAction() const
    {
        const QList<QAction*> actions = page.viewActions();
        const auto it = std::find_if(actions.begin(), actions.end(),
                                     [](QAction* a) { return a && a->text() == QStringLiteral("Graph"); });
        return it == actions.end() ? nullptr : *it;
    }

    bool waitForGraph()
    {
        return QTest::qWaitFor([&] { return !session.isComputing() && view()->scene() && !view()->isLayingOut(); },
                               kTimeoutMs);
    }

    CallGraphView* view() const { return page.graphView(); }

    std::optional<uint32_t> node(const std::string& name) const { return view()->nodeNamed(name); }

    ProfileSession session;
    ProfilePage page {&session};
};

TEST_F(CallGraphViewTest, ShowsPprofsNodesCallersAboveCallees)
{
    EXPECT_TRUE(view()->isVisible());
    const CallGraph& graph = *view()->shownData().graph;
    const CallGraphScene& scene = *view()->scene();
    ASSERT_EQ(scene.nodes.size(), graph.nodes.size());
    ASSERT_EQ(scene.edges.size(), graph.edges.size());
    // Functions `go tool pprof -dot` draws for this profile.
    for (const char* name : {"main.spin", "main.fib", "main.hashLoop", "main.sortWork", "runtime.asyncPreempt"})
        EXPECT_TRUE(node(name)) << name;
    // main.spin calls main.fib and main.hashLoop: it is drawn above them.
    ASSERT_TRUE(node("main.spin") && node("main.fib") && node("main.hashLoop"));
    EXPECT_LT(view()->nodeRect(*node("main.spin")).bottom(), view()->nodeRect(*node("main.fib")).top());
    EXPECT_LT(view()->nodeRect(*node("main.spin")).bottom(), view()->nodeRect(*node("main.hashLoop")).top());
    // The box says what pprof's says: the name split at the dot, flat and cum.
    const CallGraphScene::Node& fib = scene.nodes[*node("main.fib")];
    ASSERT_GE(fib.lines.size(), 3u);
    EXPECT_EQ(fib.lines[0], "main");
    EXPECT_EQ(fib.lines[1], "fib");
    EXPECT_EQ(fib.fontSize, graph.fontSize(graph.nodes[fib.node]));
    // An inlined call is labelled so (main.spin -> main.hashLoop is inlined in this binary).
    bool inlineLabel = false;
    for (const CallGraphScene::Edge& e : scene.edges)
        inlineLabel = inlineLabel || (e.labelLines.size() == 2 && e.labelLines[1] == " (inline)");
    EXPECT_TRUE(inlineLabel);
}

TEST_F(CallGraphViewTest, ClickingANodeSelectsItsFunctionEverywhere)
{
    const std::optional<uint32_t> fib = node("main.fib");
    ASSERT_TRUE(fib);
    QTest::mouseClick(view(), Qt::LeftButton, Qt::NoModifier, view()->nodeRect(*fib).center().toPoint());
    EXPECT_EQ(session.selectedFunction(), "main.fib");
    EXPECT_EQ(view()->selectedNode(), fib);
    // The top table follows the session.
    const QModelIndex current = page.topView()->selectionModel()->currentIndex();
    ASSERT_TRUE(current.isValid());
    EXPECT_EQ(page.topModel()->index(current.row(), TopTableModel::Name).data().toString(), QStringLiteral("main.fib"));
    // A click on empty canvas selects nothing new.
    QTest::mouseClick(view(), Qt::LeftButton, Qt::NoModifier, QPoint(2, 2));
    EXPECT_EQ(session.selectedFunction(), "main.fib");
}

TEST_F(CallGraphViewTest, ASelectionElsewhereRingsAndCentresItsNode)
{
    view()->zoomBy(3, QPointF(0, 0));
    session.setSelectedFunction("main.hashLoop");
    const std::optional<uint32_t> hash = node("main.hashLoop");
    ASSERT_TRUE(hash);
    EXPECT_EQ(view()->selectedNode(), hash);
    const QPointF centre = view()->nodeRect(*hash).center();
    EXPECT_NEAR(centre.x(), view()->width() / 2.0, 1.0);
    EXPECT_NEAR(centre.y(), view()->height() / 2.0, 1.0);
    session.setSelectedFunction("no.such.function");
    EXPECT_FALSE(view()->selectedNode());
}

TEST_F(CallGraphViewTest, SearchMarksTheMatchingNodes)
{
    page.searchField()->setText(QStringLiteral("fib|hashLoop"));
    QTest::keyClick(page.searchField(), Qt::Key_Return);
    std::vector<uint32_t> expected {*node("main.fib"), *node("main.hashLoop")};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(view()->matchingNodes(), expected);
    // The matches are painted differently from the rest: a match's box is not dimmed.
    const QImage searched = view()->grab().toImage();
    page.searchField()->clear();
    QTest::keyClick(page.searchField(), Qt::Key_Return);
    EXPECT_TRUE(view()->matchingNodes().empty());
    EXPECT_NE(searched, view()->grab().toImage());
    EXPECT_FALSE(view()->setSearch(QStringLiteral("(unclosed")).isEmpty());
}

TEST_F(CallGraphViewTest, TheTooltipGivesFlatAndCumWithUnits)
{
    const QPoint at = view()->nodeRect(*node("main.fib")).center().toPoint();
    QHelpEvent help(QEvent::ToolTip, at, view()->mapToGlobal(at));
    QApplication::sendEvent(view(), &help);
    QLabel* tip = test::shownToolTip();
    ASSERT_TRUE(tip);
    const QString text = tip->text();
    EXPECT_TRUE(text.contains(QStringLiteral("main.fib"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("flat 90 ms (9.2%)"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("cum 170 ms (17.3%)"))) << text.toStdString();
}

TEST_F(CallGraphViewTest, ZoomsWithKeysAndFitsWithCtrl0)
{
    view()->setFocus();
    const double fitted = view()->zoom();
    QTest::keyClick(view(), Qt::Key_Equal, Qt::ControlModifier);
    EXPECT_GT(view()->zoom(), fitted);
    QTest::keyClick(view(), Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(view(), Qt::Key_Minus, Qt::ControlModifier);
    EXPECT_LT(view()->zoom(), fitted);
    QTest::keyClick(view(), Qt::Key_0, Qt::ControlModifier);
    EXPECT_DOUBLE_EQ(view()->zoom(), fitted);
    // Dragging pans: the node under the pointer moves with it.
    const QRectF before = view()->nodeRect(*node("main.spin"));
    const QPoint from(view()->width() - 20, view()->height() - 20);
    QTest::mousePress(view(), Qt::LeftButton, Qt::NoModifier, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(from - QPoint(100, 50)), view()->mapToGlobal(QPointF(from - QPoint(100, 50))),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view(), &move);
    QTest::mouseRelease(view(), Qt::LeftButton, Qt::NoModifier, from - QPoint(100, 50));
    EXPECT_EQ(view()->nodeRect(*node("main.spin")).topLeft(), before.topLeft() - QPointF(100, 50));
}

TEST_F(CallGraphViewTest, ExportsToPngAndSvgWithAnAnnotation)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const ExportSource source = callGraphSource(*view());
    Annotation note;
    note.view = AnnotationView::CallGraph;
    note.text = QStringLiteral("hot loop");
    note.anchor.function = "main.hashLoop";
    note.anchor.x = 0.5;
    note.anchor.y = 0.5;
    ASSERT_TRUE(source.resolve);
    const std::optional<QPoint> pin = source.resolve(note, note.anchor);
    ASSERT_TRUE(pin);
    EXPECT_LE((QPointF(*pin) - view()->nodeRect(*node("main.hashLoop")).center()).manhattanLength(), 2.0);
    ExportOptions options;
    options.notes.push_back(note);

    const QString png = dir.filePath(QStringLiteral("graph.png"));
    ASSERT_FALSE(exportToFile(source, options, png));
    const QImage image(png);
    EXPECT_EQ(image.size(), view()->size());
    const QString svg = dir.filePath(QStringLiteral("graph.svg"));
    ASSERT_FALSE(exportToFile(source, options, svg));
    QFile file(svg);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    // Names stay text in the vector export, and the note is in it.
    EXPECT_TRUE(text.contains("hashLoop"));
    EXPECT_TRUE(text.contains("asyncPreempt"));
    EXPECT_TRUE(text.contains("hot loop"));
}

TEST_F(CallGraphViewTest, SwitchingBackShowsTheFlameGraph)
{
    page.viewActions().first()->trigger(); // Top-down
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing(); }, kTimeoutMs));
    EXPECT_FALSE(view()->isVisible());
    EXPECT_TRUE(page.flameView()->isVisible());
    EXPECT_FALSE(view()->scene());
}

// Compared with a base, the graph is pprof's -diff_base graph: the nodes' values are the
// differences (the block profile against the mutex profile, same sample types), and clicking
// and selecting still meet the session's functions by name.
TEST(CallGraphDiff, ShowsTheDifferencesAndSelectsByName)
{
    ProfileSession session;
    ProfilePage page(&session);
    page.resize(1400, 900);
    page.show();
    session.setStore(test::loadFixture("pprof/block.pb.gz"));
    session.setMode(ViewMode::Graph);
    session.setBase(test::loadFixture("pprof/mutex.pb.gz"), BaseMode::Compare);
    CallGraphView* view = page.graphView();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing() && view->scene() && !view->isLayingOut(); },
                                kTimeoutMs));
    ASSERT_TRUE(session.result()->isDiff);
    EXPECT_EQ(view->message(), QString());
    const CallGraph& graph = *view->shownData().graph;
    ASSERT_FALSE(graph.nodes.empty());
    // Some functions block more than they wait on mutexes and some less: both signs appear.
    const bool grew = std::any_of(graph.nodes.begin(), graph.nodes.end(), [](const CallGraphNode& n) { return n.cum > 0; });
    const bool shrank = std::any_of(graph.nodes.begin(), graph.nodes.end(), [](const CallGraphNode& n) { return n.cum < 0; });
    EXPECT_TRUE(grew);
    EXPECT_TRUE(shrank);

    const std::string name = graph.nodes.back().name;
    const std::optional<uint32_t> node = view->nodeNamed(name);
    ASSERT_TRUE(node) << name;
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, view->nodeRect(*node).center().toPoint());
    EXPECT_EQ(session.selectedFunction(), name);
    EXPECT_EQ(view->selectedNode(), node);
    session.setSelectedFunction(graph.nodes.front().name);
    EXPECT_EQ(view->selectedNode(), view->nodeNamed(graph.nodes.front().name));
    test::saveRender(page, "call-graph-diff");
}

TEST_F(CallGraphViewTest, Render)
{
    session.setSelectedFunction("main.fib");
    view()->fitToView(); // the whole graph, main.fib ringed
    QTest::qWait(50);
    test::saveRender(page, "call-graph");
    test::saveRender(*view(), "call-graph-view");
}

} // namespace
} // namespace gs::ui
