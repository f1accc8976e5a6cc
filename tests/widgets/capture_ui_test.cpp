// SPDX-License-Identifier: MIT
// File › Capture from Service… and Watch for Leaks: the dialog, the capture's progress and the
// capture opening in the window, and the watch view, against the Go test service
// (tests/data/gen/leaky_service) and, for the watch's views, the leak fixtures.
#include "app/gui/capture_controller.h"
#include "app/gui/main_window.h"
#include "app/gui/recent_files.h"
#include "capture/capture_session.h"
#include "tests/support/go_reference.h"
#include "tests/support/leaky_service.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/capture/capture_dialog.h"
#include "widgets/capture/leak_watch_view.h"
#include "widgets/dump/dump_diff_view.h"
#include "widgets/trace/trace_page.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <algorithm>

namespace gs::ui {
namespace {

constexpr int kTimeoutMs = 30000;

#define START_SERVICE(service, mode)                                                                   \
    GOROSCOPE_REQUIRE_GO_REFERENCE();                                                                  \
    test::LeakyService service(mode);                                                                  \
    ASSERT_TRUE(service.running()) << "the test service did not start:\n" << service.log()

TEST(CaptureDialog, ChecksWhatItWasGivenAndRemembersIt)
{
    {
        CaptureDialog dialog;
        dialog.urlEdit()->setText(QStringLiteral("ftp://nowhere"));
        dialog.accept();
        EXPECT_FALSE(dialog.problemLabel()->isHidden());
        EXPECT_TRUE(dialog.problemLabel()->text().contains(QStringLiteral("Not a service URL")));
        EXPECT_EQ(dialog.result(), QDialog::Rejected);

        dialog.urlEdit()->setText(QStringLiteral("127.0.0.1:6060/debug/pprof/"));
        dialog.kindBox(capture::CaptureKind::Heap)->setChecked(true);
        dialog.kindBox(capture::CaptureKind::Trace)->setChecked(true);
        EXPECT_TRUE(dialog.secondsBox(capture::CaptureKind::Trace)->isEnabled());
        dialog.secondsBox(capture::CaptureKind::Trace)->setValue(3);
        dialog.folderEdit()->setText(QStringLiteral("/somewhere/captures"));
        const CapturePlan plan = dialog.plan();
        EXPECT_EQ(plan.baseUrl, "http://127.0.0.1:6060");
        ASSERT_EQ(plan.requests.size(), 3u); // the CPU profile is checked to begin with
        EXPECT_EQ(plan.requests[0].kind, capture::CaptureKind::Cpu);
        EXPECT_EQ(plan.requests[0].seconds, 10);
        EXPECT_EQ(plan.requests[1].kind, capture::CaptureKind::Heap);
        EXPECT_EQ(plan.requests[2].kind, capture::CaptureKind::Trace);
        EXPECT_EQ(plan.requests[2].seconds, 3);
        EXPECT_FALSE(plan.watch);
        dialog.accept();
        EXPECT_EQ(dialog.result(), QDialog::Accepted);
    }
    CaptureDialog again;
    EXPECT_EQ(again.urlEdit()->text(), QStringLiteral("127.0.0.1:6060/debug/pprof/"));
    EXPECT_EQ(again.folderEdit()->text(), QStringLiteral("/somewhere/captures"));
    again.watchBox()->setChecked(true);
    EXPECT_TRUE(again.plan().watch);
    again.resize(520, 560);
    again.show();
    test::saveRender(again, "capture_dialog");
}

TEST(LeakWatchView, FixturesGrowingGroupFirstPlottedAndDiffed)
{
    LeakWatchView view;
    view.resize(1200, 800);
    view.show();
    ASSERT_TRUE(view.addSnapshot(test::fixturePath("dumps/leak_before.txt")));
    ASSERT_TRUE(view.addSnapshot(test::fixturePath("dumps/leak_after.txt")));
    EXPECT_FALSE(view.addSnapshot(test::fixturePath("pprof/cpu.pb.gz")));
    EXPECT_TRUE(view.statusLabel()->text().contains(QStringLiteral("not a goroutine dump")));
    ASSERT_EQ(view.snapshots().size(), 2u);
    QTableWidget* table = view.groupTable();
    ASSERT_GT(table->rowCount(), 1);
    EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("+30"));
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("20 → 50"));
    EXPECT_EQ(table->item(0, 2)->text(), QStringLiteral("chan receive"));
    EXPECT_TRUE(table->item(0, 3)->text().startsWith(QStringLiteral("main.(*service).awaitReply")));
    // The growing groups are plotted, the leak first.
    ASSERT_GE(view.plot()->graphCount(), 1);
    EXPECT_EQ(view.plot()->graph(0)->name(), QStringLiteral("main.(*service).awaitReply"));
    EXPECT_EQ(view.plot()->graph(0)->data()->size(), 2);
    // A group that did not grow joins the plot when chosen.
    const int plotted = view.plot()->graphCount();
    table->selectRow(table->rowCount() - 1);
    EXPECT_EQ(view.plot()->graphCount(), plotted + 1);
    table->selectRow(0);

    // The diff is one click away, first and last dump chosen already.
    EXPECT_EQ(view.beforeBox()->currentIndex(), 0);
    EXPECT_EQ(view.afterBox()->currentIndex(), 1);
    QSignalSpy diffed(view.diffView(), &DumpDiffView::diffChanged);
    view.diffButton()->click();
    ASSERT_TRUE(diffed.wait(kTimeoutMs));
    ASSERT_TRUE(view.diffView()->diff());
    EXPECT_EQ(view.diffView()->diff()->groups.front().growth(), 30);
    test::saveRender(view, "leak_watch_fixtures");
}

TEST(LeakWatchView, WatchesTheServiceAndFindsItsLeak)
{
    START_SERVICE(service, "pprof");
    QTemporaryDir folder;
    LeakWatchView view;
    view.resize(1200, 800);
    view.show();
    QSignalSpy finished(&view, &LeakWatchView::finished);
    view.watch(service.url(), 1, 3, folder.path());
    EXPECT_TRUE(view.stopButton()->isEnabled());
    ASSERT_TRUE(finished.wait(kTimeoutMs));
    EXPECT_FALSE(view.stopButton()->isEnabled());
    ASSERT_EQ(view.snapshots().size(), 3u) << view.statusLabel()->text().toStdString();
    EXPECT_EQ(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden).size(), 3);
    ASSERT_FALSE(view.groups().empty());
    const WatchedGroup& top = view.groups().front();
    EXPECT_EQ(top.functions.front(), "main.leakyHandler");
    EXPECT_LT(top.counts[0], top.counts[1]);
    EXPECT_LT(top.counts[1], top.counts[2]);
    EXPECT_TRUE(view.statusLabel()->text().startsWith(QStringLiteral("3 dumps taken")));
    QSignalSpy diffed(view.diffView(), &DumpDiffView::diffChanged);
    view.diffButton()->click();
    ASSERT_TRUE(diffed.wait(kTimeoutMs));
    EXPECT_EQ(view.diffView()->diff()->groups.front().functions.front(), "main.leakyHandler");
    test::saveRender(view, "leak_watch_service");
}

TEST(CaptureController, CapturesWithProgressThenOpensTheProfile)
{
    START_SERVICE(service, "pprof");
    QTemporaryDir folder;
    app::MainWindow window;
    window.resize(1400, 900);
    window.show();
    app::CaptureController* controller = window.captureController();
    ASSERT_TRUE(controller->action()->text().contains(QStringLiteral("Capture from")));
    CapturePlan plan;
    plan.baseUrl = service.url();
    plan.requests = {{capture::CaptureKind::Heap, 0}, {capture::CaptureKind::Cpu, 2}};
    plan.folder = folder.path();
    QSignalSpy loaded(&window, &app::MainWindow::loadFinished);
    QSignalSpy done(controller, &app::CaptureController::capturesFinished);
    controller->run(plan);
    ASSERT_TRUE(controller->progressDialog());
    // Wait for the CPU profile's countdown.
    QString label;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            label = controller->progressDialog() ? controller->progressDialog()->labelText() : QString();
            return label.contains(QStringLiteral("s left"));
        },
        kTimeoutMs));
    EXPECT_TRUE(label.startsWith(QStringLiteral("CPU profile from ") + QString::fromStdString(service.url()) + QStringLiteral(" (2 of 2)")))
        << label.toStdString();
    test::saveRender(*controller->progressDialog(), "capture_progress");
    ASSERT_TRUE(done.wait(kTimeoutMs));
    ASSERT_TRUE(loaded.count() > 0 || loaded.wait(kTimeoutMs));
    // The CPU profile opens (it shows more than the heap), both are kept.
    const QString opened = loaded.front().front().toString();
    EXPECT_TRUE(opened.contains(QStringLiteral("-cpu-"))) << opened.toStdString();
    EXPECT_EQ(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
    ASSERT_TRUE(window.store());
    EXPECT_EQ(window.store()->format, Format::Pprof);
    // The heap profile is a click away, and the status bar says so.
    const QStringList recent = app::RecentFiles().files();
    ASSERT_FALSE(recent.isEmpty());
    EXPECT_TRUE(std::any_of(recent.begin(), recent.end(), [](const QString& f) { return f.contains(QStringLiteral("-heap-")); }));
    EXPECT_EQ(window.statusBar()->currentMessage(), QStringLiteral("Also captured: heap profile (in File › Open Recent)"));
    // The window paints in a turn of its own after a load: let it, and the profile's views fill in.
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.updatesEnabled(); }, kTimeoutMs));
    QTest::qWait(300);
    test::saveRender(window, "capture_opened");
}

// A trace opens with the goroutine dump taken with it beside it, linked to its goroutines.
TEST(CaptureController, ATraceOpensWithTheDumpBesideIt)
{
    START_SERVICE(service, "pprof");
    QTemporaryDir folder;
    app::MainWindow window;
    window.resize(1400, 900);
    window.show();
    CapturePlan plan;
    plan.baseUrl = service.url();
    plan.requests = {{capture::CaptureKind::Dump, 0}, {capture::CaptureKind::Trace, 1}};
    plan.folder = folder.path();
    QSignalSpy done(window.captureController(), &app::CaptureController::capturesFinished);
    window.captureController()->run(plan);
    ASSERT_TRUE(done.count() > 0 || done.wait(kTimeoutMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.tracePage()->linkedDumpTab() != nullptr; }, kTimeoutMs));
    ASSERT_TRUE(window.store());
    EXPECT_EQ(window.store()->format, Format::GoTrace);
}

TEST(CaptureController, FailureSaysWhatHappened)
{
    QTemporaryDir folder;
    app::MainWindow window;
    CapturePlan plan;
    plan.baseUrl = "http://127.0.0.1:" + std::to_string(test::closedPort());
    plan.requests = {{capture::CaptureKind::Heap, 0}};
    plan.folder = folder.path();
    QSignalSpy done(window.captureController(), &app::CaptureController::capturesFinished);
    window.captureController()->run(plan);
    ASSERT_TRUE(done.count() > 0 || done.wait(kTimeoutMs));
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("captureErrorDialog"));
    ASSERT_TRUE(box);
    EXPECT_TRUE(box->text().startsWith(QStringLiteral("heap profile: connection refused by 127.0.0.1:"))) << box->text().toStdString();
    box->close();
    EXPECT_FALSE(window.store());
    EXPECT_TRUE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

} // namespace
} // namespace gs::ui
