// SPDX-License-Identifier: MIT
// Thread (M) rows on the timeline of a real trace: off by default, one row per thread after the
// processors when turned on, a run or a syscall hit, described and selected by a click.
#include "tests/support/synthetic_trace.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/timeline/span_description.h"
#include "widgets/timeline/state_palette.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_page.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QScrollBar>
#include <QTest>

namespace gs::ui {
namespace {

std::vector<uint32_t> threadRowsOf(const TimelineLayout& layout, size_t* first = nullptr)
{
    std::vector<uint32_t> rows;
    for (size_t i = 0; i < layout.rowCount(); ++i) {
        if (layout.row(i).kind != RowKind::Thread)
            continue;
        if (rows.empty() && first)
            *first = i;
        rows.push_back(layout.row(i).index);
    }
    return rows;
}

class ThreadRowsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        store = test::loadFixture("trace/go126_syscalls.trace");
        ASSERT_TRUE(store && store->trace);
        ASSERT_FALSE(store->trace->threads.empty());
        view.resize(1200, 700);
        view.setStore(store);
        view.setHideAbsentGoroutines(false);
    }
    TimelineScene scene() const { return view.sceneFor(view.viewport()->size()); }
    int xOf(TimeNs t) const { return scene().timeLeft(view.viewport()->rect()) + view.window().timeToPx(t); }
    // The longest span of `state` on any thread: (thread index, position in its list).
    std::pair<uint32_t, uint32_t> longest(SpanState state) const
    {
        const TraceData& t = *store->trace;
        std::pair<uint32_t, uint32_t> best{UINT32_MAX, 0};
        TimeNs bestNs = -1;
        for (uint32_t m = 0; m < t.threads.size(); ++m) {
            const ResourceSpans& thread = t.threadSpans(m);
            for (uint32_t k = 0; k < thread.spans.size(); ++k) {
                const uint32_t s = thread.spans[k];
                if (t.spans.stateOf(s) == state && t.spans.durationOf(s) > bestNs) {
                    bestNs = t.spans.durationOf(s);
                    best = {m, k};
                }
            }
        }
        return best;
    }

    StorePtr store;
    TimelineView view;
};

TEST_F(ThreadRowsTest, OffByDefaultThenOneRowPerThreadAfterTheProcessors)
{
    const TraceData& t = *store->trace;
    EXPECT_FALSE(view.showsThreads());
    EXPECT_TRUE(threadRowsOf(view.layout()).empty());
    view.setShowThreads(true);
    size_t first = 0;
    const std::vector<uint32_t> rows = threadRowsOf(view.layout(), &first);
    ASSERT_EQ(rows.size(), t.threads.size());
    EXPECT_EQ(first, t.processors.size()) << "right after the processor rows";
    for (uint32_t k = 0; k < rows.size(); ++k)
        EXPECT_EQ(rows[k], k);
    view.setShowThreads(false);
    EXPECT_TRUE(threadRowsOf(view.layout()).empty());
}

TEST_F(ThreadRowsTest, ARunAndASyscallAreDrawnHitDescribedAndSelected)
{
    const TraceData& t = *store->trace;
    view.setShowThreads(true);
    size_t firstRow = 0;
    threadRowsOf(view.layout(), &firstRow);
    for (SpanState state : {SpanState::Running, SpanState::Syscall}) {
        const auto [m, k] = longest(state);
        ASSERT_NE(m, UINT32_MAX) << spanStateName(state);
        const ResourceSpans& thread = t.threadSpans(m);
        const uint32_t span = thread.spans[k];
        const TimeNs a = t.spans.startOf(span), b = t.spans.endOf(span);
        view.setTimeRange(a - (b - a) / 2, b + (b - a) / 2);
        view.verticalScrollBar()->setValue(0); // the previous click scrolled to its goroutine
        const size_t position = firstRow + m;
        const QPoint at((xOf(a) + xOf(b)) / 2,
                        scene().rowTop(view.viewport()->rect(), position) + TimelineLayout::kProcRowHeight / 2);

        const TimelineHit hit = view.hitAt(at);
        ASSERT_EQ(hit.kind, TimelineHit::Kind::ThreadSpan) << spanStateName(state) << " at " << at.x() << "," << at.y();
        EXPECT_EQ(hit.index, m);
        EXPECT_FALSE(hit.block.merged);
        EXPECT_EQ(thread.spans[hit.block.begin], span);

        const int64_t goroutine = t.goroutines.idOf(t.spans.rowOfSpan(span));
        const QString tip = describeHit(scene(), hit);
        EXPECT_TRUE(tip.contains(QStringLiteral("Thread %1 (M)").arg(thread.id))) << tip.toStdString();
        EXPECT_TRUE(tip.contains(QStringLiteral("G%1").arg(goroutine))) << tip.toStdString();
        EXPECT_TRUE(tip.contains(state == SpanState::Running ? QStringLiteral("running") : QStringLiteral("syscall")))
            << tip.toStdString();

        // Drawn in its goroutine's colour when running, in the syscall colour otherwise.
        view.clearSpanSelection();
        view.selectGoroutine(kNoRow);
        const QImage image = view.renderImage(view.viewport()->size());
        const StatePalette& pal = StatePalette::standard();
        const QColor want = state == SpanState::Running ? pal.forGoroutine(goroutine) : pal.forState(state);
        EXPECT_EQ(QColor(image.pixel(at.x(), at.y())).rgb(), want.rgb()) << spanStateName(state);

        // A click selects that goroutine's span.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
        ASSERT_TRUE(view.selectedSpan());
        EXPECT_EQ(view.selectedSpan()->span, span);
        EXPECT_EQ(view.selectedGoroutine(), t.spans.rowOfSpan(span));
    }
}

// The threads around the trace's longest syscall, for a person to look at (GOROSCOPE_RENDER_DIR).
TEST_F(ThreadRowsTest, RendersTheThreadsAroundASyscall)
{
    const TraceData& t = *store->trace;
    view.setShowThreads(true);
    const auto [m, k] = longest(SpanState::Syscall);
    ASSERT_NE(m, UINT32_MAX);
    const uint32_t span = t.threadSpans(m).spans[k];
    const TimeNs a = t.spans.startOf(span), b = t.spans.endOf(span);
    const TimeNs margin = std::max<TimeNs>(b - a, 200'000);
    view.setTimeRange(a - margin, b + margin);
    view.selectSpan({t.spans.rowOfSpan(span), span});
    view.verticalScrollBar()->setValue(0);
    const QImage image = view.renderImage(view.viewport()->size());
    // Thread rows are drawn: the syscall's colour is on its row.
    size_t firstRow = 0;
    threadRowsOf(view.layout(), &firstRow);
    const TimelineScene sc = scene();
    const int y = sc.rowTop(view.viewport()->rect(), firstRow + m) + TimelineLayout::kProcRowHeight / 2;
    bool syscallColour = false;
    for (int x = sc.timeLeft(view.viewport()->rect()); x < image.width(); ++x)
        syscallColour = syscallColour || QColor(image.pixel(x, y)) == StatePalette::standard().forState(SpanState::Syscall);
    EXPECT_TRUE(syscallColour);
    test::saveRender(view, "thread-rows");
}

TEST_F(ThreadRowsTest, TheViewMenuTogglesThemAndSaysWhenATraceNamesNoThreads)
{
    TracePage page;
    page.resize(1400, 900);
    page.setStore(store);
    QAction* action = page.findChild<QAction*>(QStringLiteral("threadRowsAction"));
    ASSERT_TRUE(action);
    EXPECT_TRUE(page.viewActions().contains(action));
    EXPECT_TRUE(action->isEnabled());
    EXPECT_FALSE(action->isChecked());
    action->setChecked(true);
    EXPECT_EQ(threadRowsOf(page.timeline()->layout()).size(), store->trace->threads.size());
    // The whole trace with its threads, for a person to look at.
    page.timeline()->fitAll();
    page.show();
    QCoreApplication::processEvents();
    test::saveRender(page, "thread-rows-page");
    page.hide();

    // A trace without threads (as before Go 1.22): the entry says so and is off.
    fixtures::SyntheticTraceBuilder b(0, 1'000'000);
    const fixtures::SyntheticSpan spans[] = {{0, 500'000, SpanState::Running, {}, 0}};
    b.addGoroutine(1, "main.main", spans);
    page.setStore(b.finish());
    EXPECT_FALSE(action->isEnabled());
    EXPECT_TRUE(action->text().contains(QStringLiteral("not recorded"))) << action->text().toStdString();
    EXPECT_TRUE(threadRowsOf(page.timeline()->layout()).empty());
}

} // namespace
} // namespace gs::ui
