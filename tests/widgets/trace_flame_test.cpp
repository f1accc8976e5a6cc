// SPDX-License-Identifier: MIT
// The trace page's flame graph tab on real traces: profiles derived from the trace equal
// deriveTraceProfile, selecting a frame lists its contributors (frameContributors) and the
// timeline shows and highlights them, a contributor leads to its timeline row zoomed to its
// stretches, a span's stack frame leads to its function in the flame graph, and a pprof profile
// opened beside the trace links its frames to goroutines (goroutinesRunning).
#include "core/analysis/goroutine_links.h"
#include "core/analysis/trace_profiles.h"
#include "core/load/load_file.h"
#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/flamegraph/flame_paths.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"
#include "widgets/timeline/span_details_panel.h"
#include "widgets/timeline/state_palette.h"
#include "widgets/timeline/timeline_pane.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/contributors_model.h"
#include "widgets/trace/contributors_panel.h"
#include "widgets/trace/trace_flame_tab.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QListWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <algorithm>

namespace gs::ui {
namespace {

constexpr int kWaitMs = 20'000;
const std::string kWorker = "main.schedScenario.func1"; // the sched scenario's eight workers

StorePtr load(const std::string& relative)
{
    LoadContext ctx;
    auto loaded = loadFile(std::string(GOROSCOPE_TEST_DATA_DIR) + "/" + relative, ctx);
    EXPECT_TRUE(loaded.ok()) << relative << ": " << loaded.error().message;
    return loaded.ok() ? *loaded : nullptr;
}

// The total of a pprof-like store's default sample type.
int64_t defaultTotal(const EventStore& store)
{
    const Profile& p = *store.profile;
    int64_t total = 0;
    for (size_t i = 0; i < p.sampleCount(); ++i)
        total += p.value(i, p.defaultSampleType);
    return total;
}

void expectSameContributions(const std::vector<FrameContribution>& actual, const std::vector<FrameContribution>& expected)
{
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t i = 0; i < actual.size(); ++i) {
        EXPECT_EQ(actual[i].row, expected[i].row) << "entry " << i;
        EXPECT_EQ(actual[i].value, expected[i].value) << "entry " << i;
        EXPECT_EQ(actual[i].count, expected[i].count) << "entry " << i;
        EXPECT_EQ(actual[i].stretches, expected[i].stretches) << "entry " << i;
    }
}

class TraceFlameTest : public ::testing::Test
{
protected:
    void open(const std::string& trace)
    {
        store = load(trace);
        ASSERT_TRUE(store);
        page.resize(1400, 900);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
        page.setStore(store);
        ASSERT_TRUE(QTest::qWaitFor([this] { return !session().isFiltering() && session().result(); }, kWaitMs));
        page.tabs()->setCurrentWidget(&tab());
        ASSERT_TRUE(waitIdle());
    }

    bool waitIdle()
    {
        return QTest::qWaitFor([this] { return !tab().isBusy(); }, kWaitMs);
    }

    TraceSession& session() const { return *page.session(); }
    TraceFlameTab& tab() const { return *page.flameTab(); }
    TimelineView& view() const { return *page.timeline(); }
    FlameGraphView& flame() const { return *tab().profilePage()->flameView(); }
    ContributorsModel& contributors() const { return *tab().contributorsPanel()->model(); }

    std::vector<GoroutineRow> sortedRows(const std::vector<FrameContribution>& list) const
    {
        std::vector<GoroutineRow> rows;
        for (const FrameContribution& c : list)
            rows.push_back(c.row);
        std::sort(rows.begin(), rows.end());
        return rows;
    }

    // Pixels of the contributor colour in the state bar of a goroutine's row (and, separately, in
    // its label gutter) of the rendered timeline.
    std::pair<int, int> highlightPixels(GoroutineRow row) const
    {
        const QImage image = view().renderImage(view().viewport()->size());
        const size_t pos = view().layout().positionOf(row);
        EXPECT_LT(pos, view().layout().rowCount());
        const int top = view().sceneFor(image.size()).rowTop(image.rect(), pos);
        const QRgb colour = StatePalette::standard().contributor.rgb();
        int bar = 0, label = 0;
        for (int y = std::max(0, top); y < std::min(image.height(), top + TimelineLayout::kStateBarHeight); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (image.pixel(x, y) == colour)
                    ++(x < view().labelWidth() ? label : bar);
            }
        }
        return {bar, label};
    }

    StorePtr store;
    TracePage page;
};

TEST_F(TraceFlameTest, TheTabShowsTheDerivedProfileOfTheChosenKind)
{
    open("trace/go126_sched.trace");
    EXPECT_EQ(tab().kind(), TraceProfileKind::Sync) << "a trace without CPU samples opens on its blocking profile";
    for (TraceProfileKind kind : {TraceProfileKind::Sync, TraceProfileKind::Sched, TraceProfileKind::Syscall}) {
        tab().showKind(kind);
        ASSERT_TRUE(waitIdle());
        const auto expected = deriveTraceProfile(*store, kind);
        const auto& result = tab().profileSession()->result();
        ASSERT_TRUE(result) << traceProfileName(kind);
        EXPECT_EQ(result->total, defaultTotal(*expected)) << traceProfileName(kind);
        EXPECT_EQ(flame().data().tree->node(0).total, defaultTotal(*expected)) << traceProfileName(kind);
    }
    EXPECT_EQ(tab().scopeText(), QStringLiteral("All %1 goroutines").arg(store->trace->goroutines.size()));

    tab().showKind(TraceProfileKind::Cpu);
    ASSERT_TRUE(waitIdle());
    EXPECT_TRUE(tab().emptyText().contains(QStringLiteral("no CPU samples"))) << tab().emptyText().toStdString();
}

TEST_F(TraceFlameTest, SelectingAFrameListsItsContributorsAndTheTimelineHighlightsThem)
{
    open("trace/go126_sched.trace");
    QAbstractItemModelTester tester(&contributors(), QAbstractItemModelTester::FailureReportingMode::Warning);
    const std::vector<std::string> path = {kWorker};
    tab().selectFrame(path);
    ASSERT_TRUE(waitIdle());

    const auto expected = frameContributors(*store, TraceProfileKind::Sync, path, FlameDirection::TopDown);
    ASSERT_GT(expected.size(), 1u) << "the workers all block on channels";
    ASSERT_EQ(contributors().rowCount(), int(expected.size()));
    for (int i = 0; i < contributors().rowCount(); ++i)
        EXPECT_EQ(contributors().goroutineAt(i), expected[size_t(i)].row);
    EXPECT_TRUE(contributors().index(0, ContributorsModel::Share).data().toString().endsWith(QLatin1Char('%')));
    EXPECT_TRUE(tab().contributorsPanel()->title().contains(QStringLiteral("schedScenario.func1")));

    ASSERT_TRUE(session().contributors());
    expectSameContributions(*session().contributors(), expected);
    EXPECT_EQ(session().selectedFunction(), kWorker);
    EXPECT_EQ(tab().profileSession()->selectedFunction(), kWorker);
    EXPECT_EQ(view().highlightedRows(), sortedRows(expected));

    // Shown and highlighted on the whole-trace view: the stretches in the row, a marker in its label.
    const GoroutineRow first = expected.front().row;
    view().selectGoroutine(first); // reveals the row
    const auto [bar, label] = highlightPixels(first);
    EXPECT_GT(bar, 0) << "the contributor's stretches are outlined on its row";
    EXPECT_GT(label, 0) << "the contributor's row label is marked";
    for (GoroutineRow row = 0; row < store->trace->goroutines.size(); ++row) {
        const bool contributes = std::any_of(expected.begin(), expected.end(),
                                             [row](const FrameContribution& c) { return c.row == row; });
        if (contributes || view().layout().positionOf(row) >= view().layout().rowCount())
            continue;
        view().selectGoroutine(row);
        EXPECT_EQ(highlightPixels(row), std::make_pair(0, 0)) << "goroutine row " << row << " did not contribute";
        break;
    }

    // Back to the root frame: nothing is highlighted any more.
    flame().resetZoom();
    ASSERT_TRUE(waitIdle());
    EXPECT_FALSE(session().contributors());
    EXPECT_TRUE(view().highlightedRows().empty());
}

TEST_F(TraceFlameTest, ClickingAContributorSelectsItAndZoomsTheTimelineToItsStretches)
{
    open("trace/go126_sched.trace");
    page.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&page));
    tab().selectFrame({kWorker, "runtime.chanrecv2"});
    ASSERT_TRUE(waitIdle());
    const auto expected =
        frameContributors(*store, TraceProfileKind::Sync, std::vector<std::string>{kWorker, "runtime.chanrecv2"},
                          FlameDirection::TopDown);
    ASSERT_GE(expected.size(), 2u);
    const FrameContribution& second = expected[1];

    QTableView* table = tab().contributorsPanel()->table();
    const QRect cell = table->visualRect(contributors().index(1, ContributorsModel::Id));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());

    EXPECT_EQ(session().selectedGoroutine(), second.row);
    EXPECT_EQ(view().selectedGoroutine(), second.row);
    EXPECT_TRUE(view().hasFocus()) << "the timeline takes the keyboard";
    const TimeWindow& w = view().window();
    EXPECT_LE(w.startNs, second.stretches.front().first);
    EXPECT_GE(w.endNs, second.stretches.back().second);
    // The span of the first stretch is selected (the details panel shows it) and wholly in view.
    ASSERT_TRUE(view().selectedSpan().has_value());
    EXPECT_EQ(view().selectedSpan()->row, second.row);
    const SpanTable& spans = store->trace->spans;
    const uint32_t span = view().selectedSpan()->span;
    EXPECT_LE(spans.startOf(span), second.stretches.front().first);
    EXPECT_GE(spans.endOf(span), second.stretches.front().first);
    EXPECT_LE(w.startNs, spans.startOf(span));
    EXPECT_GE(w.endNs, spans.endOf(span));
    EXPECT_EQ(session().selectedSpan(), view().selectedSpan());
    const TimeNs extent = std::max(second.stretches.back().second, spans.endOf(span))
        - std::min(second.stretches.front().first, spans.startOf(span));
    EXPECT_LE(w.durationNs(), std::max(extent * 13 / 10, kReadableNs) + 2) << "zoomed to the stretches, not the trace";
    // The row is in view and its stretches are highlighted at this zoom.
    const size_t pos = view().layout().positionOf(second.row);
    const int top = view().scene().rowTop(view().viewport()->rect(), pos);
    EXPECT_GE(top, TimelineScene::kHeaderHeight);
    EXPECT_LT(top, view().viewport()->height());
    EXPECT_GT(highlightPixels(second.row).first, 0);
}

TEST_F(TraceFlameTest, CpuSamplesFeedTheOnCpuFlameGraphAndItsContributors)
{
    open("trace/go126_cpuprof.trace");
    EXPECT_EQ(tab().kind(), TraceProfileKind::Cpu);
    const auto derived = deriveTraceProfile(*store, TraceProfileKind::Cpu);
    ASSERT_GT(defaultTotal(*derived), 0);
    EXPECT_EQ(tab().profileSession()->result()->total, defaultTotal(*derived));

    tab().focusFunction("main.spin");
    ASSERT_TRUE(waitIdle());
    ASSERT_NE(flame().zoomRoot(), 0u);
    const std::vector<std::string> path = namePath(*flame().data().tree, *flame().data().symbols, flame().zoomRoot());
    EXPECT_EQ(path.back(), "main.spin");
    const auto expected = frameContributors(*store, TraceProfileKind::Cpu, path, FlameDirection::TopDown);
    ASSERT_FALSE(expected.empty());
    ASSERT_TRUE(session().contributors());
    expectSameContributions(*session().contributors(), expected);
    EXPECT_EQ(contributors().index(0, ContributorsModel::Count).data().toString(),
              QString::number(expected.front().count));

    // Samples are instants: still drawn, as ticks, with the whole trace in view.
    view().fitAll();
    view().selectGoroutine(expected.front().row);
    EXPECT_GT(highlightPixels(expected.front().row).first, 0);
}

TEST_F(TraceFlameTest, TheGoroutineFilterAndTheSelectedGoroutineNarrowTheProfile)
{
    open("trace/go126_sched.trace");
    session().addCondition(ConditionKind::StartFunction, "^main\\.schedScenario\\.func1$");
    ASSERT_TRUE(QTest::qWaitFor([this] { return !session().isFiltering(); }, kWaitMs));
    ASSERT_TRUE(waitIdle());
    const auto keep = session().keepMask();
    ASSERT_TRUE(keep);
    const size_t kept = size_t(std::count(keep->begin(), keep->end(), 1));
    ASSERT_LT(kept, store->trace->goroutines.size());
    EXPECT_EQ(tab().scopeText(),
              QStringLiteral("%1 of %2 goroutines (the goroutine filter)").arg(kept).arg(store->trace->goroutines.size()));
    EXPECT_EQ(tab().profileSession()->result()->total,
              defaultTotal(*deriveTraceProfile(*store, TraceProfileKind::Sync, *keep)));

    // One goroutine's flame graph.
    const GoroutineRow row = GoroutineRow(std::find(keep->begin(), keep->end(), 1) - keep->begin());
    session().setSelectedGoroutine(row);
    tab().selectedOnlyBox()->setChecked(true);
    ASSERT_TRUE(waitIdle());
    std::vector<uint8_t> one(store->trace->goroutines.size(), 0);
    one[row] = 1;
    EXPECT_EQ(tab().scopeText(), QStringLiteral("Goroutine G%1 only").arg(store->trace->goroutines[row].id));
    EXPECT_EQ(tab().profileSession()->result()->total, defaultTotal(*deriveTraceProfile(*store, TraceProfileKind::Sync, one)));
    tab().selectFrame({kWorker});
    ASSERT_TRUE(waitIdle());
    ASSERT_TRUE(session().contributors());
    ASSERT_EQ(session().contributors()->size(), 1u);
    EXPECT_EQ(session().contributors()->front().row, row);
}

TEST_F(TraceFlameTest, ActivatingAStackFrameOfASpanShowsItsFunctionInTheFlameGraph)
{
    open("trace/go126_sched.trace");
    page.tabs()->setCurrentIndex(0);
    // A worker's wait on a channel: its own stack holds the worker function.
    const TraceData& t = *store->trace;
    const Symbols& sym = store->symbols;
    std::optional<SpanRef> span;
    for (GoroutineRow row = 0; row < t.goroutines.size() && !span; ++row) {
        const auto [first, last] = t.spans.rowRange(row);
        for (uint32_t i = first; i < last && !span; ++i) {
            if (t.spans.stateOf(i) != SpanState::Waiting || t.spans.wakerOf(i) != kNoGoroutineId)
                continue;
            for (FrameId f : sym.stacks.frames(t.spans.stackOf(i))) {
                if (sym.functionName(sym.frameFunction(f)) == kWorker)
                    span = SpanRef{row, i};
            }
        }
    }
    ASSERT_TRUE(span);
    view().selectSpan(*span);
    auto* frames = page.pane()->details()->findChild<QListWidget*>();
    ASSERT_TRUE(frames);
    QListWidgetItem* item = nullptr;
    for (int k = 0; k < frames->count() && !item; ++k) {
        if (frames->item(k)->data(Qt::UserRole).toString() == QString::fromStdString(kWorker))
            item = frames->item(k);
    }
    ASSERT_TRUE(item);
    frames->scrollToItem(item);
    // An item view takes a double-click for its press's item: press first, as a real one does.
    const QPoint at = frames->visualItemRect(item).center();
    QTest::mouseClick(frames->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(frames->viewport(), Qt::LeftButton, {}, at);

    EXPECT_EQ(page.tabs()->currentWidget(), &tab());
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(tab().profileSession()->selectedFunction(), kWorker);
    ASSERT_NE(flame().zoomRoot(), 0u);
    const FlameGraphView& f = flame();
    EXPECT_EQ(f.data().symbols->functionName(f.data().tree->node(f.zoomRoot()).function), kWorker);
    EXPECT_EQ(session().selectedFunction(), kWorker);
    EXPECT_TRUE(session().contributors() && !session().contributors()->empty());
}

TEST_F(TraceFlameTest, AFunctionSelectedThroughTheSessionIsShownInTheFlameGraph)
{
    open("trace/go126_sched.trace");
    session().setSelectedFunction("main.garbage"); // as the navigation history restores one
    ASSERT_TRUE(waitIdle());
    const FlameGraphView& f = flame();
    ASSERT_NE(f.zoomRoot(), 0u);
    EXPECT_EQ(f.data().symbols->functionName(f.data().tree->node(f.zoomRoot()).function), "main.garbage");
    EXPECT_EQ(session().selectedFunction(), "main.garbage");
    EXPECT_TRUE(session().contributors() && !session().contributors()->empty());
}

TEST_F(TraceFlameTest, AProfileOpenedBesideTheTraceLinksItsFramesToTheGoroutinesRunningThem)
{
    open("trace/go126_cpuprof.trace");
    const StorePtr profile = load("pprof/cpu.pb.gz");
    ASSERT_TRUE(profile);
    ASSERT_TRUE(page.openBeside(profile, QStringLiteral("somewhere/cpu.pb.gz")));
    EXPECT_EQ(page.tabs()->currentWidget(), &tab());
    EXPECT_FALSE(tab().kind()) << "the linked profile is the source shown";
    EXPECT_EQ(tab().sourceBox()->currentText(), QStringLiteral("cpu.pb.gz (opened beside)"));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(tab().profileSession()->store(), profile);

    tab().focusFunction("main.spin");
    ASSERT_TRUE(waitIdle());
    const std::vector<GoroutineRow> expected = goroutinesRunning(*store, "main.spin");
    ASSERT_FALSE(expected.empty());
    ASSERT_TRUE(session().contributors());
    EXPECT_EQ(sortedRows(*session().contributors()), expected);
    EXPECT_EQ(view().highlightedRows(), expected);
    EXPECT_EQ(contributors().index(0, ContributorsModel::Value).data().toString(),
              QStringLiteral("stack contains function"));
    EXPECT_TRUE(tab().contributorsPanel()->title().contains(QStringLiteral("whose stacks contain")));
    view().selectGoroutine(expected.front()); // reveals the row
    EXPECT_GT(highlightPixels(expected.front()).second, 0) << "linked rows are marked in the label gutter";

    // Back to a profile derived from the trace; a new trace drops the linked one.
    tab().showKind(TraceProfileKind::Cpu);
    ASSERT_TRUE(waitIdle());
    EXPECT_NE(tab().profileSession()->store(), profile);
    page.setStore(store);
    EXPECT_FALSE(tab().hasLinkedProfile());
    EXPECT_EQ(tab().sourceBox()->findText(QStringLiteral("cpu.pb.gz (opened beside)")), -1);
}

// GOROSCOPE_TIMELINE_SHOTS names a folder.
TEST_F(TraceFlameTest, WritesAScreenshotOnRequest)
{
    const QString dir = qEnvironmentVariable("GOROSCOPE_TIMELINE_SHOTS");
    if (dir.isEmpty())
        GTEST_SKIP() << "set GOROSCOPE_TIMELINE_SHOTS to a folder to write the screenshots";
    page.resize(1400, 800);
    open("trace/go126_sched.trace");
    page.resize(1400, 800);
    tab().selectFrame({kWorker});
    ASSERT_TRUE(waitIdle());
    QTableView* table = tab().contributorsPanel()->table();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(contributors().index(0, ContributorsModel::Id)).center());
    QApplication::processEvents();
    EXPECT_TRUE(page.grab().save(QDir(dir).filePath(QStringLiteral("trace-flame.png"))));
}

} // namespace
} // namespace gs::ui
