// SPDX-License-Identifier: MIT
// Back, forward and bookmarks on a real trace: the trace page records the span, goroutine, time
// window and tab the user looked at, and going back shows them again through the shared session,
// by the toolbar, Alt+Left / Alt+Right, the mouse's back and forward buttons and the Go menu.
#include "app/gui/main_window.h"
#include "core/load/load_file.h"
#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/goroutines/goroutine_table.h"
#include "widgets/navigation/bookmarks.h"
#include "widgets/navigation/bookmarks_dialog.h"
#include "widgets/navigation/navigation_history.h"
#include "widgets/profile/profile_page.h"
#include "widgets/timeline/chain_panel.h"
#include "widgets/timeline/span_details_panel.h"
#include "widgets/timeline/timeline_pane.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_navigator.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QWheelEvent>

#include <functional>

namespace gs::ui {
namespace {

constexpr int kWaitMs = 20'000;
const char* const kTrace = GOROSCOPE_TEST_DATA_DIR "/trace/go126_sched.trace";

StorePtr loadTrace()
{
    LoadContext ctx;
    auto loaded = loadFile(kTrace, ctx);
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return loaded.ok() ? *loaded : nullptr;
}

// The navigator records a burst of selection changes on the next event-loop turn.
void settle()
{
    QCoreApplication::processEvents();
}

// Where to click on a page's timeline: a waiting span wide enough to hit, and the label of a
// goroutine row other than the span's, both on screen.
struct Targets
{
    SpanRef span;
    QPoint spanPoint;
    GoroutineRow other = kNoRow;
    QPoint otherPoint;
};

Targets findTargets(const TimelineView& view)
{
    const TraceData& t = *view.store()->trace;
    const QRect area = view.viewport()->rect();
    const TimelineScene scene = view.scene();
    Targets found;
    for (size_t i = 0; i < view.layout().rowCount(); ++i) {
        const LayoutRow& row = view.layout().row(i);
        const int y = scene.rowTop(area, i) + TimelineLayout::kStateBarHeight / 2;
        if (row.kind != RowKind::Goroutine || y >= area.bottom())
            continue;
        if (found.span.row != kNoRow) {
            found.other = row.index;
            found.otherPoint = {view.labelWidth() / 2, y};
            break;
        }
        const auto [begin, end] = t.spans.rowRange(row.index);
        for (uint32_t k = begin; k < end; ++k) {
            const auto [x0, x1] = scene.xRange(area, t.spans.startOf(k), t.spans.endOf(k));
            if (t.spans.stateOf(k) == SpanState::Waiting && x1 - x0 >= 12) {
                found.span = {row.index, k};
                found.spanPoint = {(x0 + x1) / 2, y};
                break;
            }
        }
    }
    return found;
}

// Ctrl+wheel over the middle of the timeline: zooms in around it.
void zoomIn(TimelineView& view)
{
    const QPoint at(view.labelWidth() + 300, 100);
    QWheelEvent wheel(at, view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::ControlModifier,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view.viewport(), &wheel);
}

// Shows `top` (the page, or the window holding it), lets `open` give the page the trace, waits for
// the first filter pass and finds what to click.
void showTrace(QWidget& top, const TracePage& page, const std::function<void()>& open, Targets& targets)
{
    top.resize(1400, 900);
    top.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&top));
    open();
    ASSERT_TRUE(QTest::qWaitFor([&page] { return !page.session()->isFiltering(); }, kWaitMs));
    targets = findTargets(*page.timeline());
    ASSERT_NE(targets.span.row, kNoRow) << "no waiting span wide enough to click";
    ASSERT_NE(targets.other, kNoRow);
}

class NavigationTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        store = loadTrace();
        ASSERT_TRUE(store);
        ASSERT_NO_FATAL_FAILURE(showTrace(page, page, [this] { page.setStore(store); }, targets));
    }

    TimelineView& view() const { return *page.timeline(); }
    TraceNavigator& nav() const { return *page.navigator(); }
    TraceSession& session() const { return *page.session(); }
    std::pair<TimeNs, TimeNs> window() const { return {view().window().startNs, view().window().endNs}; }

    StorePtr store;
    TracePage page;
    Targets targets;
};

TEST_F(NavigationTest, BackTwiceAfterAGoroutineAndAZoomShowsTheClickedSpanAgain)
{
    QTest::mouseClick(view().viewport(), Qt::LeftButton, {}, targets.spanPoint);
    settle();
    ASSERT_EQ(session().selectedSpan(), targets.span) << "the click reaches the session";
    const auto spanWindow = window();
    const QString spanState = page.pane()->details()->field(QStringLiteral("state"));
    EXPECT_FALSE(spanState.isEmpty());

    QTest::mouseClick(view().viewport(), Qt::LeftButton, {}, targets.otherPoint);
    settle();
    ASSERT_EQ(session().selectedGoroutine(), targets.other);
    EXPECT_FALSE(session().selectedSpan().has_value());
    zoomIn(view());
    const auto zoomed = window();
    ASSERT_NE(zoomed, spanWindow);
    EXPECT_EQ(nav().history()->entries().size(), 3u) << "start, span, goroutine; the zoom waits for a pause";

    nav().backAction()->trigger(); // undoes the zoom
    EXPECT_EQ(session().selectedGoroutine(), targets.other);
    EXPECT_EQ(window(), spanWindow);
    nav().backAction()->trigger();
    EXPECT_EQ(session().selectedSpan(), targets.span);
    EXPECT_EQ(session().selectedGoroutine(), targets.span.row);
    EXPECT_EQ(view().selectedSpan(), targets.span);
    EXPECT_EQ(view().selectedGoroutine(), targets.span.row);
    EXPECT_EQ(window(), spanWindow);
    EXPECT_EQ(page.pane()->details()->field(QStringLiteral("state")), spanState);
    settle();
    EXPECT_EQ(nav().history()->entries().size(), 4u) << "going back records nothing new";

    nav().forwardAction()->trigger();
    EXPECT_EQ(session().selectedGoroutine(), targets.other);
    EXPECT_FALSE(view().selectedSpan().has_value());
    nav().forwardAction()->trigger();
    EXPECT_EQ(window(), zoomed);
    EXPECT_FALSE(nav().forwardAction()->isEnabled());
    EXPECT_TRUE(nav().backAction()->isEnabled());
}

TEST_F(NavigationTest, AltLeftAndAltRightGoBackAndForward)
{
    page.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&page));
    session().setSelectedSpan(targets.span);
    settle();
    session().setSelectedGoroutine(targets.other);
    settle();
    QTest::keyClick(&view(), Qt::Key_Left, Qt::AltModifier);
    EXPECT_EQ(session().selectedSpan(), targets.span);
    QTest::keyClick(&view(), Qt::Key_Right, Qt::AltModifier);
    EXPECT_EQ(session().selectedGoroutine(), targets.other);
    EXPECT_FALSE(session().selectedSpan().has_value());
}

TEST_F(NavigationTest, ASpanTheSessionSelectsIsShownOnTheTimelineAndInTheDetails)
{
    const TraceData& t = *store->trace;
    session().setSelectedSpan(targets.span);
    EXPECT_EQ(view().selectedSpan(), targets.span);
    EXPECT_EQ(page.pane()->details()->field(QStringLiteral("state")),
              QString::fromLatin1(spanStateName(t.spans.stateOf(targets.span.span))));
    session().setSelectedSpan(std::nullopt);
    EXPECT_FALSE(view().selectedSpan().has_value());
    EXPECT_EQ(view().selectedGoroutine(), targets.span.row) << "the goroutine stays selected";
    EXPECT_EQ(page.pane()->details()->field(QStringLiteral("state")), QStringLiteral("-")) << "cleared";
}

TEST_F(NavigationTest, SwitchingTabsIsAVisitAndBackSwitchesBack)
{
    ASSERT_GE(page.tabs()->count(), 2);
    page.tabs()->setCurrentIndex(1);
    settle();
    nav().back();
    EXPECT_EQ(page.tabs()->currentIndex(), 0);
    nav().forward();
    EXPECT_EQ(page.tabs()->currentIndex(), 1);
}

TEST_F(NavigationTest, LocationsAreLabelledByWhatIsSelected)
{
    const TraceData& t = *store->trace;
    session().setSelectedSpan(targets.span);
    const QString spanLabel = nav().describe(nav().location());
    EXPECT_TRUE(spanLabel.startsWith(QStringLiteral("G%1 \u00b7 waiting").arg(t.goroutines[targets.span.row].id)))
        << spanLabel.toStdString();
    session().setSelectedGoroutine(kNoRow);
    session().setSelectedFunction("runtime.gopark");
    EXPECT_EQ(nav().describe(nav().location()), QStringLiteral("runtime.gopark"));
    session().setSelectedFunction({});
    EXPECT_TRUE(nav().describe(nav().location()).contains(QStringLiteral(" \u2013 ")));
}

TEST_F(NavigationTest, ABookmarkShowsItsLocationAgainAsANewVisit)
{
    session().setSelectedSpan(targets.span);
    view().setTimeRange(store->trace->spans.startOf(targets.span.span), store->trace->spans.endOf(targets.span.span));
    const NavLocation marked = nav().location();
    ASSERT_EQ(nav().bookmarks()->add(QStringLiteral("the wait"), marked), 0);

    session().setSelectedGoroutine(targets.other);
    view().fitAll();
    settle();
    nav().goToBookmark(0);
    EXPECT_EQ(nav().location(), marked);
    EXPECT_EQ(nav().history()->entries().back(), marked);
    nav().back();
    EXPECT_EQ(session().selectedGoroutine(), targets.other);
}

TEST_F(NavigationTest, AChainHopGoesThroughTheSessionAndIntoTheHistory)
{
    // What activating a hop of the chain panel does; the span need not be a real hop for the route.
    session().setSelectedGoroutine(targets.other);
    settle();
    emit page.pane()->chain()->hopActivated(targets.span.row, targets.span.span);
    EXPECT_EQ(view().selectedSpan(), targets.span);
    EXPECT_EQ(session().selectedSpan(), targets.span);
    settle();
    nav().back();
    EXPECT_EQ(session().selectedGoroutine(), targets.other);
    EXPECT_FALSE(view().selectedSpan().has_value());
}

TEST_F(NavigationTest, ANewTraceStartsWithNoHistoryAndNoBookmarks)
{
    session().setSelectedSpan(targets.span);
    settle();
    nav().bookmarks()->add(QStringLiteral("x"), nav().location());
    ASSERT_TRUE(nav().backAction()->isEnabled());
    page.setStore(loadTrace());
    EXPECT_FALSE(nav().backAction()->isEnabled());
    EXPECT_FALSE(nav().forwardAction()->isEnabled());
    EXPECT_EQ(nav().bookmarks()->count(), 0);
    EXPECT_EQ(nav().history()->entries().size(), 1u);
}

// The main window: Go menu, mouse buttons anywhere in the window, Ctrl+D.
class NavigationWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        store = loadTrace();
        ASSERT_TRUE(store);
        ASSERT_NO_FATAL_FAILURE(
            showTrace(window, page(), [this] { window.setStore(store, QString::fromUtf8(kTrace)); }, targets));
        page().session()->setSelectedSpan(targets.span);
        settle();
        page().session()->setSelectedGoroutine(targets.other);
        settle();
    }

    TracePage& page() const { return *window.tracePage(); }

    QMenu* menu(const QString& title) const
    {
        for (QAction* a : window.menuBar()->actions()) {
            if (a->menu() && a->text().remove(QLatin1Char('&')) == title)
                return a->menu();
        }
        return nullptr;
    }

    StorePtr store;
    app::MainWindow window;
    Targets targets;
};

TEST_F(NavigationWindowTest, MouseBackAndForwardButtonsWorkAnywhereInTheWindow)
{
    QTest::mousePress(page().goroutineTable(), Qt::BackButton);
    EXPECT_EQ(page().session()->selectedSpan(), targets.span);
    QTest::mousePress(page().timeline()->viewport(), Qt::ForwardButton, {}, QPoint(300, 300));
    EXPECT_EQ(page().session()->selectedGoroutine(), targets.other);
    EXPECT_FALSE(page().session()->selectedSpan().has_value());
}

TEST_F(NavigationWindowTest, AltLeftIsTheGoMenusBack)
{
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    QMenu* go = menu(QStringLiteral("Go"));
    ASSERT_TRUE(go);
    EXPECT_TRUE(go->actions().contains(page().navigator()->backAction()));
    EXPECT_TRUE(go->actions().contains(page().navigator()->forwardAction()));
    QTest::keyClick(page().timeline(), Qt::Key_Left, Qt::AltModifier);
    EXPECT_EQ(page().session()->selectedSpan(), targets.span);
    QTest::keyClick(page().timeline(), Qt::Key_Right, Qt::AltModifier);
    EXPECT_EQ(page().session()->selectedGoroutine(), targets.other);
}

TEST_F(NavigationWindowTest, AProfileKeepsAltLeftForItsFlameGraphsZoom)
{
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    LoadContext ctx;
    auto profile = loadFile(GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz", ctx);
    ASSERT_TRUE(profile.ok()) << profile.error().message;
    window.setStore(*profile, QStringLiteral("cpu.pb.gz"));
    EXPECT_FALSE(page().navigator()->backAction()->isEnabled()) << "the trace's history went with it";
    FlameGraphView* flame = window.profilePage()->currentFlameView();
    ASSERT_TRUE(QTest::qWaitFor([flame] { return flame->hasData(); }, kWaitMs));
    flame->zoomTo(1);
    ASSERT_TRUE(flame->canZoomBack());
    // One owner for the key: an ambiguous shortcut would do nothing and warn.
    QTest::keyClick(flame, Qt::Key_Left, Qt::AltModifier);
    EXPECT_FALSE(flame->canZoomBack());
}

TEST_F(NavigationWindowTest, CtrlDBookmarksAndTheBookmarksMenuGoesThere)
{
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    TraceNavigator& nav = *page().navigator();
    const NavLocation marked = nav.location();
    QTest::keyClick(page().timeline(), Qt::Key_D, Qt::ControlModifier);
    auto* ask = window.findChild<QInputDialog*>(QStringLiteral("addBookmarkDialog"));
    ASSERT_TRUE(ask);
    EXPECT_EQ(ask->textValue(), nav.describe(marked)) << "named after what it shows";
    ask->setTextValue(QStringLiteral("R&D goroutine"));
    ask->accept();
    ASSERT_EQ(nav.bookmarks()->count(), 1);

    page().session()->setSelectedSpan(targets.span);
    settle();
    QMenu* go = menu(QStringLiteral("Go"));
    ASSERT_TRUE(go);
    QMenu* bookmarks = nullptr;
    for (QAction* a : go->actions()) {
        if (a->menu())
            bookmarks = a->menu();
    }
    ASSERT_TRUE(bookmarks);
    QAction* entry = bookmarks->actions().value(0);
    ASSERT_TRUE(entry);
    // Shown as typed: the "&" does not turn into a shortcut key's underline.
    EXPECT_EQ(entry->text(), QStringLiteral("R&&D goroutine"));
    entry->trigger();
    EXPECT_EQ(nav.location(), marked);

    // Managing: renamed in place, removed by the button.
    QAction* manage = bookmarks->actions().constLast();
    ASSERT_TRUE(manage->isEnabled());
    manage->trigger();
    auto* dialog = window.findChild<BookmarksDialog*>();
    ASSERT_TRUE(dialog);
    dialog->list()->item(0)->setText(QStringLiteral("renamed"));
    EXPECT_EQ(nav.bookmarks()->list()[0].name, QStringLiteral("renamed"));
    EXPECT_EQ(bookmarks->actions().value(0)->text(), QStringLiteral("renamed"));
    dialog->list()->item(0)->setText(QString());
    EXPECT_EQ(dialog->list()->item(0)->text(), QStringLiteral("renamed")) << "an empty name is refused";
    for (QPushButton* b : dialog->findChildren<QPushButton*>()) {
        if (b->text().remove(QLatin1Char('&')) == QStringLiteral("Remove"))
            b->click();
    }
    EXPECT_EQ(nav.bookmarks()->count(), 0);
    EXPECT_EQ(dialog->list()->count(), 0);
    dialog->close();
}

} // namespace
} // namespace gs::ui
