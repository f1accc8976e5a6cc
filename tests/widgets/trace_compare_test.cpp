// SPDX-License-Identifier: MIT
// Two traces of the same program compared in the GUI: the trace page's Compare tab shows what
// diffTraces (and so `goroscope-cli diff`) computes, and the main window's Compare with Base /
// Stop Comparing flow adds and removes it. The sched scenario traced by Go 1.26 (the base) and
// Go 1.27 (tests/data/trace/README.md) are two runs of one program.
#include "app/gui/main_window.h"
#include "core/analysis/trace_diff.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/common/compared_table_model.h"
#include "widgets/goroutines/goroutine_table.h"
#include "widgets/profile/profile_session.h"
#include "widgets/trace/trace_compare_tab.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

namespace gs::ui {
namespace {

constexpr int kTimeoutMs = 20000;
constexpr const char* kBase = "trace/go126_sched.trace";
constexpr const char* kCurrent = "trace/go127_sched.trace";

using Side = ComparedTableModel::Side;

std::optional<int64_t> shownValue(const ComparedTableModel& model, int row, int measure, Side side)
{
    const QVariant v = model.index(row, ComparedTableModel::column(measure, side)).data(ComparedTableModel::kValueRole);
    return v.isValid() ? std::optional<int64_t>(v.toLongLong()) : std::nullopt;
}

// Checks that `model` shows `entries` row by row: names, badges, and for every measure (taken
// from the diff's own values by `measures`) before, after and difference.
template<typename Times>
void expectRows(const ComparedTableModel& model, const std::vector<SideBySide<Times>>& entries,
                const std::vector<std::function<int64_t(const Times&)>>& measures)
{
    ASSERT_EQ(model.rowCount(), int(entries.size()));
    for (int row = 0; row < model.rowCount(); ++row) {
        const SideBySide<Times>& e = entries[size_t(row)];
        SCOPED_TRACE(e.name);
        EXPECT_EQ(model.rowAt(row)->name, e.name);
        EXPECT_EQ(model.index(row, ComparedTableModel::kNameColumn).data(Qt::DecorationRole).isValid(),
                  e.isNew() || e.isGone());
        for (int m = 0; m < int(measures.size()); ++m) {
            const auto& of = measures[size_t(m)];
            EXPECT_EQ(shownValue(model, row, m, Side::Before), e.before ? std::optional<int64_t>(of(*e.before)) : std::nullopt);
            EXPECT_EQ(shownValue(model, row, m, Side::After), e.after ? std::optional<int64_t>(of(*e.after)) : std::nullopt);
            EXPECT_EQ(shownValue(model, row, m, Side::Difference), of(e.difference));
        }
    }
}

const std::vector<std::function<int64_t(const GoroutineGroupTimes&)>> kFunctionMeasures = {
    [](const GoroutineGroupTimes& t) { return t.totalNs; },
    [](const GoroutineGroupTimes& t) { return t.goroutines; },
    [](const GoroutineGroupTimes& t) { return t.execNs; },
    [](const GoroutineGroupTimes& t) { return t.schedWaitNs; },
    [](const GoroutineGroupTimes& t) { return t.syscallNs + t.syscallBlockNs; },
    [](const GoroutineGroupTimes& t) {
        int64_t sum = 0;
        for (const auto& [reason, ns] : t.blockNsByReason)
            sum += ns;
        return sum;
    },
};
const std::vector<std::function<int64_t(const RegionLatency&)>> kRegionMeasures = {
    [](const RegionLatency& l) { return l.count; }, [](const RegionLatency& l) { return l.p50Ns; },
    [](const RegionLatency& l) { return l.p90Ns; }, [](const RegionLatency& l) { return l.p99Ns; },
    [](const RegionLatency& l) { return l.maxNs; },
};

class TraceCompareTabTest : public ::testing::Test
{
protected:
    void compare(const char* base, const char* current)
    {
        m_base = test::loadFixture(base);
        m_current = test::loadFixture(current);
        ASSERT_TRUE(m_base && m_current);
        tab.resize(1400, 420);
        tab.show();
        QSignalSpy changed(&tab, &TraceCompareTab::diffChanged);
        tab.compare(m_base, m_current);
        EXPECT_FALSE(tab.diff()); // computed off the GUI thread
        ASSERT_TRUE(changed.wait(kTimeoutMs));
        ASSERT_TRUE(tab.diff());
    }

    StorePtr m_base;
    StorePtr m_current;
    TraceCompareTab tab;
};

TEST_F(TraceCompareTabTest, ShowsTheNumbersOfTheCoreDiffInItsOrder)
{
    compare(kBase, kCurrent);
    QAbstractItemModelTester functionTester(tab.startFunctionModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
    QAbstractItemModelTester regionTester(tab.regionTypeModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
    const TraceDiff expected = diffTraces(*m_base, *m_current);
    ASSERT_FALSE(expected.startFunctions.empty());
    ASSERT_FALSE(expected.regionTypes.empty()); // the sched scenario has regions
    expectRows(*tab.startFunctionModel(), expected.startFunctions, kFunctionMeasures);
    expectRows(*tab.regionTypeModel(), expected.regionTypes, kRegionMeasures);

    // Durations for people, the change signed and coloured: red slower, blue faster.
    const ComparedTableModel& functions = *tab.startFunctionModel();
    const StartFunctionDiff& top = expected.startFunctions.front();
    ASSERT_NE(top.difference.totalNs, 0);
    const QModelIndex change = functions.index(0, ComparedTableModel::column(0, Side::Difference));
    const QString text = change.data().toString();
    EXPECT_TRUE(text.startsWith(top.difference.totalNs > 0 ? QLatin1Char('+') : QLatin1Char('-'))) << text.toStdString();
    EXPECT_TRUE(text.endsWith(QStringLiteral("s"))) << text.toStdString();
    EXPECT_TRUE(change.data(Qt::ForegroundRole).isValid());
    EXPECT_TRUE(change.data(Qt::ToolTipRole).toString().contains(QStringLiteral(" ns)")));
    EXPECT_EQ(functions.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Total\nbefore"));

    const QString header = tab.header()->text();
    EXPECT_TRUE(header.contains(QStringLiteral("go127_sched.trace"))) << header.toStdString();
    EXPECT_TRUE(header.contains(QStringLiteral("go126_sched.trace"))) << header.toStdString();
    EXPECT_TRUE(tab.startFunctionTable()->isVisible());
    QTest::qWait(20); // the section buttons' new texts laid out
    test::saveRender(tab, "trace-compare-functions");
    tab.showStartFunctions(false);
    EXPECT_TRUE(tab.regionTypeTable()->isVisible());
    test::saveRender(tab, "trace-compare-regions");
}

TEST_F(TraceCompareTabTest, ATraceAgainstItselfIsAllUnchanged)
{
    compare(kCurrent, kCurrent);
    const ComparedTableModel& functions = *tab.startFunctionModel();
    ASSERT_GT(functions.rowCount(), 0);
    for (int row = 0; row < functions.rowCount(); ++row) {
        EXPECT_TRUE(functions.rowAt(row)->unchanged);
        EXPECT_EQ(shownValue(functions, row, 0, Side::Difference), 0);
        EXPECT_EQ(functions.index(row, ComparedTableModel::column(0, Side::Difference)).data().toString(), QStringLiteral("0"));
        EXPECT_FALSE(functions.index(row, ComparedTableModel::kNameColumn).data(Qt::DecorationRole).isValid());
    }
    EXPECT_TRUE(tab.header()->text().contains(QStringLiteral("start functions: 0 of"))) << tab.header()->text().toStdString();
}

} // namespace
} // namespace gs::ui

namespace gs::app {
namespace {

void openTrace(MainWindow& window, const char* relative)
{
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    window.openFile(test::fixturePath(relative));
    ASSERT_TRUE(finished.wait(ui::kTimeoutMs)) << "could not load " << relative;
}

// The message of the failed base load of `relative`.
QString failedBase(MainWindow& window, const char* relative)
{
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openBaseFile(test::fixturePath(relative));
    const QString message = failed.wait(ui::kTimeoutMs) ? failed.first().first().toString() : QString();
    test::takeErrorDialog(window);
    return message;
}

// Opens the current trace and compares it with the base; the Compare tab once its diff is done.
ui::TraceCompareTab* openWithBase(MainWindow& window)
{
    openTrace(window, ui::kCurrent);
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    window.openBaseFile(test::fixturePath(ui::kBase));
    EXPECT_TRUE(finished.wait(ui::kTimeoutMs));
    ui::TraceCompareTab* tab = window.tracePage()->compareTab();
    if (tab && !tab->diff()) {
        QSignalSpy changed(tab, &ui::TraceCompareTab::diffChanged);
        EXPECT_TRUE(changed.wait(ui::kTimeoutMs));
    }
    return tab;
}

QAction* menuAction(MainWindow& window, const QString& text)
{
    for (QAction* a : window.menuBar()->findChildren<QAction*>()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

TEST(TraceCompareWindow, CompareWithBaseAddsTheCompareTabAndStopComparingRemovesIt)
{
    MainWindow window;
    window.resize(1500, 950);
    window.show();
    openTrace(window, ui::kCurrent);
    // What is checked is the page's own layout; the findings dock under it takes its height from
    // the window, not from the page.
    window.findingsDock()->hide();
    ui::TracePage& page = *window.tracePage();
    QAction* compareAction = menuAction(window, MainWindow::tr("&Compare with Base\u2026"));
    QAction* stopAction = menuAction(window, MainWindow::tr("Stop Comparing"));
    ASSERT_TRUE(compareAction && stopAction);
    EXPECT_TRUE(compareAction->isEnabled());
    EXPECT_FALSE(stopAction->isEnabled());
    const int tabs = page.tabs()->count();

    QSignalSpy finished(&window, &MainWindow::loadFinished);
    window.openBaseFile(test::fixturePath(ui::kBase));
    ASSERT_TRUE(finished.wait(ui::kTimeoutMs));
    ui::TraceCompareTab* tab = page.compareTab();
    ASSERT_TRUE(tab);
    EXPECT_EQ(page.tabs()->count(), tabs + 1);
    EXPECT_EQ(page.tabs()->indexOf(tab), tabs); // last
    EXPECT_EQ(page.tabs()->currentWidget(), tab);
    EXPECT_GE(page.tabs()->height(), page.height() / 3); // room for the comparison
    EXPECT_TRUE(stopAction->isEnabled());
    ASSERT_TRUE(page.base());
    EXPECT_EQ(page.store()->sourcePath, test::fixturePath(ui::kCurrent).toStdString());
    EXPECT_EQ(page.base()->sourcePath, test::fixturePath(ui::kBase).toStdString());
    if (!tab->diff()) {
        QSignalSpy changed(tab, &ui::TraceCompareTab::diffChanged);
        ASSERT_TRUE(changed.wait(ui::kTimeoutMs));
    }
    const TraceDiff expected = diffTraces(*page.base(), *page.store());
    ui::expectRows(*tab->startFunctionModel(), expected.startFunctions, ui::kFunctionMeasures);
    ui::expectRows(*tab->regionTypeModel(), expected.regionTypes, ui::kRegionMeasures);
    QTest::qWait(50);
    test::saveRender(window, "trace-compare-window");

    stopAction->trigger();
    EXPECT_FALSE(page.compareTab());
    EXPECT_FALSE(page.base());
    EXPECT_EQ(page.tabs()->count(), tabs);
    EXPECT_FALSE(stopAction->isEnabled());
}

TEST(TraceCompareWindow, AFailedBaseLoadLeavesThePageAsItWas)
{
    MainWindow window;
    openTrace(window, ui::kCurrent);
    ui::TracePage& page = *window.tracePage();
    const StorePtr trace = page.store();
    const int tabs = page.tabs()->count();

    EXPECT_FALSE(failedBase(window, "trace/no_such_file.trace").isEmpty());
    EXPECT_EQ(page.store(), trace);
    EXPECT_FALSE(page.compareTab());
    EXPECT_EQ(page.tabs()->count(), tabs);
    EXPECT_EQ(window.currentPage(), &page);

    // With a comparison shown, a failed load of another base keeps it.
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    window.openBaseFile(test::fixturePath(ui::kBase));
    ASSERT_TRUE(finished.wait(ui::kTimeoutMs));
    const StorePtr base = page.base();
    ASSERT_TRUE(base);
    EXPECT_FALSE(failedBase(window, "trace/no_such_file.trace").isEmpty());
    EXPECT_EQ(page.base(), base);
    EXPECT_EQ(page.store(), trace);
    EXPECT_EQ(page.tabs()->count(), tabs + 1);
}

TEST(TraceCompareWindow, OnlyATraceIsTheBaseOfATrace)
{
    MainWindow window;
    openTrace(window, ui::kCurrent);
    const QString profile = failedBase(window, "pprof/cpu.pb.gz");
    EXPECT_TRUE(profile.contains(QStringLiteral("is not an execution trace"))) << profile.toStdString();
    EXPECT_FALSE(profile.contains(QLatin1Char('\n')));
    const QString dump = failedBase(window, "dumps/leak_before.txt");
    EXPECT_TRUE(dump.contains(QStringLiteral("is not an execution trace"))) << dump.toStdString();
    EXPECT_FALSE(window.tracePage()->base());
    EXPECT_FALSE(window.tracePage()->compareTab());

    // And the other way round: a trace is no base for a profile.
    openTrace(window, "pprof/cpu.pb.gz");
    const QString trace = failedBase(window, ui::kBase);
    EXPECT_TRUE(trace.contains(QStringLiteral("is an execution trace"))) << trace.toStdString();
    EXPECT_FALSE(window.session()->base());
}

TEST(TraceCompareWindow, AStartFunctionRowFiltersTheGoroutinesToIt)
{
    MainWindow window;
    ui::TraceCompareTab* tab = openWithBase(window);
    ASSERT_TRUE(tab && tab->diff());
    ui::TracePage& page = *window.tracePage();
    // The first row with a named start function in the open trace.
    const ui::ComparedTableModel& model = *tab->startFunctionModel();
    int row = 0;
    while (row < model.rowCount() && (model.rowAt(row)->isGone || model.rowAt(row)->name.empty()))
        ++row;
    ASSERT_LT(row, model.rowCount());
    const ui::ComparedRow& entry = *model.rowAt(row);
    ASSERT_TRUE(tab->activateStartFunction(row));
    EXPECT_EQ(page.tabs()->currentWidget(), static_cast<QWidget*>(page.goroutineTable()));
    ASSERT_EQ(page.session()->conditions().size(), 1u);
    EXPECT_EQ(page.session()->conditions().front().kind, ui::ConditionKind::StartFunction);
    // The filter keeps exactly the goroutines the comparison counted for that function.
    ASSERT_TRUE(QTest::qWaitFor([&] { return page.session()->result() && !page.session()->isFiltering(); }, ui::kTimeoutMs));
    EXPECT_EQ(int64_t(page.session()->result()->kept), entry.after[1]);
}

TEST(TraceCompareWindow, OpeningAnotherTraceEndsTheComparison)
{
    MainWindow window;
    ASSERT_TRUE(openWithBase(window));
    ASSERT_TRUE(window.tracePage()->base());
    openTrace(window, "trace/go125_sched.trace");
    EXPECT_FALSE(window.tracePage()->base());
    EXPECT_FALSE(window.tracePage()->compareTab());
}

} // namespace
} // namespace gs::app
