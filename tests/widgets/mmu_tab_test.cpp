// SPDX-License-Identifier: MIT
// The trace page's MMU tab on a real trace with GC: the curve drawn is MmuCurve's for the options
// ticked, toggling one recomputes, a click on the curve lists that size's worst windows and a
// worst window activated is selected on the timeline; computed only once the tab is shown.
#include "core/analysis/mmu.h"
#include "tests/support/synthetic_trace.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/common/value_format.h"
#include "widgets/plots/mmu_plot.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/mmu_tab.h"
#include "widgets/trace/mmu_window_model.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace gs::ui {
namespace {

constexpr int kWaitMs = 60'000;

std::vector<MmuPoint> expectedCurve(const TraceData& trace, unsigned flags)
{
    const MmuCurve curve(mutatorUtilization(trace, flags));
    std::vector<MmuPoint> points;
    for (TimeNs w : curve.plotWindows())
        points.push_back({w, curve.mmu(w)});
    return points;
}

// The plot shows exactly `expected`: its points, and its graph (x log10 of ns, y in %).
void expectCurve(const MmuPlot& plot, const std::vector<MmuPoint>& expected, const std::string& what)
{
    const std::vector<MmuPoint>& shown = plot.points();
    ASSERT_EQ(shown.size(), expected.size()) << what;
    ASSERT_EQ(plot.graph()->dataCount(), int(expected.size())) << what;
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(shown[i].windowNs, expected[i].windowNs) << what << " point " << i;
        EXPECT_EQ(shown[i].mmu, expected[i].mmu) << what << " point " << i;
        const auto drawn = plot.graph()->data()->at(int(i));
        EXPECT_NEAR(std::pow(10.0, drawn->key), double(expected[i].windowNs), 1e-6 * double(expected[i].windowNs));
        EXPECT_NEAR(drawn->value, 100 * expected[i].mmu, 1e-9);
    }
}

class MmuTabTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { store = test::loadFixture("trace/go126_sched.trace"); }
    static void TearDownTestSuite() { store.reset(); }

    void SetUp() override
    {
        ASSERT_TRUE(store && store->trace);
        session.setStore(store, prepareTraceViews(store));
        tab.resize(1200, 420);
    }
    void waitIdle() { ASSERT_TRUE(QTest::qWaitFor([&] { return !tab.isComputing(); }, kWaitMs)); }
    QCheckBox* box(const char* name) { return tab.findChild<QCheckBox*>(QString::fromLatin1(name)); }

    static StorePtr store;
    TraceSession session;
    MmuTab tab{&session};
};

StorePtr MmuTabTest::store;

TEST_F(MmuTabTest, TheCurveIsMmuCurvesForEachOption)
{
    tab.show();
    EXPECT_EQ(tab.flags(), kMmuDefaultFlags);
    for (unsigned flags : {kMmuDefaultFlags, kMmuDefaultFlags | kMmuPerProc, kMmuDefaultFlags | kMmuSweep,
                           unsigned(kMmuStw), unsigned(kMmuAssist | kMmuPerProc)}) {
        tab.setFlags(flags);
        EXPECT_EQ(tab.flags(), flags);
        waitIdle();
        expectCurve(*tab.plot(), expectedCurve(*store->trace, flags), "flags " + std::to_string(flags));
    }
}

TEST_F(MmuTabTest, ExcludingStwRecomputesAndRaisesTheSmallWindows)
{
    tab.show();
    waitIdle();
    const std::vector<MmuPoint> with = tab.plot()->points();
    ASSERT_FALSE(with.empty());
    // A trace with GC stops the world: some window of the smallest size has no mutator at all.
    EXPECT_LT(with.front().mmu, 0.0001);

    box("mmuStw")->click();
    EXPECT_TRUE(tab.isComputing()) << "an option toggled on a shown tab recomputes at once";
    waitIdle();
    EXPECT_EQ(tab.flags(), kMmuDefaultFlags & ~kMmuStw);
    const std::vector<MmuPoint> without = tab.plot()->points();
    expectCurve(*tab.plot(), expectedCurve(*store->trace, kMmuDefaultFlags & ~kMmuStw), "without STW");
    // The MMU never falls as windows grow, so a point of the new curve at or below the old
    // curve's smallest window bounds the new MMU there from below.
    const TimeNs smallest = with.front().windowNs;
    const auto below = std::find_if(without.rbegin(), without.rend(), [&](const MmuPoint& p) { return p.windowNs <= smallest; });
    ASSERT_NE(below, without.rend());
    EXPECT_GT(below->mmu, with.front().mmu + 0.1) << "at " << smallest << " ns";

    box("mmuStw")->click();
    waitIdle();
    expectCurve(*tab.plot(), with, "STW again");
}

TEST_F(MmuTabTest, HoverTextNamesTheNearestPoint)
{
    EXPECT_EQ(MmuPlot::pointText({2'500'000, 0.7134}), QStringLiteral("window 2.5 ms: MMU 71.3%"));
    tab.show();
    waitIdle();
    const std::vector<MmuPoint>& points = tab.plot()->points();
    ASSERT_GT(points.size(), 50u);
    const MmuPoint& p = points[50];
    const double x = tab.plot()->plot()->xAxis->coordToPixel(std::log10(double(p.windowNs)));
    const auto hit = tab.plot()->pointAt(x);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->windowNs, p.windowNs);
}

TEST_F(MmuTabTest, ComputedOnlyOnceShownAndANewTraceReplacesTheOld)
{
    // Hidden, a new store is only remembered.
    EXPECT_FALSE(tab.isComputing());
    EXPECT_TRUE(tab.plot()->points().empty());

    // Two traces in a row, shown: the second's curve, never the first's arriving late.
    const auto other = test::loadFixture("trace/go125_sched.trace");
    ASSERT_TRUE(other && other->trace);
    tab.show();
    EXPECT_TRUE(tab.isComputing());
    EXPECT_EQ(tab.status(), QStringLiteral("computing\u2026"));
    session.setStore(other, prepareTraceViews(other));
    waitIdle();
    expectCurve(*tab.plot(), expectedCurve(*other->trace, kMmuDefaultFlags), "the second trace");
    EXPECT_TRUE(tab.status().contains(QStringLiteral("window of a size"))) << tab.status().toStdString();
}

TEST(MmuTabNoProcs, ATraceWithoutGomaxprocsSaysWhy)
{
    fixtures::SyntheticTraceBuilder b(0, 10'000'000);
    const fixtures::SyntheticSpan spans[] = {{0, 5'000'000, SpanState::Running, {}, 0}};
    b.addGoroutine(1, "main.main", spans);
    const StorePtr synthetic = b.finish();
    TraceSession session;
    session.setStore(synthetic, prepareTraceViews(synthetic));
    MmuTab tab(&session);
    tab.show();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !tab.isComputing(); }, kWaitMs));
    EXPECT_TRUE(tab.plot()->points().empty());
    EXPECT_TRUE(tab.status().contains(QStringLiteral("GOMAXPROCS"))) << tab.status().toStdString();
}

// On the trace page: a click on the curve lists the worst windows of that size, as
// MmuCurve::worstWindows; a double-click (or Enter) on one selects it on the timeline.
TEST(MmuTabPageTest, AWorstWindowActivatedIsSelectedOnTheTimeline)
{
    const auto store = test::loadFixture("trace/go126_sched.trace");
    ASSERT_TRUE(store && store->trace);
    TracePage page;
    page.resize(1600, 1000);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    page.setStore(store);
    // Room for the tabs below the timeline, as a user would drag it.
    page.findChild<QSplitter*>(QStringLiteral("traceSplit"))->setSizes({450, 550});
    auto* tab = page.findChild<MmuTab*>();
    ASSERT_TRUE(tab);
    EXPECT_EQ(page.tabs()->tabText(page.tabs()->indexOf(tab)), QStringLiteral("MMU"));
    EXPECT_EQ(page.tabs()->indexOf(tab), page.tabs()->count() - 1);
    EXPECT_FALSE(tab->isComputing()) << "not computed at load, before the tab is shown";
    page.tabs()->setCurrentWidget(tab);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !tab->isComputing(); }, kWaitMs));
    ASSERT_FALSE(tab->plot()->points().empty());

    // A click on the curve at the point nearest 1 ms.
    QCustomPlot* plot = tab->plot()->plot();
    plot->replot();
    const double x = plot->xAxis->coordToPixel(6.0);
    const auto point = tab->plot()->pointAt(x);
    ASSERT_TRUE(point);
    QTest::mouseClick(plot, Qt::LeftButton, {}, QPoint(int(x), plot->axisRect()->center().y()));
    EXPECT_EQ(tab->chosenWindow(), point->windowNs);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !tab->isComputing(); }, kWaitMs));

    const MmuCurve curve(mutatorUtilization(*store->trace, kMmuDefaultFlags));
    const std::vector<UtilWindow> worst = curve.worstWindows(point->windowNs, 10);
    MmuWindowModel* model = tab->windowModel();
    ASSERT_EQ(model->rowCount(), int(worst.size()));
    ASSERT_GE(model->rowCount(), 2);
    for (int row = 0; row < model->rowCount(); ++row) {
        EXPECT_EQ(model->windowAt(row).start, worst[size_t(row)].start);
        EXPECT_EQ(model->windowAt(row).util, worst[size_t(row)].util);
    }
    EXPECT_EQ(model->index(0, MmuWindowModel::Window).data().toString().toStdString(),
              formatValue(point->windowNs, "nanoseconds").toStdString());

    TimelineView* view = page.timeline();
    QTableView* table = tab->windowView();
    const QModelIndex first = model->index(0, 0);
    // QTest's double-click is the second click only: the item view wants the first one's press too.
    const QPoint at = table->visualRect(first).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    ASSERT_TRUE(view->selectedRange());
    EXPECT_EQ(*view->selectedRange(), std::make_pair(worst[0].start, worst[0].start + point->windowNs));
    EXPECT_LE(view->window().startNs, worst[0].start);
    EXPECT_GE(view->window().endNs, worst[0].start + point->windowNs);

    table->setCurrentIndex(model->index(1, 0));
    QTest::keyClick(table, Qt::Key_Return);
    ASSERT_TRUE(view->selectedRange());
    EXPECT_EQ(*view->selectedRange(), std::make_pair(worst[1].start, worst[1].start + point->windowNs));
    test::saveRender(page, "mmu-tab-page");
    test::saveRender(*tab, "mmu-tab");
}

} // namespace
} // namespace gs::ui
