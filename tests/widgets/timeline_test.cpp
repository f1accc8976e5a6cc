// SPDX-License-Identifier: MIT
#include "core/load/load_file.h"
#include "tests/support/synthetic_trace.h"
#include "widgets/plots/trace_plots.h"
#include "widgets/timeline/span_description.h"
#include "widgets/timeline/span_details_panel.h"
#include "widgets/timeline/span_folder.h"
#include "widgets/timeline/state_palette.h"
#include "widgets/timeline/time_ruler.h"
#include "widgets/timeline/time_window.h"
#include "widgets/timeline/timeline_painter.h"
#include "widgets/timeline/timeline_pane.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_views.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QHash>
#include <QImage>
#include <QSet>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <random>
#include <ranges>

namespace gs::ui {
namespace {

using gs::fixtures::SyntheticSpan;
using gs::fixtures::SyntheticTraceBuilder;

// ---- TimeWindow ------------------------------------------------------------------------------

TEST(TimeWindowTest, RoundTripsWithinAPixelAtManyZoomLevels)
{
    std::mt19937_64 rng(1);
    // Origins up to ~11.6 days of nanoseconds: absolute times a double could not hold exactly.
    for (TimeNs origin : {TimeNs(0), TimeNs(1'000'000'007), TimeNs(1'000'000'000'000'123)}) {
        for (TimeNs duration = 1000; duration <= TimeNs(1) << 43; duration *= 7) {
            for (int width : {1, 317, 1920}) {
                const TimeWindow w{origin, origin + duration, width};
                for (int k = 0; k < 50; ++k) {
                    const TimeNs t = origin + TimeNs(rng() % uint64_t(duration));
                    const TimeNs back = w.xToTime(w.timeToX(t));
                    EXPECT_LE(std::llabs(back - t), TimeNs(std::ceil(w.nsPerPx())) + 1)
                        << "origin " << origin << " duration " << duration << " width " << width;
                    const int px = int(rng() % uint64_t(width));
                    EXPECT_NEAR(w.timeToPx(w.xToTime(px)), px, 1);
                }
                EXPECT_EQ(w.timeToPx(w.startNs), 0);
                EXPECT_EQ(w.xToTime(0), w.startNs);
                EXPECT_EQ(w.xToTime(width), w.endNs);
            }
        }
    }
}

TEST(TimeWindowTest, ZoomKeepsTheAnchorAndTheBounds)
{
    const TimeNs origin = 5'000'000'000'000;
    const TimeWindow w{origin, origin + 1'000'000'000, 1000};
    for (double anchor : {0.0, 250.0, 999.0}) {
        const TimeWindow in = w.zoomed(0.5, anchor, origin, origin + 1'000'000'000);
        EXPECT_EQ(in.durationNs(), 500'000'000);
        EXPECT_LE(std::llabs(in.xToTime(anchor) - w.xToTime(anchor)), TimeNs(in.nsPerPx()) + 1);
    }
    const TimeWindow out = w.zoomed(10, 500, origin, origin + 1'000'000'000);
    EXPECT_EQ(out.startNs, origin);
    EXPECT_EQ(out.endNs, origin + 1'000'000'000);
    TimeWindow deep = w;
    for (int k = 0; k < 100; ++k)
        deep = deep.zoomed(0.1, 500, origin, origin + 1'000'000'000);
    EXPECT_EQ(deep.durationNs(), TimeWindow::kMinDurationNs);
    const TimeNs bound = origin + 1'000'000'000;
    const TimeWindow panned = w.zoomed(0.1, 500, origin, bound).panned(1e9, origin, bound);
    EXPECT_EQ(panned.endNs, origin + 1'000'000'000);
}

TEST(TimeRulerTest, LabelsHaveHumanUnitsAndEnoughDigits)
{
    EXPECT_EQ(formatTickLabel(0, 1'000'000), QStringLiteral("0"));
    EXPECT_EQ(formatTickLabel(5'000'000, 1'000'000), QStringLiteral("5 ms"));
    EXPECT_EQ(formatTickLabel(21'300'100, 100), QStringLiteral("21.3001 ms"));
    EXPECT_EQ(formatTickLabel(1'500'000'000, 500'000'000), QStringLiteral("1.5 s"));
    EXPECT_EQ(formatTickLabel(750, 250), QStringLiteral("750 ns"));
    const TimeWindow w{1000, 1000 + 20'000'000, 1000};
    const auto ticks = rulerTicks(w, 1000, 90);
    ASSERT_GE(ticks.size(), 5u);
    EXPECT_EQ(ticks.front().label, QStringLiteral("0"));
    EXPECT_EQ(ticks[1].timeNs - ticks[0].timeNs, 2'000'000);
}

// ---- Folding ---------------------------------------------------------------------------------

// One goroutine whose spans alternate bursts of tiny spans with wide spans and gaps.
std::shared_ptr<EventStore> mixedRow(uint64_t seed, size_t count)
{
    std::mt19937_64 rng(seed);
    std::vector<SyntheticSpan> spans;
    TimeNs now = 1'000'000;
    static constexpr std::string_view kReasons[] = {"chan receive", "select", "sync", "sleep"};
    for (size_t k = 0; k < count; ++k) {
        const bool wide = rng() % 10 == 0;
        const TimeNs d = wide ? 1'000 + TimeNs(rng() % 100'000) : 1 + TimeNs(rng() % 200);
        const SpanState state = SpanState(rng() % kSpanStateCount);
        spans.push_back({now, now + d, state, state == SpanState::Waiting ? kReasons[rng() % 4] : std::string_view()});
        now += d + (rng() % 20 == 0 ? TimeNs(rng() % 50'000) : 0);
    }
    SyntheticTraceBuilder b(0, now + 1000);
    b.addGoroutine(1, "main.worker", spans);
    return b.finish();
}

TEST(SpanFolderTest, BlocksCoverTheVisibleSpansExactly)
{
    const auto store = mixedRow(3, 20'000);
    const SpanTable& s = store->trace->spans;
    const TimeNs end = store->trace->endNs;
    for (TimeNs duration : {TimeNs(2'000), TimeNs(200'000), TimeNs(5'000'000), end}) {
        for (TimeNs start : {TimeNs(0), end / 3, end - duration}) {
            const TimeWindow w{start, start + duration, 800};
            std::vector<FoldedBlock> blocks;
            foldGoroutineRow(s, 0, w, 3.0, blocks);
            const uint32_t firstVisible = s.firstEndingAfter(0, w.startNs);
            const uint32_t lastVisible = *std::ranges::partition_point(
                std::views::iota(0u, uint32_t(s.size())), [&](uint32_t i) { return s.startOf(i) < w.endNs; });
            if (firstVisible >= lastVisible) {
                EXPECT_TRUE(blocks.empty());
                continue;
            }
            ASSERT_FALSE(blocks.empty());
            EXPECT_LE(blocks.front().begin, firstVisible);
            EXPECT_GE(blocks.back().end, lastVisible);
            uint64_t counted = 0;
            for (size_t k = 0; k < blocks.size(); ++k) {
                const FoldedBlock& b = blocks[k];
                if (k > 0) {
                    EXPECT_EQ(blocks[k - 1].end, b.begin) << "blocks must be contiguous";
                }
                EXPECT_EQ(b.startNs, s.startOf(b.begin));
                EXPECT_EQ(b.endNs, s.endOf(b.end - 1));
                EXPECT_EQ(b.merged, b.count() > 1);
                counted += b.count();
                // The state mix of a merged block accounts for all of its spans' time.
                TimeNs mix[kSpanStateCount];
                s.stateMix(0, b.begin, b.end, mix);
                TimeNs mixed = 0, summed = 0;
                for (TimeNs m : mix)
                    mixed += m;
                for (uint32_t i = b.begin; i < b.end; ++i)
                    summed += s.endOf(i) - s.startOf(i);
                EXPECT_EQ(mixed, summed);
            }
            EXPECT_EQ(counted, blocks.back().end - blocks.front().begin);
            // The 64-span step index only makes folding cheaper, never different.
            std::vector<FoldedBlock> indexed;
            foldGoroutineRow(s, 0, w, 3.0, indexed, s.stepMaxima(0));
            EXPECT_EQ(indexed, blocks);
        }
    }
}

TEST(SpanFolderTest, StableWhenPanningByWholePixels)
{
    const auto store = mixedRow(5, 50'000);
    const SpanTable& s = store->trace->spans;
    const TimeWindow base{store->trace->endNs / 4, store->trace->endNs / 4 + 2'000'000, 1000};
    std::vector<FoldedBlock> a;
    foldGoroutineRow(s, 0, base, 3.0, a);
    for (int px : {1, 2, 7, 100, -3, -250}) {
        const TimeWindow moved = base.panned(px, 0, store->trace->endNs);
        std::vector<FoldedBlock> b;
        foldGoroutineRow(s, 0, moved, 3.0, b);
        // Blocks well inside both windows must be identical.
        const TimeNs lo = std::max(base.startNs, moved.startNs) + base.pxToNs(20);
        const TimeNs hi = std::min(base.endNs, moved.endNs) - base.pxToNs(20);
        auto inside = [&](const std::vector<FoldedBlock>& v) {
            std::vector<std::tuple<uint32_t, uint32_t, bool>> out;
            for (const FoldedBlock& f : v) {
                if (f.startNs >= lo && f.endNs <= hi)
                    out.emplace_back(f.begin, f.end, f.merged);
            }
            return out;
        };
        EXPECT_EQ(inside(a), inside(b)) << "panned by " << px << " px";
        EXPECT_FALSE(inside(a).empty());
    }
}

TEST(SpanFolderTest, CostFollowsPixelsNotSpans)
{
    std::vector<SyntheticSpan> spans;
    for (TimeNs k = 0; k < 1'000'000; ++k)
        spans.push_back({k * 10, k * 10 + 9, k % 2 ? SpanState::Running : SpanState::Runnable, {}});
    SyntheticTraceBuilder b(0, 10'000'000);
    b.addGoroutine(1, "main.busy", spans);
    const auto store = b.finish();
    std::vector<FoldedBlock> blocks;
    foldGoroutineRow(store->trace->spans, 0, TimeWindow{0, 10'000'000, 1000}, 3.0, blocks,
                     store->trace->spans.stepMaxima(0));
    ASSERT_EQ(blocks.size(), 1u); // one run: every gap is far below 3 px
    EXPECT_EQ(blocks[0].count(), 1'000'000u);
    TimeNs mix[kSpanStateCount];
    store->trace->spans.stateMix(0, blocks[0].begin, blocks[0].end, mix);
    EXPECT_EQ(mix[size_t(SpanState::Running)], 500'000 * 9);
    EXPECT_EQ(mix[size_t(SpanState::Runnable)], 500'000 * 9);
}

// ---- Layout ----------------------------------------------------------------------------------

TEST(TimelineLayoutTest, GroupsSortsAndFindsRowsByY)
{
    SyntheticTraceBuilder b(0, 1000);
    const SyntheticSpan run[] = {{0, 100, SpanState::Running, {}}};
    const SyntheticSpan wait[] = {{0, 10, SpanState::Running, {}}, {10, 900, SpanState::Waiting, "chan receive"}};
    b.addGoroutine(7, "main.a", run);
    b.addGoroutine(3, "main.b", wait);
    b.addGoroutine(5, "main.a", wait);
    const auto store = b.finish();
    const TimelineIndex index(*store);
    TimelineLayout::Options opt;
    opt.sort = GoroutineSort::TotalBlocked;
    const TimelineLayout layout(*store->trace, index, opt);
    // Group of G3 comes first (most blocked first), G5 before G7 inside main.a. G3 is alone in
    // main.b: its row, which names main.b, needs no header.
    ASSERT_EQ(layout.groups().size(), 2u);
    ASSERT_EQ(layout.rowCount(), 4u);
    EXPECT_EQ(layout.row(0).kind, RowKind::Goroutine);
    EXPECT_EQ(store->trace->goroutines[layout.row(0).index].id, 3);
    EXPECT_EQ(layout.row(1).kind, RowKind::GroupHeader);
    EXPECT_EQ(store->trace->goroutines[layout.row(2).index].id, 5);
    EXPECT_EQ(store->trace->goroutines[layout.row(3).index].id, 7);
    for (size_t i = 0; i < layout.rowCount(); ++i) {
        EXPECT_EQ(layout.rowAt(layout.top(i)), i);
        EXPECT_EQ(layout.rowAt(layout.top(i) + layout.height(i) - 1), i);
    }
    EXPECT_EQ(layout.rowAt(layout.totalHeight()), layout.rowCount());
    opt.collapsed.insert(store->trace->goroutines[0].startFunction);
    const TimelineLayout collapsed(*store->trace, index, opt);
    EXPECT_EQ(collapsed.rowCount(), 2u); // G3, main.a's header
    EXPECT_EQ(collapsed.positionOf(0), collapsed.rowCount());
    // A lone goroutine's group folded by the user keeps its header, to be unfolded again.
    opt.collapsed = {store->trace->goroutines[1].startFunction};
    const TimelineLayout loneFolded(*store->trace, index, opt);
    ASSERT_EQ(loneFolded.rowCount(), 4u); // main.b's header, main.a's header, G5, G7
    EXPECT_EQ(loneFolded.row(0).kind, RowKind::GroupHeader);
    EXPECT_EQ(loneFolded.positionOf(1), loneFolded.rowCount());
}

TEST(StatePaletteTest, WaitReasonsFallIntoFamilies)
{
    EXPECT_EQ(waitFamily("chan receive"), SpanKind::WaitChannel);
    EXPECT_EQ(waitFamily("chan send (nil chan)"), SpanKind::WaitChannel);
    EXPECT_EQ(waitFamily("select"), SpanKind::WaitSelect);
    EXPECT_EQ(waitFamily("select (no cases)"), SpanKind::WaitSelect);
    EXPECT_EQ(waitFamily("sync"), SpanKind::WaitSync);
    EXPECT_EQ(waitFamily("sync.(*Cond).Wait"), SpanKind::WaitSync);
    EXPECT_EQ(waitFamily("network"), SpanKind::WaitNetwork);
    EXPECT_EQ(waitFamily("sleep"), SpanKind::WaitSleep);
    EXPECT_EQ(waitFamily("GC background sweeper wait"), SpanKind::WaitGc);
    EXPECT_EQ(waitFamily("system goroutine wait"), SpanKind::WaitOther);
}

// ---- Rendering a real trace ------------------------------------------------------------------

StorePtr loadFixture(const char* name)
{
    LoadContext ctx;
    auto store = loadFile(std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/" + name, ctx);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
    return store.ok() ? *store : nullptr;
}

// The widest span of the first goroutine row drawn, with its layout position.
struct KnownSpan
{
    GoroutineRow row = kNoRow;
    uint32_t span = 0;
    size_t position = 0;
};

KnownSpan widestVisibleSpan(const TimelineView& view)
{
    const TraceData& t = *view.store()->trace;
    KnownSpan best;
    TimeNs bestNs = -1;
    const TimelineLayout& layout = view.layout();
    for (size_t i = 0; i < std::min<size_t>(layout.rowCount(), 20); ++i) {
        if (layout.row(i).kind != RowKind::Goroutine)
            continue;
        const GoroutineRow r = layout.row(i).index;
        for (uint32_t k = t.spans.offsets[r]; k < t.spans.offsets[r + 1]; ++k) {
            if (t.spans.endOf(k) - t.spans.startOf(k) > bestNs) {
                bestNs = t.spans.endOf(k) - t.spans.startOf(k);
                best = {r, k, i};
            }
        }
    }
    return best;
}

class TimelineRenderTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        store = loadFixture("go126_sched.trace");
        ASSERT_TRUE(store && store->trace);
        view.resize(1000, 700);
        view.setStore(store);
    }
    // Centre of a span's state bar, in image coordinates, for an image of the view's size.
    QPoint spanCentre(const KnownSpan& k) const
    {
        const TimelineScene sc = view.sceneFor(QSize(1000, 700));
        const QRect area(0, 0, 1000, 700);
        const SpanTable& s = store->trace->spans;
        const auto [x0, x1] = sc.xRange(area, s.startOf(k.span), s.endOf(k.span));
        return {(x0 + x1) / 2, sc.rowTop(area, k.position) + TimelineLayout::kStateBarHeight / 2};
    }

    StorePtr store;
    TimelineView view;
};

TEST_F(TimelineRenderTest, FullTraceIsNotBlankAndShowsTheStateColourOfAKnownSpan)
{
    view.setSort(GoroutineSort::TotalRunning);
    view.fitAll();
    const QImage image = view.renderImage(QSize(1000, 700));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = view.labelWidth(); x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 8);

    const KnownSpan k = widestVisibleSpan(view);
    ASSERT_NE(k.row, kNoRow);
    const SpanKind kind = view.index().kindOf(store->trace->spans, k.span);
    // The colour most pixels along the span's middle line have (its label may cover a few).
    const QPoint p = spanCentre(k);
    const QRect area(0, 0, 1000, 700);
    const SpanTable& s = store->trace->spans;
    const auto [x0, x1] = view.sceneFor(area.size()).xRange(area, s.startOf(k.span), s.endOf(k.span));
    QHash<QRgb, int> histogram;
    for (int x = x0; x < x1; ++x)
        ++histogram[image.pixel(x, p.y())];
    QRgb mode = 0;
    for (auto it = histogram.begin(); it != histogram.end(); ++it)
        if (it.value() > histogram.value(mode))
            mode = it.key();
    EXPECT_EQ(QColor(mode), StatePalette::standard().kind[size_t(kind)])
        << "span " << k.span << " of " << qPrintable(goroutineTitle(*store->trace, store->symbols, k.row)) << " at "
        << p.x() << "," << p.y();
}

TEST_F(TimelineRenderTest, HitTestReturnsTheSpanUnderAPoint)
{
    view.setSort(GoroutineSort::TotalRunning);
    view.fitAll();
    const KnownSpan k = widestVisibleSpan(view);
    ASSERT_NE(k.row, kNoRow);
    const TimelineHit hit = hitTest(view.sceneFor(QSize(1000, 700)), QRect(0, 0, 1000, 700), spanCentre(k));
    ASSERT_EQ(hit.kind, TimelineHit::Kind::Span);
    EXPECT_EQ(hit.index, k.row);
    EXPECT_EQ(hit.block.begin, k.span);
    EXPECT_FALSE(describeHit(view.sceneFor(QSize(1000, 700)), hit).isEmpty());

    // Zoomed onto the span's start, the hit still finds it.
    const SpanTable& s = store->trace->spans;
    view.setTimeRange(s.startOf(k.span), s.startOf(k.span) + (s.endOf(k.span) - s.startOf(k.span)) / 4);
    const TimelineHit zoomed = hitTest(view.sceneFor(QSize(1000, 700)), QRect(0, 0, 1000, 700), spanCentre(k));
    EXPECT_EQ(zoomed.kind, TimelineHit::Kind::Span);
    EXPECT_EQ(zoomed.block.begin, k.span);
}

TEST_F(TimelineRenderTest, SelectingASpanEmitsItsRowAndFillsTheDetailsPanel)
{
    const KnownSpan k = widestVisibleSpan(view);
    ASSERT_NE(k.row, kNoRow);
    GoroutineRow gotRow = kNoRow;
    uint32_t gotSpan = 0;
    QObject::connect(&view, &TimelineView::spanSelected, [&](GoroutineRow r, uint32_t sp) {
        gotRow = r;
        gotSpan = sp;
    });
    view.selectSpan({k.row, k.span});
    EXPECT_EQ(gotRow, k.row);
    EXPECT_EQ(gotSpan, k.span);

    SpanDetailsPanel panel;
    panel.setSpan(store, {k.row, k.span});
    EXPECT_EQ(panel.field(QStringLiteral("state")),
              QString::fromLatin1(spanStateName(store->trace->spans.stateOf(k.span))));
    EXPECT_EQ(panel.field(QStringLiteral("duration")),
              formatDuration(store->trace->spans.endOf(k.span) - store->trace->spans.startOf(k.span)));
    EXPECT_EQ(panel.frames().size(), qsizetype(store->symbols.stacks.frames(store->trace->spans.stackOf(k.span)).size()));
}

TEST_F(TimelineRenderTest, RangeSummaryAddsUpToTheTimeOfTheRowsInside)
{
    const TraceData& t = *store->trace;
    const TimeNs a = t.startNs + (t.endNs - t.startNs) / 4, b = t.startNs + (t.endNs - t.startNs) / 2;
    view.setSelectedRange(a, b);
    const RangeSummary sum = view.rangeSummary();
    TimeNs expected = 0;
    for (GoroutineRow r = 0; r < t.goroutines.size(); ++r) {
        for (uint32_t k = t.spans.offsets[r]; k < t.spans.offsets[r + 1]; ++k)
            expected += std::max<TimeNs>(0, std::min(t.spans.endOf(k), b) - std::max(t.spans.startOf(k), a));
    }
    TimeNs total = 0;
    for (TimeNs ns : sum.byState)
        total += ns;
    EXPECT_EQ(total, expected);
    EXPECT_GT(sum.goroutines, 0u);
    EXPECT_TRUE(describeRange(sum).contains(QStringLiteral("running")));
}

TEST_F(TimelineRenderTest, PlotsReceiveTheTraceSeries)
{
    TracePlots plots;
    plots.setStore(store);
    const auto counts = plots.pointCounts();
    EXPECT_EQ(counts[0], int(store->trace->heapAlloc.size()));
    EXPECT_EQ(counts[1], int(store->trace->heapGoal.size()));
    EXPECT_EQ(counts[2], int(store->trace->goroutineCount.size()));
    EXPECT_EQ(counts[3], int(store->trace->stwRanges.size()));
}

TEST_F(TimelineRenderTest, KeysWheelAndShiftDragNavigate)
{
    view.show();
    const TimeWindow full = view.window();
    QTest::keyClick(view.viewport(), Qt::Key_W);
    EXPECT_LT(view.window().durationNs(), full.durationNs());
    QTest::keyClick(view.viewport(), Qt::Key_D);
    EXPECT_GT(view.window().startNs, full.startNs);
    QTest::keyClick(view.viewport(), Qt::Key_Home);
    EXPECT_EQ(view.window().durationNs(), full.durationNs());

    // Ctrl+wheel zooms around the cursor: the time under it stays put.
    const QPoint at(view.labelWidth() + 300, 200);
    const TimeNs before = view.window().xToTime(300);
    QWheelEvent wheel(at, view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::ControlModifier,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view.viewport(), &wheel);
    EXPECT_LT(view.window().durationNs(), full.durationNs());
    EXPECT_LE(std::llabs(view.window().xToTime(300) - before), TimeNs(view.window().nsPerPx()) + 1);

    // Shift+drag selects a range; F fits it.
    QTest::mousePress(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(view.labelWidth() + 100, 200));
    QTest::mouseMove(view.viewport(), QPoint(view.labelWidth() + 400, 200));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(view.labelWidth() + 400, 200));
    ASSERT_TRUE(view.selectedRange().has_value());
    const auto [a, b] = *view.selectedRange();
    QTest::keyClick(view.viewport(), Qt::Key_F);
    EXPECT_EQ(view.window().startNs, a);
    EXPECT_EQ(view.window().endNs, b);
}

// Whether goroutine `row` has a span overlapping [a, b].
bool existsIn(const TraceData& trace, GoroutineRow row, TimeNs a, TimeNs b)
{
    const auto [first, last] = trace.spans.rowRange(row);
    return first < last && trace.spans.startOf(first) <= b && trace.spans.endOf(last - 1) >= a;
}

std::vector<GoroutineRow> goroutineRowsOf(const TimelineLayout& layout)
{
    std::vector<GoroutineRow> rows;
    for (size_t i = 0; i < layout.rowCount(); ++i) {
        if (layout.row(i).kind == RowKind::Goroutine)
            rows.push_back(layout.row(i).index);
    }
    return rows;
}

TEST_F(TimelineRenderTest, ZoomedInOnlyTheGoroutinesThatExistHaveRows)
{
    const TraceData& trace = *store->trace;
    const size_t all = goroutineRowsOf(view.layout()).size();
    ASSERT_EQ(all, trace.goroutines.size()) << "the whole trace shows every goroutine";
    // The last tenth of the trace: the goroutines that ended before it lose their rows.
    const TimeNs a = trace.endNs - (trace.endNs - trace.startNs) / 10;
    size_t absent = 0;
    for (GoroutineRow r = 0; r < trace.goroutines.size(); ++r)
        absent += !existsIn(trace, r, a, trace.endNs);
    ASSERT_GT(absent, 0u) << "the fixture has goroutines that are gone by its last tenth";
    view.setTimeRange(a, trace.endNs);
    ASSERT_TRUE(QTest::qWaitFor([&] { return goroutineRowsOf(view.layout()).size() < all; }, 2000));
    const TimeWindow shown = view.window();
    const std::vector<GoroutineRow> rows = goroutineRowsOf(view.layout());
    EXPECT_EQ(rows.size(), all - absent);
    for (GoroutineRow r : rows)
        EXPECT_TRUE(existsIn(trace, r, shown.startNs, shown.endNs)) << "G" << trace.goroutines.idOf(r);

    // Selected, a goroutine that is gone keeps its row.
    GoroutineRow gone = 0;
    while (existsIn(trace, gone, shown.startNs, shown.endNs))
        ++gone;
    view.selectGoroutine(gone);
    QCoreApplication::processEvents();
    EXPECT_LT(view.layout().positionOf(gone), view.layout().rowCount());

    // The option off: every goroutine again, whatever the window.
    view.setHideAbsentGoroutines(false);
    EXPECT_EQ(goroutineRowsOf(view.layout()).size(), all);
    view.setTimeRange(trace.startNs, trace.startNs + (trace.endNs - trace.startNs) / 10);
    QTest::qWait(300);
    EXPECT_EQ(goroutineRowsOf(view.layout()).size(), all);
}

TEST_F(TimelineRenderTest, PaneWiresTheViewToThePlotsAndTheDetails)
{
    TimelinePane pane;
    pane.resize(1200, 800);
    pane.setStore(store, prepareTraceViews(store));
    const TraceData& t = *store->trace;
    const TimeNs mid = t.startNs + (t.endNs - t.startNs) / 2;
    pane.view()->setTimeRange(mid, mid + 1'000'000);
    const auto [lower, upper] = pane.plots()->timeRangeMs();
    EXPECT_NEAR(lower, double(mid - t.startNs) / 1e6, 1e-6);
    EXPECT_NEAR(upper, double(mid + 1'000'000 - t.startNs) / 1e6, 1e-6);

    const KnownSpan k = widestVisibleSpan(*pane.view());
    pane.view()->selectSpan({k.row, k.span});
    EXPECT_EQ(pane.details()->field(QStringLiteral("state")),
              QString::fromLatin1(spanStateName(t.spans.stateOf(k.span))));
}

// Writes the pictures a person looks at (overview and one goroutine zoomed in) when
// GOROSCOPE_TIMELINE_SHOTS names a folder.
TEST_F(TimelineRenderTest, WritesScreenshotsOnRequest)
{
    const QString dir = qEnvironmentVariable("GOROSCOPE_TIMELINE_SHOTS");
    if (dir.isEmpty())
        GTEST_SKIP() << "set GOROSCOPE_TIMELINE_SHOTS to a folder to write the screenshots";
    // Shown (offscreen), so that the viewport has its real size when selectSpan scrolls to the row.
    view.resize(1400, 800);
    view.show();
    view.setSort(GoroutineSort::TotalRunning);
    view.fitAll();
    EXPECT_TRUE(view.renderImage(QSize(1400, 800)).save(QDir(dir).filePath(QStringLiteral("timeline-overview.png"))));
    // The user goroutine (main.*) with the most state changes, zoomed onto a stretch of its activity.
    const TraceData& t = *store->trace;
    GoroutineRow busiest = 0;
    auto weight = [&](GoroutineRow r) {
        const Goroutine& g = t.goroutines[r];
        const bool user = g.hasStartFunction() && store->symbols.functionName(g.startFunction).starts_with("main.");
        return user ? t.spans.offsets[r + 1] - t.spans.offsets[r] : 0;
    };
    for (GoroutineRow r = 0; r < t.goroutines.size(); ++r)
        if (weight(r) > weight(busiest))
            busiest = r;
    // Its densest stretch of 40 spans: where zooming in is worth it.
    const uint32_t b = t.spans.offsets[busiest], e = t.spans.offsets[busiest + 1];
    constexpr uint32_t kStretch = 40;
    uint32_t first = b;
    for (uint32_t k = b; k + kStretch < e; ++k)
        if (t.spans.endOf(k + kStretch) - t.spans.startOf(k) < t.spans.endOf(first + kStretch) - t.spans.startOf(first))
            first = k;
    const uint32_t last = std::min(e - 1, first + kStretch);
    view.selectSpan({busiest, first + (last - first) / 2});
    view.setTimeRange(t.spans.startOf(first), t.spans.endOf(last));
    EXPECT_TRUE(view.renderImage(QSize(1400, 800)).save(QDir(dir).filePath(QStringLiteral("timeline-goroutine.png"))));
}

} // namespace
} // namespace gs::ui
