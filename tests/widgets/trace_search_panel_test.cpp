// SPDX-License-Identifier: MIT
// The trace page's Search tab on a real annotated trace (go126_sched.trace): a pattern typed lists
// the hits by kind with the counts of searchTrace, matches drawn bold, an invalid pattern is said
// in red, a hit chosen is shown on the timeline, and Ctrl+Shift+F focuses the field.
#include "core/analysis/trace_search.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/common/match_highlight_delegate.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/mmu_tab.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_search_panel.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QLineEdit>
#include <QLocale>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

namespace gs::ui {
namespace {

constexpr int kWaitMs = 30'000;

class TraceSearchPanelTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { store = test::loadFixture("trace/go126_sched.trace"); }
    static void TearDownTestSuite() { store.reset(); }

    void SetUp() override
    {
        ASSERT_TRUE(store && store->trace);
        page.resize(1400, 900);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
        page.setStore(store);
        page.findChild<QSplitter*>(QStringLiteral("traceSplit"))->setSizes({400, 500});
        panel = page.searchPanel();
        ASSERT_TRUE(panel);
        page.tabs()->setCurrentWidget(panel);
    }

    // Searches `pattern` as typed into the field, and waits for the hits.
    void type(const QString& pattern)
    {
        panel->setPattern({});
        QTest::keyClicks(panel->field(), pattern);
        ASSERT_TRUE(QTest::qWaitFor([&] { return panel->result() && !panel->isSearching(); }, kWaitMs));
    }

    // The group headings shown, top to bottom.
    QStringList headings() const
    {
        QStringList out;
        for (int r = 0; r < panel->model()->rowCount(); ++r)
            out << panel->model()->item(r)->text();
        return out;
    }

    // The heading row of `kind`'s group, or an invalid index.
    QModelIndex groupIndex(const QString& title) const
    {
        for (int r = 0; r < panel->model()->rowCount(); ++r) {
            if (panel->model()->item(r)->text().startsWith(title))
                return panel->model()->index(r, 0);
        }
        return {};
    }

    static StorePtr store;
    TracePage page;
    TraceSearchPanel* panel = nullptr;
};

StorePtr TraceSearchPanelTest::store;

TEST_F(TraceSearchPanelTest, TheSearchTabComesBeforeTheMmuTab)
{
    const int search = page.tabs()->indexOf(panel);
    ASSERT_GE(search, 0);
    EXPECT_EQ(page.tabs()->tabText(search), QStringLiteral("Search"));
    EXPECT_EQ(page.tabs()->indexOf(page.findChild<MmuTab*>()), search + 1);
}

TEST_F(TraceSearchPanelTest, APatternTypedListsTheHitsByKindWithTheirCounts)
{
    type(QStringLiteral("item|worker|phase"));
    const auto expected = searchTrace(*store, "item|worker|phase");
    ASSERT_TRUE(expected.ok());
    QStringList titles;
    const auto title = [](const char* kind, size_t n) { return QStringLiteral("%1 (%2)").arg(QString::fromLatin1(kind)).arg(n); };
    for (const TraceSearchGroup& g : expected->groups) {
        if (g.total > 0)
            titles << title(traceSearchKindName(g.kind), g.total);
    }
    EXPECT_EQ(headings(), titles);
    EXPECT_TRUE(titles.contains(QStringLiteral("Region types (1)"))) << titles.join(QLatin1Char(',')).toStdString();
    EXPECT_TRUE(titles.contains(QStringLiteral("Task types (1)")));
    EXPECT_TRUE(titles.contains(QStringLiteral("Logs (2)")));
    EXPECT_EQ(panel->status(), QLocale(QLocale::English).toString(qulonglong(expected->total())) + QStringLiteral(" hits"));

    // Each hit under its heading, its match marked for the bold delegate.
    const QModelIndex logs = groupIndex(QStringLiteral("Logs"));
    ASSERT_TRUE(logs.isValid());
    ASSERT_EQ(panel->model()->rowCount(logs), 2);
    const QModelIndex first = panel->model()->index(0, 0, logs);
    EXPECT_EQ(first.data().toString(), QStringLiteral("phase: start"));
    EXPECT_EQ(first.data(MatchHighlightDelegate::kMatchStartRole).toInt(), 0);
    EXPECT_EQ(first.data(MatchHighlightDelegate::kMatchLengthRole).toInt(), 5);
    EXPECT_TRUE(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("phase: start")));
    EXPECT_TRUE(qobject_cast<MatchHighlightDelegate*>(panel->results()->itemDelegateForColumn(0)));

    // The task type unfolds to its 8 tasks.
    const QModelIndex tasks = groupIndex(QStringLiteral("Task types"));
    ASSERT_TRUE(tasks.isValid());
    const QModelIndex worker = panel->model()->index(0, 0, tasks);
    EXPECT_EQ(worker.data().toString(), QStringLiteral("worker"));
    EXPECT_EQ(worker.siblingAtColumn(1).data().toString(), QStringLiteral("8 tasks"));
    panel->results()->expand(worker);
    EXPECT_EQ(panel->model()->rowCount(worker), 8);
    test::saveRender(*panel, "trace-search-panel");
}

TEST_F(TraceSearchPanelTest, AnInvalidPatternIsSaidInsteadOfHits)
{
    type(QStringLiteral("item"));
    EXPECT_FALSE(headings().isEmpty());
    panel->setPattern(QStringLiteral("(item"));
    EXPECT_TRUE(panel->error().contains(QStringLiteral("missing )"))) << panel->error().toStdString();
    EXPECT_TRUE(headings().isEmpty());
    EXPECT_FALSE(panel->result());
    type(QStringLiteral("item"));
    EXPECT_TRUE(panel->error().isEmpty());
}

TEST_F(TraceSearchPanelTest, ARegionTypeHitChosenSelectsItsFirstRegionOnTheTimeline)
{
    type(QStringLiteral("^item$"));
    const QModelIndex regions = groupIndex(QStringLiteral("Region types"));
    ASSERT_TRUE(regions.isValid());
    const QModelIndex item = panel->model()->index(0, 0, regions);
    const TraceSearchHit& hit = panel->result()->group(TraceSearchKind::RegionType).hits.at(0);
    ASSERT_TRUE(hit.place.hasRange());
    TimelineView* view = page.timeline();
    EXPECT_NE(view->selectedRange(), std::make_optional(std::pair(hit.place.start, hit.place.end)));
    emit panel->results()->activated(item);
    EXPECT_EQ(view->selectedRange(), std::make_optional(std::pair(hit.place.start, hit.place.end)));
    EXPECT_EQ(view->selectedGoroutine(), store->trace->rowOf(hit.place.goroutine));

    // One of its regions, unfolded: that one.
    panel->results()->expand(item);
    ASSERT_GE(panel->model()->rowCount(item), 2);
    const QModelIndex second = panel->model()->index(1, 0, item);
    const TraceSearchPlace& place = hit.places.at(1);
    emit panel->results()->activated(second);
    EXPECT_EQ(view->selectedRange(), std::make_optional(std::pair(place.start, place.end)));
    EXPECT_EQ(view->selectedGoroutine(), store->trace->rowOf(place.goroutine));
}

TEST_F(TraceSearchPanelTest, AGoroutineIdChosenSelectsThatGoroutine)
{
    const TraceData& t = *store->trace;
    const GoroutineRow row = t.rowsById[t.rowsById.size() / 2];
    const int64_t id = t.goroutines.idOf(row);
    type(QStringLiteral("^%1$").arg(id));
    const QModelIndex goroutines = groupIndex(QStringLiteral("Goroutines"));
    ASSERT_TRUE(goroutines.isValid());
    EXPECT_EQ(goroutines.data().toString(), QStringLiteral("Goroutines (1)"));
    const QModelIndex hit = panel->model()->index(0, 0, goroutines);
    EXPECT_TRUE(hit.data().toString().startsWith(QStringLiteral("G%1").arg(id)));
    ASSERT_NE(page.timeline()->selectedGoroutine(), row);
    QTest::mouseClick(panel->results()->viewport(), Qt::LeftButton, {}, panel->results()->visualRect(hit).center());
    EXPECT_EQ(page.timeline()->selectedGoroutine(), row);
    EXPECT_EQ(page.session()->selectedGoroutine(), row);
}

TEST_F(TraceSearchPanelTest, CtrlShiftFFocusesTheSearchField)
{
    auto* action = page.findChild<QAction*>(QStringLiteral("searchEverythingAction"));
    ASSERT_TRUE(action);
    EXPECT_EQ(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+F")));
    EXPECT_TRUE(page.viewActions().contains(action));
    page.tabs()->setCurrentIndex(0);
    page.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&page));
    page.timeline()->setFocus();
    QTest::keyClick(page.timeline(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(page.tabs()->currentWidget(), panel);
    EXPECT_TRUE(panel->field()->hasFocus());
}

// The picture for README: the page with the search tab open over a pattern that finds every kind.
TEST_F(TraceSearchPanelTest, Render)
{
    page.tabs()->setCurrentWidget(panel);
    type(QStringLiteral("(?i)work|item|phase|^1[0-9]$"));
    EXPECT_GE(headings().size(), 4);
    page.findChild<QSplitter*>(QStringLiteral("traceSplit"))->setSizes({420, 480});
    // The region type chosen: its first region selected on the timeline, with its goroutine.
    const QModelIndex regions = groupIndex(QStringLiteral("Region types"));
    ASSERT_TRUE(regions.isValid());
    const QModelIndex item = panel->model()->index(0, 0, regions);
    panel->results()->setCurrentIndex(item);
    emit panel->results()->activated(item);
    EXPECT_TRUE(page.timeline()->selectedRange());
    QTest::qWait(50);
    test::saveRender(page, "trace-search");
}

} // namespace
} // namespace gs::ui
