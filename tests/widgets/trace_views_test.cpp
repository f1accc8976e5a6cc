// SPDX-License-Identifier: MIT
// The parts of the trace views built off the GUI thread: the group activity strips (exact answers
// on hand-made goroutines), the timeline's layouts and activities for a large trace (built on the
// thread pool, folded groups), the plots' overview and prepareTraceViews as a whole.
#include "tests/support/synthetic_trace.h"
#include "widgets/plots/plot_series.h"
#include "widgets/timeline/span_description.h"
#include "widgets/timeline/group_activity.h"
#include "widgets/timeline/state_palette.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_views.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

#include <qcustomplot.h>

#include <algorithm>

namespace gs::ui {
namespace {

using fixtures::SyntheticSpan;
using fixtures::SyntheticTraceBuilder;

float count(const GroupActivity& a, size_t group, uint32_t bucket, SpanKind kind)
{
    return a.counts(group, bucket)[size_t(kind)];
}

// main.a: G1 runs for half the trace then waits on a channel; G2 is runnable throughout; G3 waits
// on a channel throughout. main.b: G4 sleeps in the second half only.
std::shared_ptr<EventStore> fourGoroutines()
{
    SyntheticTraceBuilder b(0, 1000);
    const SyntheticSpan g1[] = {{0, 500, SpanState::Running, {}}, {500, 1000, SpanState::Waiting, "chan receive"}};
    const SyntheticSpan g2[] = {{0, 1000, SpanState::Runnable, {}}};
    const SyntheticSpan g3[] = {{0, 1000, SpanState::Waiting, "chan receive"}};
    const SyntheticSpan g4[] = {{500, 1000, SpanState::Waiting, "sleep"}};
    b.addGoroutine(1, "main.a", g1);
    b.addGoroutine(2, "main.a", g2);
    b.addGoroutine(3, "main.a", g3);
    b.addGoroutine(4, "main.b", g4);
    return b.finish();
}

TEST(GroupActivityTest, CountsGoroutinesPerStateAndBucket)
{
    const auto store = fourGoroutines();
    const TraceData& t = *store->trace;
    const TimelineIndex index(*store);
    const TimelineLayout layout(t, index, TimelineLayout::Options{});
    ASSERT_EQ(layout.groups().size(), 2u);
    const GroupActivity a = computeGroupActivity(t, index, layout.groups(), 0, 1000, 10);
    ASSERT_EQ(a.buckets(), 10u);
    for (uint32_t bucket = 0; bucket < 10; ++bucket) {
        const bool first = bucket < 5;
        EXPECT_FLOAT_EQ(count(a, 0, bucket, SpanKind::Running), first ? 1 : 0) << bucket;
        EXPECT_FLOAT_EQ(count(a, 0, bucket, SpanKind::Runnable), 1) << bucket;
        EXPECT_FLOAT_EQ(count(a, 0, bucket, SpanKind::WaitChannel), first ? 1 : 2) << bucket;
        EXPECT_FLOAT_EQ(count(a, 1, bucket, SpanKind::WaitSleep), first ? 0 : 1) << bucket;
    }
    EXPECT_FLOAT_EQ(a.peak(0), 3);
    EXPECT_FLOAT_EQ(a.peak(1), 1);
}

TEST(GroupActivityTest, PartialBucketsAreTimeWeightedAndWindowsClipSpans)
{
    const auto store = fourGoroutines();
    const TraceData& t = *store->trace;
    const TimelineIndex index(*store);
    const TimelineLayout layout(t, index, TimelineLayout::Options{});
    // Buckets [400, 600) and [600, 800): G1 runs for half of the first.
    const GroupActivity a = computeGroupActivity(t, index, layout.groups(), 400, 800, 2);
    EXPECT_FLOAT_EQ(count(a, 0, 0, SpanKind::Running), 0.5f);
    EXPECT_FLOAT_EQ(count(a, 0, 0, SpanKind::WaitChannel), 1.5f);
    EXPECT_FLOAT_EQ(count(a, 0, 1, SpanKind::Running), 0);
    EXPECT_FLOAT_EQ(count(a, 1, 0, SpanKind::WaitSleep), 0.5f);
    std::stop_source stop;
    stop.request_stop();
    EXPECT_TRUE(computeGroupActivity(t, index, layout.groups(), 0, 1000, 10, stop.get_token()).empty());
}

TEST(GroupActivityTest, AHeadersTooltipSaysWhatItsGoroutinesDoAtThePointer)
{
    const auto store = fourGoroutines();
    TimelineView view;
    view.resize(1000, 400);
    view.setStore(store);
    const TimelineScene scene = view.scene();
    TimelineHit hit;
    hit.kind = TimelineHit::Kind::GroupHeader;
    hit.index = 0;
    hit.timeNs = 750;
    const QString tip = describeHit(scene, hit);
    EXPECT_TRUE(tip.contains(QStringLiteral("3 goroutines"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("2.0 ") + spanKindName(SpanKind::WaitChannel))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("1.0 ") + spanKindName(SpanKind::Runnable))) << tip.toStdString();
    EXPECT_FALSE(tip.contains(spanKindName(SpanKind::Running) + QStringLiteral(","))) << tip.toStdString();
}

// The strip as drawn: the bottom of main.a's header is running in the first half of the trace and
// runnable in the second, kinds stacked in SpanKind order, scaled to the busiest moment.
TEST(GroupActivityTest, TheHeaderStripStacksTheKindsFromRunningUp)
{
    const auto store = fourGoroutines();
    TimelineView view;
    view.resize(1000, 400);
    view.setStore(store);
    const QImage image = view.renderImage(QSize(1000, 400));
    const TimelineScene scene = view.sceneFor(QSize(1000, 400));
    const QRect area(0, 0, 1000, 400);
    size_t header = view.layout().rowCount();
    for (size_t i = 0; i < view.layout().rowCount(); ++i) {
        if (view.layout().row(i).kind == RowKind::GroupHeader && view.layout().row(i).index == 0) {
            header = i;
            break;
        }
    }
    ASSERT_LT(header, view.layout().rowCount());
    const int bottom = scene.rowTop(area, header) + TimelineLayout::kHeaderRowHeight - 3;
    const int timeLeft = scene.timeLeft(area);
    const int width = scene.window.widthPx;
    const StatePalette& pal = StatePalette::standard();
    EXPECT_EQ(image.pixelColor(timeLeft + width / 4, bottom), pal.kind[size_t(SpanKind::Running)]);
    EXPECT_EQ(image.pixelColor(timeLeft + 3 * width / 4, bottom), pal.kind[size_t(SpanKind::Runnable)]);
    // Three goroutines all along, a third of the strip each: halfway up is the runnable one in
    // the first half, and the second of two channel waits in the second half.
    const int middle = scene.rowTop(area, header) + TimelineLayout::kHeaderRowHeight / 2;
    EXPECT_EQ(image.pixelColor(timeLeft + width / 4, middle), pal.kind[size_t(SpanKind::Runnable)]);
    EXPECT_EQ(image.pixelColor(timeLeft + 3 * width / 4, middle), pal.kind[size_t(SpanKind::WaitChannel)]);
}

// 60,000 goroutines in one group, above both the inline limit and the folding size.
std::shared_ptr<EventStore> manyGoroutines()
{
    SyntheticTraceBuilder b(0, 1'000'000);
    b.reserve(60'000);
    for (int64_t id = 1; id <= 60'000; ++id) {
        const SyntheticSpan run[] = {{id * 10, id * 10 + 5, SpanState::Running, {}}};
        b.addGoroutine(id, id == 1 ? "main.main" : "main.worker", run);
    }
    return b.finish();
}

void waitForParts(TimelineView& view)
{
    while (view.isBusy()) {
        QSignalSpy ready(&view, &TimelineView::partsReady);
        ASSERT_TRUE(ready.wait(60'000));
    }
}

TEST(TimelineViewLargeTraceTest, FoldsBigGroupsAndLaysOutOffTheGuiThread)
{
    const auto store = manyGoroutines();
    ASSERT_GT(store->trace->goroutines.size(), kInlineGoroutines);
    TimelineView view;
    // Every group keeps its row in every window, so group 1 stays the workers' (zoomed in, main's
    // goroutine would lose its row once the window rests, and its group with it).
    view.setHideAbsentGoroutines(false);
    view.resize(800, 600);
    view.setStore(store);
    // The big group is folded to its header, its strip counting all its goroutines.
    ASSERT_EQ(view.layout().groups().size(), 2u);
    const GoroutineGroup workers = view.layout().groups()[1];
    EXPECT_EQ(workers.members.size(), 59'999u);
    EXPECT_TRUE(workers.collapsed);
    EXPECT_FALSE(view.layout().groups()[0].collapsed);
    waitForParts(view);
    ASSERT_EQ(view.activity().groupCount(), 2u);
    EXPECT_GT(view.activity().peak(1), 0);

    // Expanding it is a layout built on the thread pool; the old one is shown meanwhile.
    const size_t rowsBefore = view.layout().rowCount();
    view.setGroupCollapsed(workers.function, false);
    EXPECT_TRUE(view.isBusy());
    EXPECT_EQ(view.layout().rowCount(), rowsBefore);
    waitForParts(view);
    EXPECT_EQ(view.layout().rowCount(), rowsBefore + 59'999u);
    EXPECT_FALSE(view.layout().groups()[1].collapsed);

    // A new window gets its own activity, at the view's width.
    view.setTimeRange(100'000, 200'000);
    waitForParts(view);
    EXPECT_EQ(view.activity().startNs(), view.window().startNs);
    EXPECT_EQ(view.activity().endNs(), view.window().endNs);
    // Goroutines 10,000 to 20,000 run 5 ns of every 10 in that window: half a goroutine runs on
    // average.
    double running = 0;
    for (uint32_t b = 0; b < view.activity().buckets(); ++b)
        running += count(view.activity(), 1, b, SpanKind::Running);
    EXPECT_NEAR(running / view.activity().buckets(), 0.5, 0.001);
}

TEST(TimelineViewLargeTraceTest, SelectingAGoroutineOfAFoldedGroupOpensIt)
{
    const auto store = manyGoroutines();
    TimelineView view;
    view.resize(800, 600);
    view.setStore(store);
    const GoroutineRow row = store->trace->rowOf(30'000);
    EXPECT_EQ(view.layout().positionOf(row), view.layout().rowCount());
    view.selectGoroutine(row);
    waitForParts(view);
    EXPECT_LT(view.layout().positionOf(row), view.layout().rowCount());
}

// A few goroutines with millions of spans: the activity walks the spans, so it too is computed
// off the GUI thread; the prepared one serves the first window.
TEST(TimelineViewLargeTraceTest, ManySpansOfFewGoroutinesAreSummedOffTheGuiThread)
{
    fixtures::SyntheticTraceSpec spec;
    spec.goroutines = 20;
    spec.heavyGoroutines = 2;
    spec.spans = 1'500'000;
    spec.procSpansEach = 1000;
    const auto store = fixtures::makeSyntheticTrace(spec);
    ASSERT_GT(store->trace->spans.size(), kInlineSpans);
    TimelineView view;
    view.resize(800, 600);
    view.setStore(store);
    EXPECT_FALSE(view.isBusy()) << "the whole trace's activity came prepared";
    const TimeNs start = store->trace->startNs;
    view.setTimeRange(start, start + (store->trace->endNs - start) / 2);
    EXPECT_TRUE(view.isBusy());
    waitForParts(view);
    EXPECT_EQ(view.activity().endNs(), view.window().endNs);
}

TEST(PlotSeriesTest, OverviewKeepsEveryBucketsExtremesAndWindowsReadTheSeries)
{
    Series s;
    for (int64_t i = 0; i < 1'000'000; ++i)
        s.push_back({i * 1000, i % 1000 == 500 ? 5000 : i % 7});
    s.seal();
    const PlotLine line = PlotLine::steps(s, 0, 1.0);
    EXPECT_EQ(line.pointCount(), 1'000'000u);
    const QCPGraphDataContainer& overview = *line.overview();
    EXPECT_LE(overview.size(), int(3 * PlotLine::kOverviewBuckets));
    double highest = 0;
    for (auto it = overview.constBegin(); it != overview.constEnd(); ++it)
        highest = std::max(highest, it->value);
    EXPECT_EQ(highest, 5000);
    EXPECT_EQ((overview.constEnd() - 1)->key, 999'999 * 1e-3) << "the last point is kept";

    // Points 2000..3000 (ms 2 to 3), with one either side; values as the series has them.
    const auto window = line.pointsIn(2.0, 3.0);
    ASSERT_EQ(window->size(), 1003);
    EXPECT_EQ(window->constBegin()->key, 1999 * 1e-3);
    EXPECT_EQ((window->constEnd() - 1)->key, 3001 * 1e-3);
    EXPECT_EQ((window->constBegin() + 501)->value, 5000); // point 2500
}

TEST(TraceViewsTest, PreparesEveryPartOrNothing)
{
    const auto store = fourGoroutines();
    const TraceViewsPtr views = prepareTraceViews(store);
    ASSERT_TRUE(views);
    EXPECT_TRUE(views->timeline.index && views->timeline.layout && views->timeline.activity);
    EXPECT_EQ(views->timeline.activity->groupCount(), 2u);
    ASSERT_TRUE(views->creation);
    EXPECT_EQ(views->creation->creator.size(), 4u);
    ASSERT_TRUE(views->tableOrder);
    EXPECT_EQ(views->tableOrder->rows.size(), 4u);
    EXPECT_EQ(views->tableOrder->rows.front(), store->trace->rowOf(1)) << "the only goroutine that ran comes first";
    EXPECT_EQ(views->waitReasons.size(), 2u);
    EXPECT_TRUE(views->plots);
    std::stop_source stop;
    stop.request_stop();
    EXPECT_THROW(prepareTraceViews(store, stop.get_token()), Cancelled);
    EXPECT_FALSE(prepareTraceViews(nullptr));
}

} // namespace
} // namespace gs::ui
