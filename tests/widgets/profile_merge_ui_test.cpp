// SPDX-License-Identifier: MIT
// Merging profiles in the window (the command line's files, File › Add to Profile…), subtracting a
// base (pprof's -base) and the Values menu (-mean, -unit, -divide_by): the numbers the profile page
// shows are goroscope-cli top's with the same files and flags.
#include "app/gui/main_window.h"
#include "tests/cli/cli_test_support.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"
#include "widgets/profile/value_options_button.h"
#include "widgets/top/top_table_model.h"
#include "widgets/trace/trace_page.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <map>
#include <sstream>

namespace gs::app {
namespace {

constexpr int kTimeoutMs = 20000;

std::string fixture(const char* name)
{
    return test::fixturePath(name).toStdString();
}

// Waits until the session has a result other than `before` and nothing is computing.
::testing::AssertionResult waitForNewResult(ui::ProfileSession& session,
                                            const std::shared_ptr<const ui::ProfileResult>& before)
{
    if (QTest::qWaitFor([&] { return session.result() && session.result() != before && !session.isComputing(); },
                        kTimeoutMs))
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "no new result";
}

// The top table the session computed equals `goroscope-cli top ARGS --json`: the same functions
// with the same flat and cum, and the same percentages of the same total.
void expectTopOfCli(const ui::ProfileResult& result, std::vector<std::string> args)
{
    args.insert(args.begin(), "top");
    for (const char* extra : {"--json", "--nodefraction", "0"})
        args.push_back(extra);
    const cli::test::CliRun run = cli::test::runCliCaptured(args);
    ASSERT_EQ(run.code, 0) << run.err;
    const auto expected = cli::test::parseTopJson(run.out);
    ASSERT_FALSE(expected.empty());
    std::map<std::string, TopRow> shown;
    for (const TopRow& r : result.top)
        shown[std::string(result.symbols->functionName(r.function))] = r;
    EXPECT_EQ(shown.size(), expected.size());
    for (const cli::test::JsonTopRow& row : expected) {
        const auto it = shown.find(row.function);
        ASSERT_NE(it, shown.end()) << row.function;
        EXPECT_EQ(it->second.flat, row.flat) << row.function;
        EXPECT_EQ(it->second.cum, row.cum) << row.function;
        ASSERT_NE(result.unfilteredTotal, 0);
        EXPECT_NEAR(100.0 * double(row.flat) / double(result.unfilteredTotal), row.flatPercent, 0.006) << row.function;
    }
}

struct Window
{
    MainWindow window;
    QSignalSpy finished {&window, &MainWindow::loadFinished};
    QSignalSpy failed {&window, &MainWindow::loadFailed};
    QSignalSpy merged {window.session(), &ui::ProfileSession::profilesMerged};

    ::testing::AssertionResult open(const char* name)
    {
        window.openFile(test::fixturePath(name));
        if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kTimeoutMs) || !failed.isEmpty())
            return ::testing::AssertionFailure() << "loading " << name << " failed";
        finished.clear();
        return waitForNewResult(*window.session(), nullptr);
    }
};

TEST(ProfileMergeUi, AddToProfileMergesAndSaysHowMany)
{
    Window w;
    ASSERT_TRUE(w.open("pprof/block.pb.gz"));
    ui::ProfileSession& session = *w.window.session();
    const auto before = session.result();
    w.window.addToProfile(test::fixturePath("pprof/mutex.pb.gz"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !w.merged.isEmpty(); }, kTimeoutMs))
        << test::takeErrorDialog(w.window).toStdString();
    EXPECT_EQ(w.merged.first().first().toInt(), 2);
    ASSERT_TRUE(waitForNewResult(session, before));
    EXPECT_EQ(session.profileCount(), 2);
    EXPECT_TRUE(w.window.windowTitle().contains(QStringLiteral("block.pb.gz (2 profiles merged)"))) << w.window.windowTitle().toStdString();
    expectTopOfCli(*session.result(), {fixture("pprof/block.pb.gz"), fixture("pprof/mutex.pb.gz")});

    // A third: the profile merged with itself once more.
    const auto twice = session.result();
    w.window.addToProfile(test::fixturePath("pprof/block.pb.gz"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return w.merged.size() == 2; }, kTimeoutMs));
    ASSERT_TRUE(waitForNewResult(session, twice));
    EXPECT_TRUE(w.window.windowTitle().contains(QStringLiteral("3 profiles merged")));
    expectTopOfCli(*session.result(),
                   {fixture("pprof/block.pb.gz"), fixture("pprof/mutex.pb.gz"), fixture("pprof/block.pb.gz")});
    test::saveRender(w.window, "profile_merged");
}

TEST(ProfileMergeUi, AProfileOfAnotherTypeIsOneErrorAndNothingChanges)
{
    Window w;
    ASSERT_TRUE(w.open("pprof/cpu.pb.gz"));
    ui::ProfileSession& session = *w.window.session();
    const StorePtr before = session.store();
    const auto result = session.result();
    QSignalSpy failedMerge(&session, &ui::ProfileSession::mergeFailed);
    w.window.addToProfile(test::fixturePath("pprof/heap.pb.gz"));
    ASSERT_TRUE(failedMerge.wait(kTimeoutMs));
    const QString message = failedMerge.first().first().toString();
    EXPECT_TRUE(message.endsWith(QStringLiteral("heap.pb.gz: profiles have empty common sample type list"))) << message.toStdString();
    EXPECT_FALSE(message.contains(QLatin1Char('\n')));
    EXPECT_TRUE(test::takeErrorDialog(w.window).contains(QStringLiteral("empty common sample type list")));
    EXPECT_EQ(session.store(), before);
    EXPECT_EQ(session.result(), result);
    EXPECT_EQ(session.profileCount(), 1);
    EXPECT_TRUE(w.merged.isEmpty());
    EXPECT_FALSE(w.window.windowTitle().contains(QStringLiteral("merged")));
}

// The command line's files: profiles after the first are merged into it; after a trace, they open
// beside it.
TEST(ProfileMergeUi, CommandLineFilesAreMerged)
{
    Window w;
    w.window.openFiles({test::fixturePath("pprof/cpu.pb.gz"), test::fixturePath("pprof/cpu.pb.gz")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !w.merged.isEmpty(); }, kTimeoutMs))
        << test::takeErrorDialog(w.window).toStdString();
    // The merge's recompute started when it was announced: its result is the next one.
    ui::ProfileSession& session = *w.window.session();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.result() && !session.isComputing(); }, kTimeoutMs));
    EXPECT_EQ(session.profileCount(), 2);
    expectTopOfCli(*session.result(), {fixture("pprof/cpu.pb.gz"), fixture("pprof/cpu.pb.gz")});
}

TEST(ProfileMergeUi, CommandLineFilesAfterATraceOpenBesideIt)
{
    Window w;
    w.window.openFiles({test::fixturePath("linked/linked.trace"), test::fixturePath("linked/linked_dump.txt")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return w.finished.size() == 2 || !w.failed.isEmpty(); }, kTimeoutMs));
    ASSERT_TRUE(w.failed.isEmpty()) << w.failed.first().first().toString().toStdString();
    EXPECT_TRUE(w.window.tracePage()->store());
    EXPECT_TRUE(w.window.tracePage()->linkedDumpTab());
}

TEST(ProfileMergeUi, SubtractedBaseShowsTheDifference)
{
    Window w;
    ASSERT_TRUE(w.open("pprof/block.pb.gz"));
    ui::ProfileSession& session = *w.window.session();
    const auto before = session.result();
    w.window.openBaseFile(test::fixturePath("pprof/mutex.pb.gz"), true);
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.base() != nullptr; }, kTimeoutMs))
        << test::takeErrorDialog(w.window).toStdString();
    ASSERT_TRUE(waitForNewResult(session, before));
    EXPECT_EQ(session.baseMode(), BaseMode::Subtract);
    EXPECT_FALSE(session.result()->isDiff);
    EXPECT_EQ(w.window.profilePage()->baseBadge()->text(), QStringLiteral("minus mutex.pb.gz"));
    expectTopOfCli(*session.result(), {fixture("pprof/block.pb.gz"), "--base", fixture("pprof/mutex.pb.gz")});
    // Some functions only the base has: negative values, as pprof shows them.
    EXPECT_TRUE(std::any_of(session.result()->top.begin(), session.result()->top.end(),
                            [](const TopRow& r) { return r.flat < 0; }));
    test::saveRender(w.window, "profile_subtracted_base");

    // Compare with base is still the diff view.
    const auto subtracted = session.result();
    w.window.openBaseFile(test::fixturePath("pprof/mutex.pb.gz"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.baseMode() == BaseMode::Compare; }, kTimeoutMs));
    ASSERT_TRUE(waitForNewResult(session, subtracted));
    EXPECT_TRUE(session.result()->isDiff);
    EXPECT_EQ(w.window.profilePage()->baseBadge()->text(), QStringLiteral("diff vs mutex.pb.gz"));
}

TEST(ProfileMergeUi, MeanPerEventIsPprofsMean)
{
    Window w;
    ASSERT_TRUE(w.open("pprof/block.pb.gz"));
    ui::ProfileSession& session = *w.window.session();
    ui::ValueOptionsButton* values = w.window.profilePage()->valueOptions();
    ASSERT_TRUE(values->isEnabled());
    ASSERT_TRUE(values->meanAction()->isEnabled());
    const auto before = session.result();
    values->meanAction()->trigger();
    EXPECT_TRUE(session.mean());
    ASSERT_TRUE(waitForNewResult(session, before));
    EXPECT_TRUE(session.result()->mean);
    expectTopOfCli(*session.result(), {fixture("pprof/block.pb.gz"), "--mean"});
}

// The flat column with --unit ms --divide-by 2 says what the CLI's text report says (the page
// writes a space before the unit).
TEST(ProfileMergeUi, UnitAndDivisorChangeTheValuesShown)
{
    Window w;
    ASSERT_TRUE(w.open("pprof/cpu.pb.gz"));
    ui::ProfileSession& session = *w.window.session();
    ui::ValueOptionsButton* values = w.window.profilePage()->valueOptions();
    // cpu.pb.gz's first sample type is a count too, so a mean is offered.
    EXPECT_TRUE(values->meanAction()->isEnabled());
    emit values->unitMenu()->aboutToShow();
    QAction* ms = nullptr;
    for (QAction* a : values->unitMenu()->actions()) {
        if (a->text() == QStringLiteral("ms"))
            ms = a;
    }
    ASSERT_TRUE(ms);
    auto before = session.result();
    ms->trigger();
    EXPECT_EQ(session.outputUnit(), "ms");
    ASSERT_TRUE(waitForNewResult(session, before));
    before = session.result();
    session.setDivideBy(2);
    ASSERT_TRUE(waitForNewResult(session, before));
    EXPECT_EQ(values->divideAction()->text(), QStringLiteral("Divide By 2…"));

    const cli::test::CliRun run
        = cli::test::runCliCaptured({"top", fixture("pprof/cpu.pb.gz"), "--unit", "ms", "--divide-by", "2", "-n", "1"});
    ASSERT_EQ(run.code, 0) << run.err;
    const std::string table = run.out.substr(run.out.find("cum%\n") + 5);
    std::istringstream fields(table);
    std::string flat;
    fields >> flat;
    EXPECT_EQ(flat, "165ms");
    ui::TopTableModel* model = w.window.profilePage()->topModel();
    ASSERT_GT(model->rowCount(), 0);
    // The page's default order is pprof's: its first row is the CLI's.
    EXPECT_EQ(model->data(model->index(0, ui::TopTableModel::Flat)).toString().remove(QLatin1Char(' ')).toStdString(),
              flat);
    const std::string line = table.substr(0, table.find('\n'));
    EXPECT_EQ(model->data(model->index(0, ui::TopTableModel::Name)).toString().toStdString(),
              line.substr(line.rfind(' ') + 1));
}

} // namespace
} // namespace gs::app
