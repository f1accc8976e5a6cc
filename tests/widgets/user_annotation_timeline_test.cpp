// SPDX-License-Identifier: MIT
// runtime/trace tasks, regions and logs on the timeline of a real trace: what is drawn is hit,
// described in its tooltip, and selected by a click.
#include "tests/widgets/widget_fixtures.h"
#include "widgets/common/capture_display.h"
#include "widgets/timeline/span_description.h"
#include "widgets/timeline/task_lanes.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/timeline/user_annotation_hit.h"
#include "widgets/plots/duration_histogram_plot.h"
#include "widgets/trace/region_models.h"
#include "widgets/trace/task_models.h"
#include "widgets/trace/latency_tab.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"
#include "widgets/trace/user_log_model.h"
#include "widgets/trace/user_log_table.h"

#include <gtest/gtest.h>

#include <QHelpEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTest>

#include <algorithm>
#include <map>

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
    // Hovering shows that description.
    QHelpEvent hover(QEvent::ToolTip, at, view.viewport()->mapToGlobal(at));
    QApplication::sendEvent(view.viewport(), &hover);
    const QLabel* shown = test::shownToolTip();
    ASSERT_NE(shown, nullptr);
    EXPECT_EQ(shown->text(), tip);
    test::saveRenderWithToolTip(view, "region-tooltip");

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

// The task lanes below the processors hold every task once, over its lifetime, a child below its
// parent, no two overlapping on a lane; a bar is hit, named and selects the task's lifetime.
TEST_F(UserAnnotationTimelineTest, TaskLanesDrawEveryTaskOnceChildrenBelowTheirParent)
{
    const TraceData& t = *store->trace;
    const TaskLanes& lanes = view.index().taskLanes();
    ASSERT_GT(lanes.laneCount(), 0u);
    ASSERT_LE(lanes.laneCount(), TaskLanes::kMaxLanes);
    std::map<uint64_t, size_t> laneOfId;
    std::vector<int> seen(t.tasks.size(), 0);
    for (size_t lane = 0; lane < lanes.laneCount(); ++lane) {
        TimeNs lastEnd = INT64_MIN;
        lanes.forEachIn(lane, t.startNs, t.endNs, 0, [&](uint32_t k, TimeNs start, TimeNs end) {
            ++seen[k];
            EXPECT_EQ(lanes.laneOf(k), lane);
            EXPECT_EQ(start, taskStartNs(t, t.tasks[k]));
            EXPECT_EQ(end, taskEndNs(t, t.tasks[k]));
            // Only the last lane, when all are taken, is shared by tasks that overlap.
            if (lane + 1 < TaskLanes::kMaxLanes) {
                EXPECT_GE(start, lastEnd) << "task " << t.tasks[k].id << " overlaps the one before it on lane " << lane;
            }
            lastEnd = end;
            laneOfId[t.tasks[k].id] = lane;
        });
    }
    EXPECT_EQ(seen, std::vector<int>(t.tasks.size(), 1));
    bool nested = false;
    for (const UserTask& k : t.tasks) {
        if (k.parent != 0 && laneOfId.count(k.parent)) {
            nested = true;
            EXPECT_GT(laneOfId[k.id], laneOfId[k.parent]) << "task " << k.id;
        }
    }
    EXPECT_TRUE(nested) << "the fixture's worker tasks are children of its sched task";

    // The layout: processors, then one row per lane.
    const TimelineLayout& layout = view.layout();
    const size_t firstLane = t.processors.size();
    for (size_t lane = 0; lane < lanes.laneCount(); ++lane) {
        EXPECT_EQ(layout.row(firstLane + lane).kind, RowKind::TaskLane);
        EXPECT_EQ(layout.row(firstLane + lane).index, lane);
    }

    // The middle of the child task on the deepest lane that is no one else's.
    const auto laneOf = [&](const UserTask& task) {
        const size_t lane = lanes.laneOf(uint32_t(&task - t.tasks.data()));
        return lane + 1 < TaskLanes::kMaxLanes ? lane : 0;
    };
    const auto child = std::max_element(t.tasks.begin(), t.tasks.end(),
                                        [&](const UserTask& a, const UserTask& b) { return laneOf(a) < laneOf(b); });
    ASSERT_GT(laneOf(*child), 0u);
    const uint32_t k = uint32_t(child - t.tasks.begin());
    const TimeNs start = taskStartNs(t, *child), end = taskEndNs(t, *child);
    view.setTimeRange(start - (end - start), end + (end - start));
    view.verticalScrollBar()->setValue(0);
    const QRect area = view.viewport()->rect();
    const size_t position = firstLane + lanes.laneOf(k);
    const QPoint at(xOf(start + (end - start) / 2), scene().rowTop(area, position) + TimelineLayout::kTaskLaneHeight / 2);
    const TimelineHit hit = view.hitAt(at);
    ASSERT_EQ(hit.kind, TimelineHit::Kind::Task);
    EXPECT_EQ(hit.item, k);
    const QString tip = describeHit(scene(), hit);
    EXPECT_TRUE(tip.contains(QStringLiteral("task %1").arg(child->id))) << tip.toStdString();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    ASSERT_TRUE(view.selectedRange());
    EXPECT_EQ(*view.selectedRange(), std::make_pair(start, end));
    test::saveRender(view, "task-lanes");
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
// The trace page on the annotated fixture, showing one of its tabs with room for it.
class AnnotationTabTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        store = test::loadFixture("trace/go126_sched.trace");
        ASSERT_TRUE(store && store->trace);
        page.resize(1600, 900);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
        page.setStore(store);
    }

    template<typename Tab>
    Tab* showTab()
    {
        auto* tab = page.findChild<Tab*>();
        if (tab) {
            page.tabs()->setCurrentWidget(tab);
            page.findChild<QSplitter*>(QStringLiteral("traceSplit"))->setSizes({450, 450});
        }
        return tab;
    }

    StorePtr store;
    TracePage page;
};

TEST_F(AnnotationTabTest, RegionsSummariseEachTypeAndChoosingARegionShowsItOnTheTimeline)
{
    const TraceData& t = *store->trace;
    auto* tab = showTab<RegionTab>();
    ASSERT_TRUE(tab);

    const auto expected = summarizeRegions(t, store->symbols.strings);
    ASSERT_FALSE(expected.empty());
    QAbstractItemModel* types = tab->typeView()->model();
    ASSERT_EQ(types->rowCount(), int(expected.size()));
    size_t listed = 0;
    for (int row = 0; row < types->rowCount(); ++row)
        listed += types->index(row, RegionTypeModel::Count).data(kLatencySortRole).toULongLong();
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
    EXPECT_GE(view->window().endNs, r.end);
    test::saveRender(page, "regions-tab");
}

// The histogram of a region type bins every region of it; clicking a bar lists only the regions
// of that bar's durations, and Show All lists them all again.
TEST_F(AnnotationTabTest, ABarOfTheRegionHistogramListsTheRegionsOfItsDurations)
{
    auto* tab = showTab<RegionTab>();
    ASSERT_TRUE(tab);

    // The type with the most regions.
    QAbstractItemModel* types = tab->typeView()->model();
    int busiest = 0;
    for (int row = 1; row < types->rowCount(); ++row) {
        if (types->index(row, RegionTypeModel::Count).data(kLatencySortRole).toULongLong()
            > types->index(busiest, RegionTypeModel::Count).data(kLatencySortRole).toULongLong())
            busiest = row;
    }
    const qulonglong count = types->index(busiest, RegionTypeModel::Count).data(kLatencySortRole).toULongLong();
    ASSERT_GT(count, 1u);
    tab->typeView()->setCurrentIndex(types->index(busiest, 0));
    const DurationHistogram& h = tab->histogram()->histogram();
    EXPECT_EQ(h.total, count);
    QAbstractItemModel* instances = tab->instanceView()->model();
    EXPECT_EQ(qulonglong(instances->rowCount()), count);

    // The fullest bar.
    const size_t bar = size_t(std::max_element(h.counts.begin(), h.counts.end()) - h.counts.begin());
    tab->histogram()->selectBins(bar, bar);
    ASSERT_EQ(uint64_t(instances->rowCount()), h.counts[bar]);
    for (int row = 0; row < instances->rowCount(); ++row) {
        const TimeNs d = instances->index(row, RegionInstanceModel::Duration).data(kLatencySortRole).toLongLong();
        EXPECT_GE(d, h.lowerNs(bar));
        EXPECT_LT(d, h.upperNs(bar));
    }
    EXPECT_TRUE(tab->summary().contains(QStringLiteral(" of %1 from ").arg(count))) << qPrintable(tab->summary());
    test::saveRender(page, "regions-tab-bar");
    auto* showAll = tab->findChild<QPushButton*>();
    ASSERT_TRUE(showAll && showAll->isVisible());
    showAll->click();
    EXPECT_EQ(qulonglong(instances->rowCount()), count);
    EXPECT_FALSE(showAll->isVisible());
}

// The Tasks tab counts the tasks of each type as go tool trace's task page does (the reference
// test checks summarizeTaskTypes against it), and choosing one shows its lifetime on the timeline.
TEST_F(AnnotationTabTest, TasksCountEachTypeAndChoosingATaskShowsItsLifetime)
{
    const TraceData& t = *store->trace;
    auto* tab = showTab<TaskTab>();
    ASSERT_TRUE(tab);

    const auto tasks = summarizeTasks(t);
    const auto expected = summarizeTaskTypes(tasks, store->symbols.strings);
    ASSERT_FALSE(expected.empty());
    QAbstractItemModel* types = tab->typeView()->model();
    ASSERT_EQ(types->rowCount(), int(expected.size()));
    size_t listed = 0;
    for (int row = 0; row < types->rowCount(); ++row)
        listed += types->index(row, TaskTypeModel::Count).data(kLatencySortRole).toULongLong();
    EXPECT_EQ(listed, tasks.size());

    tab->typeView()->setCurrentIndex(types->index(0, 0));
    QAbstractItemModel* instances = tab->instanceView()->model();
    ASSERT_GT(instances->rowCount(), 0);
    tab->instanceView()->setCurrentIndex(instances->index(0, 0));
    const UserTask& k = *tab->instanceModel()->taskAt(
        static_cast<QSortFilterProxyModel*>(instances)->mapToSource(instances->index(0, 0)).row()).task;
    TimelineView* view = page.timeline();
    ASSERT_TRUE(view->selectedRange());
    EXPECT_EQ(*view->selectedRange(), std::make_pair(taskStartNs(t, k), taskEndNs(t, k)));
    if (k.goroutine != kNoGoroutineId) {
        EXPECT_EQ(view->selectedGoroutine(), t.rowOf(k.goroutine));
    }
    QCoreApplication::processEvents(); // the histogram's queued replot
    test::saveRender(page, "tasks-tab");
}

} // namespace
} // namespace gs::ui
