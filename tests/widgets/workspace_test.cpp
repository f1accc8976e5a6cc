// SPDX-License-Identifier: MIT
// The workspace as a person meets it: how much timeline the first window shows, what the layout
// remembers, going to a goroutine, the shortcuts list, the Open dialog's filters and the question
// before unsaved annotations and notes are lost.
#include "app/gui/main_window.h"
#include "app/gui/session_controller.h"
#include "app/gui/shortcuts_dialog.h"
#include "app/gui/window_export.h"
#include "app/gui/notes_dock.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/common/theme.h"
#include "widgets/export/export_dialog.h"
#include "widgets/filters/goroutine_filter_bar.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QTest>

namespace gs::app {
namespace {

constexpr const char* kTrace = "trace/go127_sync_tests.trace.gz"; // 5,477 goroutines of Go's sync tests

// Every test starts from a first run: no window geometry, no splitter sizes saved.
class Workspace : public ::testing::Test
{
protected:
    void SetUp() override { forgetLayout(); }
    void TearDown() override { forgetLayout(); }
    static void forgetLayout()
    {
        QSettings settings;
        for (const char* key : {"mainWindow", "tracePage", "timelinePane"})
            settings.remove(QString::fromLatin1(key));
    }
    // The window shown (offscreen) at `size` with the trace open.
    static void openTrace(MainWindow& window, QSize size)
    {
        window.resize(size);
        window.show();
        window.setStore(test::loadFixture(kTrace), test::fixturePath(kTrace));
        QCoreApplication::processEvents();
    }
};

// The goroutine rows whose whole height is in the timeline's viewport.
int visibleGoroutineRows(const ui::TimelineView& view)
{
    QSet<uint32_t> rows;
    const int height = view.viewport()->height();
    for (int y = 0; y < height; ++y) {
        const ui::TimelineHit hit = view.hitAt(QPoint(4, y));
        if (hit.kind != ui::TimelineHit::Kind::RowLabel)
            continue;
        const ui::TimelineHit below = view.hitAt(QPoint(4, y + ui::TimelineLayout::kStateBarHeight - 1));
        if (below.kind == hit.kind && below.index == hit.index)
            rows.insert(hit.index);
    }
    return int(rows.size());
}

TEST_F(Workspace, TheFirstWindowIsSizedToTheScreen)
{
    MainWindow window;
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    EXPECT_GE(window.width(), available.width() * 9 / 10);
    EXPECT_GE(window.height(), available.height() * 9 / 10);
    EXPECT_LE(window.width(), available.width());
    EXPECT_LE(window.height(), available.height());
}

TEST_F(Workspace, TheTimelineGetsMostOfAFullHdWindow)
{
    MainWindow window;
    openTrace(window, QSize(1920, 1080));
    ui::TimelineView* view = window.tracePage()->timeline();
    auto* plots = window.findChild<QWidget*>(QStringLiteral("tracePlots"));
    auto* split = window.findChild<QSplitter*>(QStringLiteral("traceSplit"));
    ASSERT_TRUE(plots && split);
    EXPECT_GT(view->height(), plots->height() + split->widget(1)->height())
        << "the timeline is taller than the plots and the tables together";
    EXPECT_GE(visibleGoroutineRows(*view), 18) << "goroutine rows visible at 1920x1080 with the default layout";
    // The tables hidden (View > Show Tables Below), 30 rows and more.
    QAction* tables = nullptr;
    for (QAction* a : window.tracePage()->viewActions()) {
        if (a && a->text().remove(QLatin1Char('&')) == QLatin1String("Show Tables Below"))
            tables = a;
    }
    ASSERT_TRUE(tables);
    tables->trigger();
    QCoreApplication::processEvents();
    EXPECT_GE(visibleGoroutineRows(*view), 30) << "goroutine rows visible at 1920x1080 without the tables";
}

TEST_F(Workspace, SplitterSizesAreRememberedAndHandlesAreEasyToGrab)
{
    QList<int> dragged;
    {
        MainWindow window;
        openTrace(window, QSize(1600, 1000));
        auto* split = window.findChild<QSplitter*>(QStringLiteral("traceSplit"));
        ASSERT_TRUE(split);
        EXPECT_GE(split->handleWidth(), 6);
        EXPECT_TRUE(split->isCollapsible(1)) << "the tables below the timeline can be dragged shut";
        EXPECT_FALSE(split->isCollapsible(0));
        QSplitterHandle* handle = split->handle(1);
        const QPoint grip = handle->rect().center();
        QTest::mousePress(handle, Qt::LeftButton, {}, grip);
        QTest::mouseMove(handle, grip - QPoint(0, 120));
        QTest::mouseRelease(handle, Qt::LeftButton, {}, grip - QPoint(0, 120));
        dragged = split->sizes();
    }
    MainWindow again;
    openTrace(again, QSize(1600, 1000));
    auto* split = again.findChild<QSplitter*>(QStringLiteral("traceSplit"));
    ASSERT_TRUE(split);
    EXPECT_EQ(split->sizes(), dragged);
}

TEST_F(Workspace, SelectingARangeDoesNotWidenTheWindow)
{
    MainWindow window;
    openTrace(window, QSize(1400, 900));
    const int width = window.width();
    ui::TimelineView* view = window.tracePage()->timeline();
    const TraceData& trace = *window.store()->trace;
    view->setSelectedRange(trace.startNs + (trace.endNs - trace.startNs) / 4, trace.endNs - (trace.endNs - trace.startNs) / 4);
    QCoreApplication::processEvents();
    auto* summary = window.findChild<QLabel*>(QStringLiteral("rangeSummary"));
    ASSERT_TRUE(summary);
    EXPECT_FALSE(summary->text().isEmpty());
    EXPECT_EQ(window.width(), width);
    EXPECT_LE(window.minimumSizeHint().width(), width);
}

TEST_F(Workspace, GoToGoroutineByIdOrStartFunction)
{
    MainWindow window;
    openTrace(window, QSize(1600, 1000));
    ui::TracePage* page = window.tracePage();
    const TraceData& trace = *window.store()->trace;
    // Ctrl+G puts the cursor in the field.
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(page->timeline(), Qt::Key_G, Qt::ControlModifier);
    auto* field = window.findChild<QLineEdit*>(QStringLiteral("goToGoroutine"));
    ASSERT_TRUE(field);
    EXPECT_TRUE(field->hasFocus());
    // An ID: that goroutine, selected and in view.
    const int64_t id = trace.goroutines.idOf(trace.rowsById[trace.rowsById.size() / 2]);
    QTest::keyClicks(field, QStringLiteral("G%1").arg(id));
    QTest::keyClick(field, Qt::Key_Return);
    ASSERT_NE(page->session()->selectedGoroutine(), kNoRow);
    EXPECT_EQ(trace.goroutines.idOf(page->session()->selectedGoroutine()), id);
    EXPECT_EQ(page->timeline()->selectedGoroutine(), page->session()->selectedGoroutine());
    EXPECT_GT(visibleGoroutineRows(*page->timeline()), 0);
    // Part of a start function's name: Enter again steps to the next match, in ID order.
    field->clear();
    QTest::keyClicks(field, QStringLiteral("TestMutex"));
    QTest::keyClick(field, Qt::Key_Return);
    const GoroutineRow first = page->session()->selectedGoroutine();
    ASSERT_NE(first, kNoRow);
    EXPECT_NE(window.store()->symbols.functionName(trace.goroutines.startFunctionOf(first)).find("TestMutex"),
              std::string_view::npos);
    QTest::keyClick(field, Qt::Key_Return);
    const GoroutineRow second = page->session()->selectedGoroutine();
    EXPECT_NE(second, first);
    EXPECT_GT(trace.goroutines.idOf(second), trace.goroutines.idOf(first));
    auto* result = window.findChild<QLabel*>(QStringLiteral("goToResult"));
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->text().contains(QStringLiteral("matches"))) << result->text().toStdString();
    field->clear();
    QTest::keyClicks(field, QStringLiteral("no.such.function"));
    QTest::keyClick(field, Qt::Key_Return);
    EXPECT_EQ(result->text(), QStringLiteral("no match"));
    EXPECT_EQ(page->session()->selectedGoroutine(), second);
}

TEST_F(Workspace, TheShortcutsListHasEveryShortcutAndQuestionMarkOpensIt)
{
    MainWindow window;
    openTrace(window, QSize(1600, 1000));
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(window.tracePage()->timeline(), Qt::Key_Question);
    auto* dialog = window.findChild<ShortcutsDialog*>();
    ASSERT_TRUE(dialog) << "? opens Help > Keyboard Shortcuts";
    QSet<QString> listed;
    for (const QStringList& row : dialog->rows())
        listed.insert(row[1]);
    for (const QAction* a : window.findChildren<QAction*>()) {
        for (const QKeySequence& k : a->shortcuts())
            EXPECT_TRUE(std::any_of(listed.begin(), listed.end(),
                                    [&](const QString& keys) { return keys.contains(k.toString(QKeySequence::NativeText)); }))
                << a->text().toStdString() << " (" << k.toString().toStdString() << ") is not listed";
    }
    EXPECT_TRUE(listed.contains(QStringLiteral("W / S, Ctrl+wheel"))) << "the timeline's own keys are listed";
}

TEST_F(Workspace, TheViewMenuServesTraces)
{
    MainWindow window;
    openTrace(window, QSize(1600, 1000));
    QMenu* view = nullptr;
    for (QAction* a : window.menuBar()->actions()) {
        if (a->menu() && a->text().remove(QLatin1Char('&')) == QLatin1String("View"))
            view = a->menu();
    }
    ASSERT_TRUE(view);
    EXPECT_TRUE(view->menuAction()->isEnabled());
    QStringList texts;
    for (const QAction* a : view->actions())
        texts << a->text().remove(QLatin1Char('&'));
    EXPECT_TRUE(texts.contains(QStringLiteral("Show Plots"))) << texts.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(texts.contains(QStringLiteral("Go to Goroutine\u2026")));
    // Hiding the plots gives their room to the timeline.
    const int before = window.tracePage()->timeline()->height();
    for (QAction* a : view->actions()) {
        if (a->text().remove(QLatin1Char('&')) == QLatin1String("Show Plots"))
            a->trigger();
    }
    QCoreApplication::processEvents();
    EXPECT_GT(window.tracePage()->timeline()->height(), before);
}

TEST_F(Workspace, TheOpenDialogOffersEveryKindOfCapture)
{
    const QString filters = MainWindow::openFileFilters();
    const QString first = filters.section(QStringLiteral(";;"), 0, 0);
    for (const char* pattern : {"*.trace", "*.pb.gz", "*.txt", "*.log", "*.folded", "*.perf", ".goroscope"})
        EXPECT_TRUE(first.contains(QString::fromLatin1(pattern))) << pattern << " in the default filter " << first.toStdString();
    MainWindow window;
    auto* welcome = window.findChild<QLabel*>(QStringLiteral("welcomeText"));
    ASSERT_TRUE(welcome);
    for (const char* kind : {"execution traces", "pprof profiles", "goroutine dumps", "folded stacks", "gctrace"})
        EXPECT_TRUE(welcome->text().contains(QString::fromLatin1(kind))) << kind;
}

// Mean lightness (0-255) of an image's pixels.
int meanLightness(const QImage& image)
{
    int64_t sum = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            sum += QColor(image.pixel(x, y)).lightness();
    return int(sum / std::max<int64_t>(1, int64_t(image.width()) * image.height()));
}

TEST_F(Workspace, TheDarkThemeDarkensEveryViewAndIsRemembered)
{
    MainWindow window;
    openTrace(window, QSize(1400, 900));
    ui::TimelineView* view = window.tracePage()->timeline();
    auto* plots = window.findChild<QWidget*>(QStringLiteral("tracePlots"));
    ASSERT_TRUE(plots);
    const int lightTimeline = meanLightness(view->viewport()->grab().toImage());
    const int lightPlots = meanLightness(plots->grab().toImage());
    auto* dark = window.findChild<QAction*>(QStringLiteral("theme%1").arg(int(ui::Theme::Dark)));
    ASSERT_TRUE(dark);
    dark->trigger();
    QCoreApplication::processEvents();
    const int darkTimeline = meanLightness(view->viewport()->grab().toImage());
    const int darkPlots = meanLightness(plots->grab().toImage());
    EXPECT_EQ(ui::savedTheme(), ui::Theme::Dark);
    // Back to the platform's look before any expectation can stop the test.
    ui::applyTheme(ui::Theme::System);
    ui::saveTheme(ui::Theme::System);
    EXPECT_GT(lightTimeline, 150);
    EXPECT_LT(darkTimeline, 100) << "the timeline's rows turn dark";
    EXPECT_GT(lightPlots, 150);
    EXPECT_LT(darkPlots, 100) << "the plots turn dark";
}

TEST_F(Workspace, ADarkWindowExportsLightPicturesWhenAsked)
{
    MainWindow window;
    openTrace(window, QSize(1400, 900));
    ui::applyTheme(ui::Theme::Dark);
    QCoreApplication::processEvents();
    const QString dir = QDir::temp().filePath(QStringLiteral("goroscope-light-export-%1").arg(QCoreApplication::applicationPid()));
    QDir().mkpath(dir);
    // The dialog of a dark window offers the light export and has it chosen.
    ui::ExportDialog dialog(QDir(dir).filePath(QStringLiteral("light.png")));
    const bool offered = !dialog.lightBox()->isHidden();
    ui::ExportRequest request = dialog.request();
    const bool chosen = request.light;
    request.caption = false;
    const bool lightExported = window.windowExport()->exportTo(request);
    const QImage light(request.path);
    request.light = false;
    request.path = QDir(dir).filePath(QStringLiteral("dark.png"));
    const bool darkExported = window.windowExport()->exportTo(request);
    const QImage dark(request.path);
    const int screenAfter = meanLightness(window.tracePage()->timeline()->viewport()->grab().toImage());
    ui::applyTheme(ui::Theme::System);
    QDir(dir).removeRecursively();
    EXPECT_TRUE(offered);
    EXPECT_TRUE(chosen);
    EXPECT_TRUE(lightExported && darkExported);
    EXPECT_GT(meanLightness(light), 150) << "the light export of a dark window";
    EXPECT_LT(meanLightness(dark), 100) << "without it, the export is as dark as the window";
    EXPECT_LT(screenAfter, 100) << "the window stays dark";
    // A light window does not offer it: its exports are light already.
    ui::ExportDialog lightDialog(QStringLiteral("x.png"));
    EXPECT_TRUE(lightDialog.lightBox()->isHidden());
}

TEST_F(Workspace, TheBundledSampleOpensOnTheTimelineWithChainsAndFlameGraphs)
{
    // README's first command opens it: a trace, so the timeline, chains and flame graph are there.
    LoadContext context;
    auto loaded = loadFile(GOROSCOPE_TEST_DATA_DIR "/../../resources/samples/server.trace.gz", context);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const StorePtr sample = *loaded;
    ASSERT_TRUE(sample->trace);
    EXPECT_GT(sample->trace->goroutines.size(), 100u);
    EXPECT_FALSE(sample->trace->cpuSamples.empty()) << "CPU samples feed the on-CPU flame graph";
    MainWindow window;
    window.setStore(sample, QStringLiteral("server.trace.gz"));
    EXPECT_EQ(window.currentPage(), window.tracePage());
}

TEST_F(Workspace, UnsavedNotesAreNotLostWithoutAsking)
{
    MainWindow window;
    openTrace(window, QSize(1400, 900));
    window.notesDock()->editor()->setPlainText(QStringLiteral("the producer exited early"));
    ASSERT_TRUE(window.sessions()->hasUnsavedWork());
    // Cancel: the window stays, and so do the notes.
    QString asked;
    test::answerUnsavedWorkPrompt(QMessageBox::Cancel, &asked);
    EXPECT_FALSE(window.close());
    EXPECT_FALSE(asked.isEmpty());
    EXPECT_TRUE(window.isVisible());
    // Opening another capture asks too; Cancel keeps the trace.
    const StorePtr before = window.store();
    asked.clear();
    test::answerUnsavedWorkPrompt(QMessageBox::Cancel, &asked);
    window.openFile(test::fixturePath("pprof/cpu.pb.gz"));
    EXPECT_FALSE(asked.isEmpty());
    EXPECT_FALSE(window.isLoading());
    EXPECT_EQ(window.store(), before);
    // Discard: closes without asking again.
    test::answerUnsavedWorkPrompt(QMessageBox::Discard);
    EXPECT_TRUE(window.close());
}

} // namespace
} // namespace gs::app
