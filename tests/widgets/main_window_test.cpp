// SPDX-License-Identifier: MIT
#include "app/gui/main_window.h"
#include "app/gui/recent_files.h"
#include "tests/support/application_pools.h"
#include "tests/widgets/test_profiles.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/profile/profile_session.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QMimeData>
#include <QToolButton>
#include <QUrl>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace gs::app {
namespace {

using test::takeErrorDialog;

constexpr int kTimeoutMs = 20000;

QString fixture(const char* relative)
{
    return QStringLiteral(GOROSCOPE_TEST_DATA_DIR "/") + QString::fromUtf8(relative);
}

TEST(MainWindow, LoadsAFixtureInTheBackground)
{
    const QString path = fixture("pprof/cpu.pb.gz");
    if (!QFile::exists(path))
        GTEST_SKIP() << "fixture tests/data/pprof/cpu.pb.gz does not exist yet";
    MainWindow window;
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openFile(path);
    EXPECT_TRUE(window.isLoading());
    ASSERT_TRUE(finished.wait(kTimeoutMs)) << "load failed: "
                                           << (failed.isEmpty() ? std::string("timeout")
                                                                : failed.first().first().toString().toStdString());
    ASSERT_TRUE(window.store());
    ASSERT_TRUE(window.store()->profile.has_value());
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("cpu.pb.gz")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.session()->result() != nullptr; }, kTimeoutMs));
    EXPECT_GT(window.session()->result()->total, 0);
    EXPECT_EQ(RecentFiles().files().value(0), QFileInfo(path).absoluteFilePath());
}

// The list is the same for every RecentFiles of the process at once, and reaches the settings file
// from a thread of its own.
TEST(RecentFiles, ReachTheSettingsFileOffTheGuiThread)
{
    const QString path = fixture("pprof/heap.pb.gz");
    RecentFiles().add(path);
    EXPECT_EQ(RecentFiles().files().value(0), QFileInfo(path).absoluteFilePath());
    test::waitForApplicationPools();
    EXPECT_EQ(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0), QFileInfo(path).absoluteFilePath());
    RecentFiles().clear();
    EXPECT_TRUE(RecentFiles().files().isEmpty());
    test::waitForApplicationPools();
    EXPECT_FALSE(QSettings().contains(QStringLiteral("recentFiles")));
}

TEST(MainWindow, DroppedFileIsOpened)
{
    const QString path = fixture("pprof/heap.pb.gz");
    if (!QFile::exists(path))
        GTEST_SKIP() << "fixture tests/data/pprof/heap.pb.gz does not exist yet";
    MainWindow window;
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    ASSERT_TRUE(finished.wait(kTimeoutMs));
    EXPECT_EQ(finished.first().first().toString(), path);
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("heap.pb.gz")));
}

TEST(MainWindow, StoreWarningsAreShownWithoutBlocking)
{
    MainWindow window;
    auto* button = window.findChild<QToolButton*>(QStringLiteral("warningsButton"));
    ASSERT_TRUE(button);
    window.setStore(test::smallCpuProfile(), QStringLiteral("clean.pb.gz"));
    EXPECT_TRUE(button->isHidden());
    window.setStore(test::ProfileBuilder().sample({"main.main"}, {1}).withWarning("2 samples had no location").build(),
                    QStringLiteral("odd.pb.gz"));
    EXPECT_FALSE(button->isHidden());
    EXPECT_EQ(button->text(), QStringLiteral("1 warning"));
    EXPECT_TRUE(button->toolTip().contains(QStringLiteral("2 samples had no location")));
}

TEST(MainWindow, FailedLoadLeavesThePreviousStoreInPlace)
{
    MainWindow window;
    const StorePtr previous = test::smallCpuProfile();
    window.setStore(previous, QStringLiteral("hand-made.pb.gz"));
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openFile(QStringLiteral("does-not-exist/missing.pb.gz"));
    ASSERT_TRUE(failed.wait(kTimeoutMs));
    EXPECT_EQ(window.store(), previous);
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("hand-made.pb.gz")));
    const QString message = takeErrorDialog(window);
    EXPECT_TRUE(message.contains(QStringLiteral("missing.pb.gz"))) << message.toStdString();
}

TEST(MainWindow, CancelledLoadLeavesThePreviousStoreInPlace)
{
    const QString path = fixture("pprof/cpu.pb.gz");
    if (!QFile::exists(path))
        GTEST_SKIP() << "fixture tests/data/pprof/cpu.pb.gz does not exist yet";
    MainWindow window;
    const StorePtr previous = test::smallCpuProfile();
    window.setStore(previous, QStringLiteral("hand-made.pb.gz"));
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openFile(path);
    // Results always arrive through the event loop, so a cancel right away always wins.
    window.cancelLoad();
    EXPECT_FALSE(window.isLoading());
    QTest::qWait(500);
    EXPECT_TRUE(finished.isEmpty());
    EXPECT_TRUE(failed.isEmpty());
    EXPECT_EQ(window.store(), previous);
}

TEST(MainWindow, UnrecognisedFileShowsAOneLineError)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("this is not a profile\n");
    file.close();

    MainWindow window;
    const StorePtr previous = test::smallCpuProfile();
    window.setStore(previous, QStringLiteral("hand-made.pb.gz"));
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openFile(path);
    ASSERT_TRUE(failed.wait(kTimeoutMs));
    const QString message = failed.first().first().toString();
    EXPECT_FALSE(message.contains(QLatin1Char('\n')));
    EXPECT_TRUE(message.contains(QStringLiteral("notes.txt")));
    EXPECT_EQ(window.store(), previous);
    takeErrorDialog(window);
}

// A capture cut short (the first 60% of a real trace) fails with one line that says so in plain
// words before the decoder's detail.
TEST(MainWindow, TruncatedTraceSaysTheFileEndsEarly)
{
    QFile whole(fixture("trace/go126_sched.trace"));
    ASSERT_TRUE(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cut.trace"));
    QFile cut(path);
    ASSERT_TRUE(cut.open(QIODevice::WriteOnly));
    cut.write(bytes.left(bytes.size() * 6 / 10));
    cut.close();

    MainWindow window;
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openFile(path);
    ASSERT_TRUE(failed.wait(kTimeoutMs));
    const QString message = takeErrorDialog(window);
    EXPECT_TRUE(message.startsWith(path + QStringLiteral(": the file ends early, at byte 15,034 (the capture was cut short)")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("; detail: at byte 13599: batch truncated"))) << message.toStdString();
    EXPECT_FALSE(message.contains(QLatin1Char('\n')));
}

} // namespace
} // namespace gs::app
