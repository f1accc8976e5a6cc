// SPDX-License-Identifier: MIT
// The leak finder in the GUI: the diff view on the leaking service dumped twice shows what
// diffDumps (and so `goroscope-cli diff`) computes, and the main window's Compare with Base /
// Stop Comparing flow swaps it in and out of the dump page.
#include "app/gui/main_window.h"
#include "core/analysis/dump_diff.h"
#include "widgets/dump/dump_diff_models.h"
#include "widgets/dump/dump_diff_view.h"
#include "widgets/dump/dump_page.h"
#include "widgets/dump/dump_panel.h"
#include "tests/widgets/shown_text.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/profile/profile_session.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace gs::ui {
namespace {

constexpr int kTimeoutMs = 20000;
// tests/data/dumps/README.md: the service leaked 20 goroutines before the first dump, 50 before
// the second, all in main.(*service).awaitReply.
constexpr int kLeakBefore = 20;
constexpr int kLeakAfter = 50;

QString cell(const QAbstractItemModel& model, int row, int column)
{
    return model.index(row, column).data().toString();
}

class DumpDiffViewTest : public ::testing::Test
{
protected:
    void compare(const char* before, const char* after)
    {
        m_before = test::loadFixture(before);
        m_after = test::loadFixture(after);
        ASSERT_TRUE(m_before && m_after);
        view.resize(1200, 700);
        view.show();
        QSignalSpy changed(&view, &DumpDiffView::diffChanged);
        view.compare(m_before, m_after);
        ASSERT_TRUE(changed.wait(kTimeoutMs));
        ASSERT_TRUE(view.diff());
    }

    StorePtr m_before;
    StorePtr m_after;
    DumpDiffView view;
};

TEST_F(DumpDiffViewTest, ShowsTheGroupsAndCountsOfTheCoreDiff)
{
    compare("dumps/leak_before.txt", "dumps/leak_after.txt");
    QAbstractItemModelTester groupTester(view.groupModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
    QAbstractItemModelTester persistentTester(view.persistentModel(),
                                              QAbstractItemModelTester::FailureReportingMode::Warning);
    auto expected = diffDumps(*m_before, *m_after);
    ASSERT_TRUE(expected.ok());

    // The rows are the groups the CLI prints, in its order: changed, or with goroutines waiting longer.
    const DumpDiffModel& model = *view.groupModel();
    int row = 0;
    for (const DumpDiffGroup& g : expected->groups) {
        if (g.growth() == 0 && g.persistent.empty())
            continue;
        ASSERT_LT(row, model.rowCount());
        EXPECT_EQ(model.index(row, DumpDiffModel::Before).data().toLongLong(), g.before) << "row " << row;
        EXPECT_EQ(model.index(row, DumpDiffModel::After).data().toLongLong(), g.after) << "row " << row;
        EXPECT_EQ(cell(model, row, DumpDiffModel::State).toStdString(), g.state);
        EXPECT_EQ(cell(model, row, DumpDiffModel::Stack), diffStackSummary(g.functions));
        EXPECT_EQ(model.index(row, DumpDiffModel::Stack).data(Qt::DecorationRole).isValid(), g.isNew());
        ++row;
    }
    EXPECT_EQ(row, model.rowCount());

    // The leak on top: grown by 30, not new, every goroutine of the first dump waiting longer.
    EXPECT_EQ(cell(model, 0, DumpDiffModel::Stack), QStringLiteral("main.(*service).awaitReply"));
    EXPECT_EQ(cell(model, 0, DumpDiffModel::Growth), QStringLiteral("+30"));
    EXPECT_EQ(model.index(0, DumpDiffModel::Before).data().toLongLong(), kLeakBefore);
    EXPECT_EQ(model.index(0, DumpDiffModel::After).data().toLongLong(), kLeakAfter);
    EXPECT_FALSE(model.index(0, DumpDiffModel::Stack).data(Qt::DecorationRole).isValid());
    EXPECT_TRUE(model.index(0, DumpDiffModel::Growth).data(Qt::ForegroundRole).isValid());
    EXPECT_EQ(view.groupTable()->currentIndex().row(), 0);
    const QString stack = view.stackPane()->toPlainText();
    EXPECT_TRUE(stack.startsWith(QStringLiteral("20 \u2192 50 goroutines (+30) \u00b7 chan receive"))) << stack.toStdString();
    EXPECT_TRUE(stack.contains(QStringLiteral("goroscope/gen/dumps/leak.go:51"))) << stack.toStdString();

    const PersistentGoroutineModel& persistent = *view.persistentModel();
    const DumpDiffGroup& leak = expected->groups.front();
    ASSERT_EQ(persistent.rowCount(), int(leak.persistent.size()));
    ASSERT_EQ(persistent.rowCount(), kLeakBefore);
    for (int i = 0; i < persistent.rowCount(); ++i) {
        const PersistentGoroutine& p = leak.persistent[size_t(i)];
        EXPECT_EQ(persistent.index(i, PersistentGoroutineModel::Id).data().toULongLong(), p.id);
        // The first dump printed no wait time (under a minute), the second 2 minutes.
        EXPECT_EQ(cell(persistent, i, PersistentGoroutineModel::WaitBefore), QStringLiteral("< 1 minute"));
        EXPECT_EQ(cell(persistent, i, PersistentGoroutineModel::WaitAfter), QStringLiteral("2 minutes"));
        EXPECT_EQ(cell(persistent, i, PersistentGoroutineModel::Growth), QStringLiteral("+2 minutes"));
    }
    EXPECT_TRUE(view.persistentCaption()->text().startsWith(QStringLiteral("20 goroutines in both dumps")));

    const QString header = view.header()->text();
    EXPECT_TRUE(header.contains(QStringLiteral("%1 \u2192 %2 goroutines").arg(expected->totalBefore).arg(expected->totalAfter)))
        << header.toStdString();
    EXPECT_TRUE(header.contains(QStringLiteral("leak_before.txt")));
    test::saveRender(view, "dump-diff-view");
}

TEST_F(DumpDiffViewTest, UnchangedGroupsOnRequest)
{
    compare("dumps/leak_before.txt", "dumps/leak_after.txt");
    const int changed = view.groupModel()->rowCount();
    view.unchangedBox()->setChecked(true);
    EXPECT_EQ(view.groupModel()->rowCount(), int(view.diff()->groups.size()));
    EXPECT_GT(view.groupModel()->rowCount(), changed);
    view.unchangedBox()->setChecked(false);
    EXPECT_EQ(view.groupModel()->rowCount(), changed);
}

TEST_F(DumpDiffViewTest, NewGroupsCarryABadge)
{
    compare("dumps/deadlock.txt", "dumps/panic_all.txt");
    const DumpDiffModel& model = *view.groupModel();
    ASSERT_GT(model.rowCount(), 0);
    ASSERT_TRUE(view.diff()->groups.front().isNew());
    EXPECT_TRUE(model.index(0, DumpDiffModel::Stack).data(Qt::DecorationRole).isValid());
    const QString tip = model.index(0, DumpDiffModel::Stack).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(test::shown({}, tip, test::TextFormat::Guessed).text.startsWith(QStringLiteral("New"))) << tip.toStdString();
    EXPECT_TRUE(view.stackPane()->toPlainText().startsWith(QStringLiteral("New: "))) << view.stackPane()->toPlainText().toStdString();
}

TEST_F(DumpDiffViewTest, CountProfilesHaveNoGoroutinesToFollow)
{
    compare("dumps/leak_before_debug1.txt", "dumps/leak_after_debug1.txt");
    EXPECT_EQ(cell(*view.groupModel(), 0, DumpDiffModel::Growth), QStringLiteral("+30"));
    EXPECT_EQ(view.persistentModel()->rowCount(), 0);
    EXPECT_TRUE(view.persistentCaption()->text().contains(QStringLiteral("no goroutine IDs")));
}

} // namespace
} // namespace gs::ui

namespace gs::app {
namespace {

// Loads `relative` into the window as the main file or as the base, and waits for it.
void loadInto(MainWindow& window, const char* relative, bool asBase)
{
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    const QString path = test::fixturePath(relative);
    if (asBase)
        window.openBaseFile(path);
    else
        window.openFile(path);
    ASSERT_TRUE(finished.wait(ui::kTimeoutMs)) << "could not load " << relative;
}

// The message of the failed base load of `relative`.
QString failedBase(MainWindow& window, const char* relative)
{
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openBaseFile(test::fixturePath(relative));
    return failed.wait(ui::kTimeoutMs) ? failed.first().first().toString() : QString();
}

TEST(DumpDiffWindow, CompareWithBaseShowsTheLeakFinderAndStopComparingEndsIt)
{
    MainWindow window;
    window.resize(1400, 800);
    window.show();
    loadInto(window, "dumps/leak_after.txt", false);
    ui::DumpPage& page = *window.dumpPage();
    ui::DumpDiffView& diffView = *page.diffView();
    EXPECT_TRUE(page.panel()->isVisible());
    EXPECT_FALSE(diffView.isVisible());

    QSignalSpy compared(&diffView, &ui::DumpDiffView::diffChanged);
    loadInto(window, "dumps/leak_before.txt", true);
    ASSERT_TRUE(compared.wait(ui::kTimeoutMs));
    EXPECT_TRUE(diffView.isVisible());
    EXPECT_FALSE(page.panel()->isVisible());
    ASSERT_TRUE(page.base());
    // The flame graph shows the same comparison: the whole dump against the base.
    EXPECT_EQ(window.session()->store(), page.dump());
    EXPECT_EQ(window.session()->base(), page.base());
    const ui::DumpDiffModel& model = *diffView.groupModel();
    ASSERT_GT(model.rowCount(), 0);
    EXPECT_EQ(ui::cell(model, 0, ui::DumpDiffModel::Stack), QStringLiteral("main.(*service).awaitReply"));
    EXPECT_EQ(model.index(0, ui::DumpDiffModel::Before).data().toLongLong(), ui::kLeakBefore);
    EXPECT_EQ(model.index(0, ui::DumpDiffModel::After).data().toLongLong(), ui::kLeakAfter);
    EXPECT_EQ(diffView.persistentModel()->rowCount(), ui::kLeakBefore);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.session()->result() != nullptr; }, ui::kTimeoutMs));
    QTest::qWait(100); // let the flame graph paint the diff
    test::saveRender(window, "dump-diff-window");

    // File > Stop Comparing: back to the goroutines panel, started afresh.
    QSignalSpy panelChanged(page.panel(), &ui::DumpPanel::viewChanged);
    window.session()->clearBase();
    EXPECT_FALSE(page.base());
    EXPECT_FALSE(diffView.isVisible());
    EXPECT_TRUE(page.panel()->isVisible());
    EXPECT_FALSE(diffView.diff());
    ASSERT_TRUE(panelChanged.wait(ui::kTimeoutMs));
    EXPECT_EQ(page.panel()->view()->totalGoroutines, 60);
}

TEST(DumpDiffWindow, OpeningAnotherFileEndsTheComparison)
{
    MainWindow window;
    loadInto(window, "dumps/leak_after.txt", false);
    loadInto(window, "dumps/leak_before.txt", true);
    loadInto(window, "dumps/deadlock.txt", false);
    EXPECT_FALSE(window.dumpPage()->base());
    EXPECT_FALSE(window.session()->base());
    EXPECT_EQ(window.dumpPage()->dump(), window.session()->store());
}

TEST(DumpDiffWindow, DumpsAndProfilesAreNotCompared)
{
    MainWindow window;
    loadInto(window, "dumps/leak_after.txt", false);
    const QString notADump = failedBase(window, "pprof/cpu.pb.gz");
    EXPECT_TRUE(notADump.contains(QStringLiteral("is not a goroutine dump"))) << notADump.toStdString();
    EXPECT_FALSE(window.dumpPage()->base());

    loadInto(window, "pprof/cpu.pb.gz", false);
    const QString aDump = failedBase(window, "dumps/leak_before.txt");
    EXPECT_TRUE(aDump.contains(QStringLiteral("is a goroutine dump"))) << aDump.toStdString();
    EXPECT_FALSE(window.session()->base());
}

} // namespace
} // namespace gs::app
