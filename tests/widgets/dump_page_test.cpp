// SPDX-License-Identifier: MIT
#include "app/gui/main_window.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/dump/crash_banner.h"
#include "widgets/dump/creation_tree_model.h"
#include "widgets/dump/dump_group_details.h"
#include "widgets/dump/dump_group_model.h"
#include "widgets/dump/dump_page.h"
#include "widgets/dump/dump_panel.h"
#include "widgets/plots/gc_plot.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace gs::app {
namespace {

constexpr int kTimeoutMs = 20000;

// Opens `relative` in a shown window of a fixed size (so the pictures are comparable).
void open(MainWindow& window, const char* relative)
{
    window.resize(1400, 900);
    window.show();
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    window.openFile(test::fixturePath(relative));
    ASSERT_TRUE(finished.wait(kTimeoutMs)) << "could not load " << relative;
}

// Changes a combo box and waits for the panel's result of that change.
void choose(ui::DumpPanel& panel, QComboBox* box, int index)
{
    QSignalSpy changed(&panel, &ui::DumpPanel::viewChanged);
    box->setCurrentIndex(index);
    ASSERT_TRUE(changed.wait(kTimeoutMs));
}

TEST(DumpPage, LeakDumpShowsTheLeakAsTheLargestGroup)
{
    MainWindow window;
    open(window, "dumps/leak_after.txt");
    ui::DumpPanel& panel = *window.dumpPage()->panel();
    EXPECT_TRUE(window.dumpPage()->isVisible());
    EXPECT_TRUE(panel.isVisible());
    EXPECT_FALSE(window.gcPage()->isVisible());
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel.view() != nullptr; }, kTimeoutMs));
    QAbstractItemModelTester groupTester(panel.groupModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
    QAbstractItemModelTester treeTester(panel.creationModel(), QAbstractItemModelTester::FailureReportingMode::Warning);

    // tests/data/dumps/README.md: 50 goroutines leaked in main.(*service).awaitReply, of 60.
    const ui::DumpGroupModel& groups = *panel.groupModel();
    ASSERT_GT(groups.rowCount(), 1);
    EXPECT_EQ(groups.index(0, ui::DumpGroupModel::Count).data().toLongLong(), 50);
    EXPECT_EQ(groups.index(0, ui::DumpGroupModel::Function).data().toString(),
              QStringLiteral("main.(*service).awaitReply"));
    EXPECT_EQ(groups.index(0, ui::DumpGroupModel::State).data().toString(), QStringLiteral("chan receive"));
    EXPECT_EQ(groups.index(0, ui::DumpGroupModel::Wait).data().toString(), QStringLiteral("2 minutes"));
    EXPECT_EQ(panel.view()->totalGoroutines, 60);
    const QString details = panel.detailsPane()->toPlainText();
    EXPECT_TRUE(details.startsWith(QStringLiteral("50 goroutines"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("created by main.(*service).handleQuery.func1 in goroutine 13")))
        << details.toStdString();

    // The leaked goroutines all hang under their creator in the creation tree.
    const CreationTree& tree = panel.creationModel()->tree();
    const bool creatorFound = std::any_of(tree.nodes.begin(), tree.nodes.end(),
                                          [](const CreationNode& n) { return n.id == 13 && n.children.size() >= 50; });
    EXPECT_TRUE(creatorFound);
    EXPECT_GT(panel.creationModel()->rowCount(), 0);
    test::saveRender(window, "dump");

    // Grouping by state merges stacks: fewer rows, the leak still first.
    const int identicalRows = groups.rowCount();
    choose(panel, panel.groupingBox(), panel.groupingBox()->findData(int(DumpGrouping::State)));
    EXPECT_LT(groups.rowCount(), identicalRows);
    EXPECT_EQ(groups.index(0, ui::DumpGroupModel::Count).data().toLongLong(), 50);
    choose(panel, panel.groupingBox(), panel.groupingBox()->findData(int(DumpGrouping::IdenticalStack)));
    EXPECT_EQ(groups.rowCount(), identicalRows);

    // A state filter narrows the table and, through the session, the flame graph.
    choose(panel, panel.stateBox(), panel.stateBox()->findData(int(DumpState::Syscall)));
    EXPECT_EQ(panel.view()->goroutines, 1);
    EXPECT_EQ(groups.rowCount(), 1);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return window.session()->result() && window.session()->result()->total == 1; }, kTimeoutMs));
    choose(panel, panel.stateBox(), 0);
    EXPECT_EQ(groups.rowCount(), identicalRows);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return window.session()->result() && window.session()->result()->total == 60; }, kTimeoutMs));
}

// The details of a labelled goroutine show its labels after the bracket, as Go 1.27 prints them,
// whichever form the dump was written in (tests/data/dumps/README.md: the same program under
// Go 1.26 with GODEBUG=tracebacklabels=1 and under Go 1.27).
TEST(DumpPage, GoroutineDetailsShowTracebackLabelsOfBothForms)
{
    for (const auto& [fixture, id] : {std::pair{"dumps/panic_labels_go126.txt", 7}, std::pair{"dumps/panic_labels_go127.txt", 19}}) {
        const StorePtr store = test::loadFixture(fixture);
        ASSERT_TRUE(store && store->dump) << fixture;
        const GoroutineDumpData& dump = *store->dump;
        const auto g = std::find_if(dump.goroutines.begin(), dump.goroutines.end(),
                                    [&](const DumpGoroutine& x) { return x.id == uint64_t(id); });
        ASSERT_NE(g, dump.goroutines.end()) << fixture;
        const QString text = ui::goroutineText(store->symbols, dump, *g);
        EXPECT_TRUE(text.startsWith(QStringLiteral("goroutine %1 [chan receive] {endpoint: /api/v1/items, tenant: acme}:\n").arg(id)))
            << fixture << ": " << text.toStdString();
    }
}

// A crash's headline is nowhere in the goroutines: the page shows it above them, and selects the
// group of the goroutine it happened on (tests/data/dumps/README.md: goroutine 1 in both).
TEST(DumpPage, CrashHeadlineIsShownWithTheCrashedGoroutineSelected)
{
    for (const auto& [fixture, headline] :
         {std::pair{"dumps/panic_all.txt", "panic: dumpgen: boom"},
          std::pair{"dumps/deadlock.txt", "fatal error: all goroutines are asleep - deadlock!"}}) {
        MainWindow window;
        open(window, fixture);
        const ui::CrashBanner& banner = *window.dumpPage()->crashBanner();
        EXPECT_TRUE(banner.isVisible()) << fixture;
        EXPECT_EQ(banner.text(), QStringLiteral("%1\nin goroutine 1 (selected below)").arg(QString::fromUtf8(headline)))
            << fixture;
        ui::DumpPanel& panel = *window.dumpPage()->panel();
        ASSERT_TRUE(QTest::qWaitFor([&] { return panel.view() != nullptr; }, kTimeoutMs));
        const DumpGroup* selected = panel.groupModel()->groupAt(panel.groupTable()->currentIndex().row());
        ASSERT_TRUE(selected) << fixture;
        const ui::DumpView& view = *panel.view();
        const bool holdsTheCrash = std::any_of(selected->entries.begin(), selected->entries.end(), [&](uint32_t e) {
            return window.store()->dump->goroutines[view.entries[e].index].id == 1;
        });
        EXPECT_TRUE(holdsTheCrash) << fixture << ": the selected group is not goroutine 1's";
        EXPECT_TRUE(panel.detailsPane()->toPlainText().contains(QStringLiteral("goroutine 1 ["))) << fixture;
        test::saveRender(window, fixture + std::strlen("dumps/"));
    }
    // A plain capture is not a crash.
    MainWindow window;
    open(window, "dumps/leak_after.txt");
    EXPECT_FALSE(window.dumpPage()->crashBanner()->isVisible());
}

TEST(DumpPage, PanelIsHiddenForAProfile)
{
    const QString path = test::fixturePath("pprof/cpu.pb.gz");
    if (!QFile::exists(path))
        GTEST_SKIP() << "fixture tests/data/pprof/cpu.pb.gz does not exist yet";
    MainWindow window;
    open(window, "pprof/cpu.pb.gz");
    EXPECT_TRUE(window.profilePage()->isVisible());
    EXPECT_FALSE(window.dumpPage()->panel()->isVisible());
}

TEST(GcPage, GctraceShowsOnePointPerCycle)
{
    MainWindow window;
    open(window, "dumps/gctrace.txt");
    ui::GcPlot& page = *window.gcPage();
    EXPECT_TRUE(page.isVisible());
    EXPECT_FALSE(window.dumpPage()->isVisible());
    ASSERT_TRUE(window.store() && window.store()->gcTrace);
    const std::vector<GcCycle>& cycles = window.store()->gcTrace->cycles;
    ASSERT_EQ(cycles.size(), 7u); // tests/data/dumps/README.md
    for (int count : page.pointCounts())
        EXPECT_EQ(count, 7);
    // The tooltip names the cycle under the mouse.
    const QString tip = page.cycleTipAt(cycles.back().startSeconds);
    EXPECT_TRUE(tip.startsWith(QStringLiteral("gc 7 "))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("(forced)"))) << tip.toStdString();
    test::saveRender(window, "gctrace");
}

} // namespace
} // namespace gs::app
