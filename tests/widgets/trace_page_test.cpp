// SPDX-License-Identifier: MIT
// The trace page end to end on a real trace: the shared goroutine filter hides goroutines from the
// timeline and the table and feeds the histogram; the selected goroutine follows clicks both ways.
#include "core/analysis/goroutine_filter.h"
#include "core/load/load_file.h"
#include "widgets/filters/goroutine_filter_bar.h"
#include "widgets/goroutines/goroutine_table.h"
#include "widgets/goroutines/goroutine_table_model.h"
#include "widgets/plots/span_duration_histogram.h"
#include "widgets/timeline/state_palette.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QTabWidget>
#include <QTest>

#include <cmath>
#include <map>
#include <numeric>

#include <qcustomplot.h>

namespace gs::ui {
namespace {

constexpr int kWaitMs = 20'000;

class TracePageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        LoadContext ctx;
        auto loaded = loadFile(std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/go126_sched.trace", ctx);
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        store = *loaded;
        page.resize(1400, 900);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
        page.setStore(store);
        ASSERT_TRUE(waitForFilter());
    }

    bool waitForFilter()
    {
        return QTest::qWaitFor([this] { return !page.session()->isFiltering() && page.session()->result(); }, kWaitMs);
    }

    GoroutineFilterResult expectedResult() const
    {
        auto r = filterGoroutines(*store, toGoroutineFilter(page.session()->conditions(), store->trace->startNs));
        EXPECT_TRUE(r.ok());
        return r.ok() ? *r : GoroutineFilterResult{};
    }

    GoroutineTableModel& table() const { return *page.goroutineTable()->tableModel(); }
    TimelineView& view() const { return *page.timeline(); }

    // Goroutine rows on the timeline, in layout order.
    std::vector<GoroutineRow> timelineGoroutines() const
    {
        std::vector<GoroutineRow> rows;
        const TimelineLayout& layout = view().layout();
        for (size_t i = 0; i < layout.rowCount(); ++i) {
            if (layout.row(i).kind == RowKind::Goroutine)
                rows.push_back(layout.row(i).index);
        }
        return rows;
    }

    // A viewport point inside the label gutter of a goroutine's timeline row.
    QPoint rowLabelPoint(GoroutineRow row) const
    {
        const size_t pos = view().layout().positionOf(row);
        EXPECT_LT(pos, view().layout().rowCount());
        const QRect area = view().viewport()->rect();
        return {view().labelWidth() / 2, view().scene().rowTop(area, pos) + TimelineLayout::kStateBarHeight / 2};
    }

    StorePtr store;
    TracePage page;
};

TEST_F(TracePageTest, FilteringHidesGoroutinesFromTheTimelineAndTheTableAndShowsTheCount)
{
    const size_t n = store->trace->goroutines.size();
    EXPECT_EQ(table().rowCount(), int(n));
    EXPECT_EQ(timelineGoroutines().size(), n);
    EXPECT_EQ(page.filterBar()->countText(), QStringLiteral("%1 of %1 goroutines").arg(n));

    // Through the bar, as a user would: wait reason, pick "chan receive", Enter.
    page.filterBar()->setKind(ConditionKind::Reason);
    auto* value = page.filterBar()->findChild<QComboBox*>(QStringLiteral("conditionValue"));
    ASSERT_GE(value->findText(QStringLiteral("chan receive")), 0) << "reasons present are offered";
    value->setCurrentIndex(value->findText(QStringLiteral("chan receive")));
    QTest::keyClick(value->lineEdit(), Qt::Key_Return);
    ASSERT_EQ(page.session()->conditions().size(), 1u);
    ASSERT_TRUE(waitForFilter());

    const GoroutineFilterResult expected = expectedResult();
    ASSERT_GT(expected.kept, 0u);
    ASSERT_LT(expected.kept, n) << "the filter must drop some goroutines for this test to mean anything";
    EXPECT_EQ(page.session()->result()->keep, expected.keep);
    ASSERT_EQ(table().rowCount(), int(expected.kept));
    for (int row = 0; row < table().rowCount(); ++row)
        EXPECT_TRUE(expected.keep[table().goroutineAt(row)]);
    const std::vector<GoroutineRow> shown = timelineGoroutines();
    EXPECT_EQ(shown.size(), expected.kept);
    for (GoroutineRow r : shown)
        EXPECT_TRUE(expected.keep[r]) << "filtered-out goroutine row " << r << " on the timeline";
    size_t members = 0;
    for (const GoroutineGroup& g : view().layout().groups()) {
        EXPECT_FALSE(g.members.empty()) << "a group with no visible member is dropped";
        members += g.members.size();
    }
    EXPECT_EQ(members, expected.kept);
    EXPECT_EQ(page.filterBar()->countText(), QStringLiteral("%1 of %2 goroutines").arg(expected.kept).arg(n));

    // Removing the chip brings everything back.
    page.session()->removeCondition(0);
    ASSERT_TRUE(waitForFilter());
    EXPECT_EQ(table().rowCount(), int(n));
    EXPECT_EQ(timelineGoroutines().size(), n);
}

TEST_F(TracePageTest, InvalidFilterInputIsRejected)
{
    page.filterBar()->setKind(ConditionKind::Transition);
    auto* value = page.filterBar()->findChild<QComboBox*>(QStringLiteral("conditionValue"));
    value->setEditText(QStringLiteral("running->dancing"));
    QTest::keyClick(value->lineEdit(), Qt::Key_Return);
    EXPECT_TRUE(page.session()->conditions().empty());
    EXPECT_FALSE(page.filterBar()->errorText().isEmpty());
    EXPECT_EQ(table().rowCount(), int(store->trace->goroutines.size()));
}

TEST_F(TracePageTest, SelectingATableRowSelectsTheGoroutineOnTheTimeline)
{
    view().setAllGroupsCollapsed(true);
    GoroutineTable* tableView = page.goroutineTable();
    const int row = table().rowCount() - 1;
    const GoroutineRow g = table().goroutineAt(row);
    tableView->scrollTo(table().index(row, 0));
    QTest::mouseClick(tableView->viewport(), Qt::LeftButton, {}, tableView->visualRect(table().index(row, 1)).center());

    EXPECT_EQ(page.session()->selectedGoroutine(), g);
    EXPECT_EQ(view().selectedGoroutine(), g);
    // Its group was expanded and its row scrolled into view.
    const size_t pos = view().layout().positionOf(g);
    ASSERT_LT(pos, view().layout().rowCount());
    const int top = view().layout().top(pos) - view().verticalScrollBar()->value();
    EXPECT_GE(top, 0);
    EXPECT_LE(top + view().layout().height(pos), view().viewport()->height() - TimelineScene::kHeaderHeight);
    // And highlighted: the selection bar at the left edge of its row.
    const QImage image = view().renderImage(view().viewport()->size());
    const QRgb edge = StatePalette::standard().selectionEdge.rgb();
    const int rowTop = view().scene().rowTop(view().viewport()->rect(), pos);
    EXPECT_EQ(image.pixel(1, rowTop + view().layout().height(pos) / 2), edge);
    EXPECT_NE(image.pixel(1, rowTop + view().layout().height(pos) + 3), edge) << "only its row is marked";
}

TEST_F(TracePageTest, ClickingAGoroutineOnTheTimelineSelectsItsTableRow)
{
    const std::vector<GoroutineRow> rows = timelineGoroutines();
    ASSERT_GE(rows.size(), 3u);
    const GoroutineRow g = rows[2];
    QTest::mouseClick(view().viewport(), Qt::LeftButton, {}, rowLabelPoint(g));
    EXPECT_EQ(view().selectedGoroutine(), g);
    EXPECT_EQ(page.session()->selectedGoroutine(), g);
    const QModelIndex current = page.goroutineTable()->currentIndex();
    ASSERT_TRUE(current.isValid());
    EXPECT_EQ(table().goroutineAt(current.row()), g);
    EXPECT_TRUE(page.goroutineTable()->selectionModel()->isRowSelected(current.row(), {}));

    // Selecting a span selects its goroutine too.
    const GoroutineRow other = rows[0];
    view().selectSpan({other, store->trace->spans.rowRange(other).first});
    EXPECT_EQ(table().goroutineAt(page.goroutineTable()->currentIndex().row()), other);

    // A filter that drops the selected goroutine clears the selection everywhere.
    page.session()->addCondition(ConditionKind::StartFunction, "^no-such-function$");
    ASSERT_TRUE(waitForFilter());
    EXPECT_EQ(page.session()->selectedGoroutine(), kNoRow);
    EXPECT_EQ(view().selectedGoroutine(), kNoRow);
    EXPECT_EQ(table().rowCount(), 0);
}

TEST_F(TracePageTest, HistogramBinsSumToTheSpanDurationsOfTheFilteredSet)
{
    page.tabs()->setCurrentWidget(page.histogram());
    SpanDurationHistogram& hist = *page.histogram();
    auto settled = [&] { return QTest::qWaitFor([&] { return !hist.isComputing(); }, kWaitMs); };
    auto check = [&](SpanState state) -> size_t {
        hist.setState(state);
        EXPECT_TRUE(settled());
        const size_t spans = spanDurations(*store->trace, *page.session()->result(), state).size();
        EXPECT_EQ(hist.histogram().total, spans) << spanStateName(state);
        EXPECT_EQ(std::accumulate(hist.histogram().counts.begin(), hist.histogram().counts.end(), uint64_t(0)), spans);
        return spans;
    };
    const size_t allWaiting = check(SpanState::Waiting);
    EXPECT_GT(allWaiting, 0u);
    EXPECT_GT(check(SpanState::Running), 0u);

    page.session()->addCondition(ConditionKind::EverState, "waiting");
    page.session()->addCondition(ConditionKind::MinDuration, "1ms");
    ASSERT_TRUE(waitForFilter());
    ASSERT_FALSE(page.session()->result()->matchedSpans.empty());
    const size_t longWaits = check(SpanState::Waiting);
    EXPECT_GT(longWaits, 0u);
    EXPECT_LT(longWaits, allWaiting);
    EXPECT_GE(hist.histogram().minNs, 1'000'000) << "only the spans that matched are counted";
    EXPECT_TRUE(hist.summary().contains(QStringLiteral("median")));
}

// A wait reason narrows the histogram; the median, p90 and p99 are drawn where they fall; dragging
// over bins filters the page to the goroutines of those spans.
TEST_F(TracePageTest, HistogramReasonPercentilesAndBinSelection)
{
    page.tabs()->setCurrentWidget(page.histogram());
    SpanDurationHistogram& hist = *page.histogram();
    auto settled = [&] { return QTest::qWaitFor([&] { return !hist.isComputing(); }, kWaitMs); };
    hist.setState(SpanState::Waiting);
    ASSERT_TRUE(settled());
    const uint64_t allWaits = hist.histogram().total;
    const QString reason = QStringLiteral("chan receive");
    ASSERT_GE(hist.reasonBox()->findText(reason), 0) << "the trace's wait reasons are offered";
    hist.setReason(reason);
    ASSERT_TRUE(settled());
    const TraceData& t = *store->trace;
    auto isReason = [&](uint32_t k) { return store->symbols.strings.get(t.spans.reasonOf(k)) == reason.toStdString(); };
    uint64_t receives = 0;
    for (uint32_t k = 0; k < t.spans.size(); ++k)
        receives += t.spans.stateOf(k) == SpanState::Waiting && isReason(k);
    EXPECT_EQ(hist.histogram().total, receives);
    ASSERT_GT(receives, 0u);
    EXPECT_LT(receives, allWaits);
    EXPECT_TRUE(hist.summary().contains(reason));

    // The percentile lines, named, at their durations on the log axis.
    const DurationHistogram h = hist.histogram();
    std::map<QString, double> marks;
    for (int i = 0; i < hist.plot()->itemCount(); ++i) {
        if (auto* text = qobject_cast<QCPItemText*>(hist.plot()->item(i)))
            marks[text->text().section(QLatin1Char(' '), 0, 0)] = text->position->key();
    }
    ASSERT_EQ(marks.size(), 3u);
    EXPECT_DOUBLE_EQ(marks[QStringLiteral("median")], std::log10(double(h.medianNs)));
    EXPECT_DOUBLE_EQ(marks[QStringLiteral("p90")], std::log10(double(h.p90Ns)));
    EXPECT_DOUBLE_EQ(marks[QStringLiteral("p99")], std::log10(double(h.p99Ns)));

    // Drag from the fullest bin over the next.
    const size_t first = size_t(std::max_element(h.counts.begin(), h.counts.end()) - h.counts.begin());
    const size_t last = std::min(first + 1, h.counts.size() - 1);
    QCustomPlot* plot = hist.plot();
    plot->replot();
    auto binPoint = [&](size_t i) {
        const double key = (double(h.firstBin) + double(i) + 0.5) / DurationHistogram::kBinsPerDecade;
        return QPoint(int(plot->xAxis->coordToPixel(key)), plot->axisRect()->center().y());
    };
    QTest::mousePress(plot, Qt::LeftButton, {}, binPoint(first));
    QTest::mouseMove(plot, binPoint(last));
    QTest::mouseRelease(plot, Qt::LeftButton, {}, binPoint(last));
    ASSERT_TRUE(waitForFilter());
    const TimeNs lo = h.lowerNs(first), hi = h.upperNs(last) - 1;
    std::vector<uint8_t> expected(t.goroutines.size(), 0);
    uint64_t selectedSpans = 0;
    for (GoroutineRow r = 0; r < t.goroutines.size(); ++r) {
        const auto [begin, end] = t.spans.rowRange(r);
        for (uint32_t k = begin; k < end; ++k) {
            const TimeNs d = t.spans.durationOf(k);
            if (t.spans.stateOf(k) == SpanState::Waiting && isReason(k) && d >= lo && d <= hi) {
                expected[r] = 1;
                ++selectedSpans;
            }
        }
    }
    EXPECT_EQ(page.session()->result()->keep, expected);
    EXPECT_LT(page.session()->result()->kept, t.goroutines.size()) << "the selection must narrow the goroutines";
    EXPECT_EQ(timelineGoroutines().size(), page.session()->result()->kept);
    ASSERT_TRUE(settled());
    uint64_t inBins = 0;
    for (size_t i = first; i <= last; ++i)
        inBins += h.counts[i];
    EXPECT_EQ(selectedSpans, inBins);
    EXPECT_EQ(hist.histogram().total, inBins) << "the histogram now counts the selected spans";
}

TEST_F(TracePageTest, TimelineMenuAndSelectedRangeBuildFilters)
{
    // A waiting span with a reason on a goroutine row, wide enough to hit.
    const TraceData& t = *store->trace;
    const QRect area = view().viewport()->rect();
    const TimelineScene scene = view().scene();
    QPoint at;
    std::string reason;
    for (size_t i = 0; i < view().layout().rowCount() && reason.empty(); ++i) {
        const LayoutRow& row = view().layout().row(i);
        const int y = scene.rowTop(area, i) + TimelineLayout::kStateBarHeight / 2;
        if (row.kind != RowKind::Goroutine || y >= area.bottom())
            continue;
        const auto [begin, end] = t.spans.rowRange(row.index);
        for (uint32_t k = begin; k < end; ++k) {
            const auto [x0, x1] = scene.xRange(area, t.spans.startOf(k), t.spans.endOf(k));
            if (t.spans.stateOf(k) == SpanState::Waiting && t.spans.reasonOf(k) != 0 && x1 - x0 >= 12) {
                at = {(x0 + x1) / 2, y};
                reason = std::string(store->symbols.strings.get(t.spans.reasonOf(k)));
                break;
            }
        }
    }
    ASSERT_FALSE(reason.empty());
    QMenu menu;
    page.fillTimelineMenu(&menu, at);
    QAction* byReason = nullptr;
    for (QAction* a : menu.actions()) {
        if (a->text().contains(QString::fromStdString(reason)))
            byReason = a;
    }
    ASSERT_TRUE(byReason) << "no menu entry for " << reason;
    byReason->trigger();
    ASSERT_EQ(page.session()->conditions().size(), 1u);
    EXPECT_EQ(page.session()->conditions()[0], (GoroutineCondition{ConditionKind::Reason, {reason}}));

    EXPECT_FALSE(page.filterToRangeAction()->isEnabled());
    const TimeNs a = t.startNs + (t.endNs - t.startNs) / 3, b = t.startNs + (t.endNs - t.startNs) / 2;
    view().setSelectedRange(a, b);
    ASSERT_TRUE(page.filterToRangeAction()->isEnabled());
    page.filterToRangeAction()->trigger();
    ASSERT_TRUE(waitForFilter());
    const GoroutineFilter f = toGoroutineFilter(page.session()->conditions(), t.startNs);
    EXPECT_EQ(f.fromNs, a);
    EXPECT_EQ(f.toNs, b);
    EXPECT_EQ(page.session()->result()->keep, expectedResult().keep);
}

TEST_F(TracePageTest, CtrlFFocusesTheFilterEntry)
{
    page.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&page));
    view().setFocus();
    QTest::keyClick(&view(), Qt::Key_F, Qt::ControlModifier);
    auto* value = page.filterBar()->findChild<QComboBox*>(QStringLiteral("conditionValue"));
    EXPECT_TRUE(value->lineEdit()->hasFocus() || value->hasFocus());
}

// GOROSCOPE_TIMELINE_SHOTS names a folder.
TEST_F(TracePageTest, WritesAScreenshotOfAFilteredTraceOnRequest)
{
    const QString dir = qEnvironmentVariable("GOROSCOPE_TIMELINE_SHOTS");
    if (dir.isEmpty())
        GTEST_SKIP() << "set GOROSCOPE_TIMELINE_SHOTS to a folder to write the screenshots";
    page.session()->addCondition(ConditionKind::EverState, "waiting");
    page.session()->addCondition(ConditionKind::MinDuration, "500us");
    page.session()->addCondition(ConditionKind::StartFunction, "^main\\.");
    ASSERT_TRUE(waitForFilter());
    ASSERT_GT(table().rowCount(), 1);
    page.session()->setSelectedGoroutine(table().goroutineAt(1));
    QApplication::processEvents();
    EXPECT_TRUE(page.grab().save(QDir(dir).filePath(QStringLiteral("trace-filtered.png"))));
    page.tabs()->setCurrentWidget(page.histogram());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !page.histogram()->isComputing(); }, kWaitMs));
    QApplication::processEvents();
    EXPECT_TRUE(page.grab().save(QDir(dir).filePath(QStringLiteral("trace-filtered-histogram.png"))));
}

} // namespace
} // namespace gs::ui
