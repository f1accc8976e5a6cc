// SPDX-License-Identifier: MIT
// runtime/trace tasks, regions and logs on the timeline of a real trace: what is drawn is hit,
// described in its tooltip, and selected by a click.
#include "tests/widgets/widget_fixtures.h"
#include "widgets/common/capture_display.h"
#include "widgets/timeline/span_description.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/timeline/user_annotation_hit.h"
#include "widgets/trace/region_models.h"
#include "widgets/trace/region_tab.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"
#include "widgets/trace/user_log_model.h"
#include "widgets/trace/user_log_table.h"

#include <gtest/gtest.h>

#include <QSortFilterProxyModel>
#include <QTest>

#include <algorithm>

namespace gs::ui {
namespace {

class UserAnnotationTimelineTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        store = test::loadFixture("trace/go126_sched.trace");
        ASSERT_TRUE(store && store->trace);
        ASSERT_FALSE(store->trace->regions.empty());
        ASSERT_FALSE(store->trace->logs.empty());
        ASSERT_FALSE(store->trace->tasks.empty());
        // Every goroutine keeps its row when zoomed in, so the layout does not change under a test.
        view.setHideAbsentGoroutines(false);
        view.resize(1000, 700);
        view.setStore(store);
    }

    // Shows [a, b) with the goroutine's row on screen; the viewport y of the row's top.
    int show(int64_t goroutine, TimeNs a, TimeNs b)
    {
        const GoroutineRow row = store->trace->rowOf(goroutine);
        EXPECT_NE(row, kNoRow);
        view.setTimeRange(a, b);
        view.selectGoroutine(row);
        const size_t position = view.layout().positionOf(row);
        EXPECT_LT(position, view.layout().rowCount());
        return scene().rowTop(view.viewport()->rect(), position);
    }
    TimelineScene scene() const { return view.sceneFor(view.viewport()->size()); }
    int xOf(TimeNs t) const { return scene().timeLeft(view.viewport()->rect()) + view.window().timeToPx(t); }

    StorePtr store;
    TimelineView view;
};

TEST_F(UserAnnotationTimelineTest, ARegionIsHitDescribedWithItsStacksAndSelectsItsTime)
{
    const TraceData& t = *store->trace;
    // The longest region that began and ended in the trace.
    const auto longest = std::max_element(t.regions.begin(), t.regions.end(), [](const UserRegion& a, const UserRegion& b) {
        return a.end - a.start < b.end - b.start;
    });
    const UserRegion& r = *longest;
    ASSERT_GT(r.end, r.start);
    const TimeNs margin = (r.end - r.start) / 2;
    const int top = show(r.goroutine, r.start - margin, r.end + margin);
    const int track = int(std::min(r.depth, TimelineIndex::kMaxRegionTracks - 1));
    const QPoint at((xOf(r.start) + xOf(r.end)) / 2, top + AnnotationGeometry::kTracksTop
                                                         + track * TimelineLayout::kRegionTrackHeight + 4);

    const TimelineHit hit = view.hitAt(at);
    ASSERT_EQ(hit.kind, TimelineHit::Kind::Region);
    EXPECT_EQ(hit.item, uint32_t(longest - t.regions.begin()));
    const QString tip = describeHit(scene(), hit);
    EXPECT_TRUE(tip.contains(captureHtml(store->symbols.strings.get(r.name)))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("began at:"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("ended at:"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(formatDuration(r.end - r.start))) << tip.toStdString();

    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    ASSERT_TRUE(view.selectedRange());
    EXPECT_EQ(*view.selectedRange(), std::make_pair(r.start, r.end));
    EXPECT_EQ(view.selectedGoroutine(), t.rowOf(r.goroutine));

    // Below the last track is no region.
    const QPoint below(at.x(), top + AnnotationGeometry::kTracksTop
                                   + int(view.sceneFor(view.viewport()->size()).index->regionTracks(t.rowOf(r.goroutine)))
                                         * TimelineLayout::kRegionTrackHeight + 1);
    EXPECT_NE(view.hitAt(below).kind, TimelineHit::Kind::Region);
}

TEST_F(UserAnnotationTimelineTest, ALogMarkerShowsItsMessageAndSelectsWhatItsGoroutineDid)
{
    const TraceData& t = *store->trace;
    const UserLog& l = t.logs.front();
    ASSERT_NE(l.message, 0u);
    const int top = show(l.goroutine, l.time - 20'000, l.time + 20'000);
    const QPoint at(xOf(l.time), top + AnnotationGeometry::kLogTop + 2);

    const TimelineHit hit = view.hitAt(at);
    ASSERT_EQ(hit.kind, TimelineHit::Kind::Log);
    EXPECT_EQ(t.logs[hit.item].time, l.time);
    const QString tip = describeHit(scene(), hit);
    EXPECT_TRUE(tip.contains(captureHtml(store->symbols.strings.get(t.logs[hit.item].message)))) << tip.toStdString();

    // Two pixels right of the marker's slack, the span below is hit again.
    EXPECT_NE(view.hitAt(QPoint(at.x() + 6, at.y())).kind, TimelineHit::Kind::Log);

    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    ASSERT_TRUE(view.selectedSpan());
    const SpanTable& spans = t.spans;
    EXPECT_EQ(view.selectedSpan()->row, t.rowOf(l.goroutine));
    EXPECT_LE(spans.startOf(view.selectedSpan()->span), l.time);
    EXPECT_GE(spans.endOf(view.selectedSpan()->span), l.time);
}

TEST_F(UserAnnotationTimelineTest, ATaskMarkerNamesTheTaskAndSelectsItsLifetime)
{
    const TraceData& t = *store->trace;
    const auto task = std::find_if(t.tasks.begin(), t.tasks.end(), [&](const UserTask& k) {
        return k.start >= 0 && k.end > k.start && t.rowOf(k.goroutine) != kNoRow;
    });
    ASSERT_NE(task, t.tasks.end());
    const int top = show(task->goroutine, task->start - 20'000, task->start + 20'000);
    const QPoint at(xOf(task->start), top + AnnotationGeometry::kBarInset + 1);

    const TimelineHit hit = view.hitAt(at);
    ASSERT_EQ(hit.kind, TimelineHit::Kind::Task);
    EXPECT_EQ(t.tasks[hit.item].start, task->start);
    const QString tip = describeHit(scene(), hit);
    EXPECT_TRUE(tip.contains(QStringLiteral("task %1").arg(t.tasks[hit.item].id))) << tip.toStdString();

    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    ASSERT_TRUE(view.selectedRange());
    EXPECT_EQ(view.selectedRange()->first, t.tasks[hit.item].start);
    EXPECT_EQ(view.selectedRange()->second, t.tasks[hit.item].end);
}

// The Logs tab lists every log, escaped, and choosing one selects what its goroutine was doing.
TEST(UserLogTableTest, ListsEveryLogAndChoosingOneSelectsItsGoroutinesSpan)
{
    const auto store = test::loadFixture("trace/go126_sched.trace");
    ASSERT_TRUE(store && store->trace);
    const TraceData& t = *store->trace;
    TracePage page;
    page.resize(1600, 900);
    page.setStore(store);
    auto* table = page.findChild<UserLogTable*>();
    ASSERT_TRUE(table);
    const UserLogModel& model = *table->logModel();
    ASSERT_EQ(model.rowCount(), int(t.logs.size()));
    const int last = model.rowCount() - 1;
    const UserLog& l = t.logs.back();
    EXPECT_EQ(model.index(last, UserLogModel::Message).data().toString(),
              captureText(store->symbols.strings.get(l.message)));
    EXPECT_EQ(model.index(last, UserLogModel::Goroutine).data().toString(), QStringLiteral("G%1").arg(l.goroutine));

    table->setCurrentIndex(model.index(last, 0));
    const auto selected = page.session()->selectedSpan();
    ASSERT_TRUE(selected);
    EXPECT_EQ(selected->row, t.rowOf(l.goroutine));
    EXPECT_LE(t.spans.startOf(selected->span), l.time);
    EXPECT_GE(t.spans.endOf(selected->span), l.time);
}

// The Regions tab counts each type as `goroscope-cli regions` does, and choosing a region shows it
// whole on the timeline, selected with its goroutine.
TEST(RegionTabTest, SummarisesEachTypeAndChoosingARegionShowsItOnTheTimeline)
{
    const auto store = test::loadFixture("trace/go126_sched.trace");
    ASSERT_TRUE(store && store->trace);
    const TraceData& t = *store->trace;
    TracePage page;
    page.resize(1600, 900);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    page.setStore(store);
    auto* tab = page.findChild<RegionTab*>();
    ASSERT_TRUE(tab);
    page.tabs()->setCurrentWidget(tab);

    const auto expected = summarizeRegions(t, store->symbols.strings);
    ASSERT_FALSE(expected.empty());
    QAbstractItemModel* types = tab->typeView()->model();
    ASSERT_EQ(types->rowCount(), int(expected.size()));
    size_t listed = 0;
    for (int row = 0; row < types->rowCount(); ++row)
        listed += types->index(row, RegionTypeModel::Count).data(kRegionSortRole).toULongLong();
    EXPECT_EQ(listed, t.regions.size());

    tab->typeView()->setCurrentIndex(types->index(0, 0));
    QAbstractItemModel* instances = tab->instanceView()->model();
    ASSERT_GT(instances->rowCount(), 0);
    tab->instanceView()->setCurrentIndex(instances->index(0, 0));
    const UserRegion& r = tab->instanceModel()->regionAt(
        static_cast<QSortFilterProxyModel*>(instances)->mapToSource(instances->index(0, 0)).row());
    TimelineView* view = page.timeline();
    ASSERT_TRUE(view->selectedRange());
    EXPECT_EQ(*view->selectedRange(), std::make_pair(r.start, r.end));
    EXPECT_EQ(view->selectedGoroutine(), t.rowOf(r.goroutine));
    EXPECT_LE(view->window().startNs, r.start);
    EXPECT_GE(view->window().endNs, r.end);    test::saveRender(page, "regions-tab");
}

} // namespace
} // namespace gs::ui
