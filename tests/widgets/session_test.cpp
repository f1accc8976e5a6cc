// SPDX-License-Identifier: MIT
// Session files: the JSON form (round trip, strict reading), atomic saving, and a whole
// investigation saved from one window and restored into a fresh one.
#include "app/gui/main_window.h"
#include "app/gui/notes_dock.h"
#include "app/gui/session_controller.h"
#include "app/gui/session_file.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/annotations/annotation_set.h"
#include "widgets/navigation/bookmarks.h"
#include "widgets/profile/profile_session.h"
#include "widgets/trace/linked_dump_tab.h"
#include "widgets/trace/trace_navigator.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

namespace gs::app {
namespace {

using test::takeErrorDialog;

constexpr int kTimeoutMs = 30000;

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// A session with every field set, its captures in `dir` except the base.
SessionFile fullSession(const QDir& dir)
{
    SessionFile s;
    s.mainFile = dir.filePath(QStringLiteral("captures/app.trace"));
    s.baseFile = QStringLiteral("/elsewhere/base.pb.gz");
    s.besideFiles = {dir.filePath(QStringLiteral("cpu.pb.gz")), dir.filePath(QStringLiteral("dump.txt"))};
    s.conditions = {{ui::ConditionKind::EverState, {"waiting", "syscall"}},
                    {ui::ConditionKind::MinDuration, {"10ms"}},
                    {ui::ConditionKind::StackRegex, {"main\\.worker"}}};
    s.place = {42, 42, 1500, 1000, 9000, "main.worker", 2};
    s.bookmarks = {{QStringLiteral("the leak"), {7, std::nullopt, 0, 0, 0, {}, 0}}};
    s.profile = {"alloc_space", ui::ViewMode::Sandwich, "runtime.mallocgc", {{ui::FilterKind::Focus, "main\\."}, {ui::FilterKind::TagIgnore, "worker=idle"}}, "main.handle"};
    ui::Annotation note;
    note.text = QStringLiteral("blocked from here on");
    s.annotations = {note};
    s.notes = QStringLiteral("Receivers never drain.\nCheck the producer.");
    return s;
}

TEST(SessionFile, RoundTripsEveryFieldWithPathsRelativeToTheSession)
{
    QTemporaryDir tmp;
    const QDir dir(tmp.path());
    const SessionFile s = fullSession(dir);
    const QByteArray json = sessionToJson(s, dir);
    // Under the session's folder: relative, so the folder can move; elsewhere: absolute.
    EXPECT_TRUE(json.contains("\"main\": \"captures/app.trace\"")) << json.constData();
    EXPECT_TRUE(json.contains("\"/elsewhere/base.pb.gz\"")) << json.constData();
    EXPECT_FALSE(json.contains(tmp.path().toUtf8()));

    QString error;
    const std::optional<SessionFile> back = sessionFromJson(json, dir, &error);
    ASSERT_TRUE(back) << error.toStdString();
    EXPECT_EQ(back->mainFile, s.mainFile);
    EXPECT_EQ(back->baseFile, s.baseFile);
    EXPECT_EQ(back->besideFiles, s.besideFiles);
    EXPECT_EQ(back->conditions, s.conditions);
    EXPECT_EQ(back->place, s.place);
    EXPECT_EQ(back->bookmarks, s.bookmarks);
    EXPECT_EQ(back->profile, s.profile);
    ASSERT_EQ(back->annotations.size(), 1u);
    EXPECT_EQ(back->annotations[0].text, s.annotations[0].text);
    EXPECT_EQ(back->notes, s.notes);

    // The same folder moved elsewhere finds its captures there.
    QTemporaryDir moved;
    const std::optional<SessionFile> there = sessionFromJson(json, QDir(moved.path()), &error);
    ASSERT_TRUE(there);
    EXPECT_EQ(there->mainFile, QDir(moved.path()).filePath(QStringLiteral("captures/app.trace")));
}

// The error sessionFromJson gives for `json`.
std::string jsonError(const QByteArray& json)
{
    QString error;
    EXPECT_FALSE(sessionFromJson(json, QDir::temp(), &error));
    return error.toStdString();
}

// A valid session's JSON with `from` replaced by `to`.
QByteArray edited(const char* from, const char* to)
{
    QByteArray json = sessionToJson(fullSession(QDir::temp()), QDir::temp());
    EXPECT_TRUE(json.contains(from)) << from;
    return json.replace(from, to);
}

TEST(SessionFile, RefusesWhatItCannotReadWithWhereAndWhy)
{
    EXPECT_EQ(jsonError("{\"format\": \"goroscope-session\", \"version\": 1,"), "at byte 45: unterminated object");
    EXPECT_EQ(jsonError("[1, 2]"), "expected a JSON object");
    EXPECT_EQ(jsonError(edited("\"version\": 1", "\"version\": 2")),
              "version: version 2 is not supported (this Goroscope reads version 1)");
    EXPECT_EQ(jsonError(edited("\"goroscope-session\"", "\"something-else\"")), "format: not a Goroscope session");
    EXPECT_EQ(jsonError(edited("\"tab\": 0", "\"tab\": \"zero\"")), "trace.bookmarks[0].place.tab: expected an integer");
    EXPECT_EQ(jsonError(edited("\"tab\": 2", "\"tab\": 2.5")), "trace.place.tab: expected an integer");
    EXPECT_EQ(jsonError(edited("\"notes\"", "\"note\"")), "notes: missing");
    EXPECT_EQ(jsonError(edited("\"ever-state\"", "\"sometimes\"")), "trace.conditions[0].kind: unknown value \"sometimes\"");
    EXPECT_EQ(jsonError(edited("\"10ms\"", "\"10 parsecs\"")).rfind("trace.conditions[1].values[0]: ", 0), 0u);
    EXPECT_EQ(jsonError(edited("\"main\\\\.\"", "\"main(\"")).rfind("profile.filters[0].pattern: ", 0), 0u);
    EXPECT_EQ(jsonError(edited("\"main\": \"captures/app.trace\"", "\"main\": \"\"")), "files.main: empty");
}

TEST(SessionFile, FileErrorsNameTheSessionFile)
{
    QTemporaryDir tmp;
    const QString path = QDir(tmp.path()).filePath(QStringLiteral("bad.goroscope-session.json"));
    writeAll(path, "{\"format\": ");
    QString error;
    EXPECT_FALSE(readSessionFile(path, &error));
    EXPECT_EQ(error.toStdString(), path.toStdString() + ": at byte 11: unterminated object");
    EXPECT_FALSE(readSessionFile(path + QStringLiteral(".gone"), &error));
    EXPECT_TRUE(error.startsWith(path + QStringLiteral(".gone: "))) << error.toStdString();
}

TEST(SessionFile, IsRecognisedBySuffixOrContent)
{
    QTemporaryDir tmp;
    const QDir dir(tmp.path());
    const QString renamed = dir.filePath(QStringLiteral("investigation.json"));
    ASSERT_FALSE(writeSessionFile(renamed, fullSession(dir)));
    EXPECT_TRUE(isSessionFile(renamed));
    EXPECT_TRUE(isSessionFile(dir.filePath(QStringLiteral("not-yet-written.goroscope-session.json"))));
    EXPECT_FALSE(isSessionFile(test::fixturePath("pprof/cpu.pb.gz")));
    EXPECT_FALSE(isSessionFile(test::fixturePath("linked/linked_dump.txt")));
    EXPECT_EQ(sessionName(QStringLiteral("/x/incident-42.goroscope-session.json")), QStringLiteral("incident-42"));
}

TEST(SessionFile, AFailedSaveLeavesThePreviousFileWhole)
{
    QTemporaryDir tmp;
    const QDir dir(tmp.path());
    const QString path = dir.filePath(QStringLiteral("s.goroscope-session.json"));
    SessionFile first = fullSession(dir);
    ASSERT_FALSE(writeSessionFile(path, first));
    const QByteArray good = readAll(path);

    // A save that runs out of room half-way (the file size limit stands in for a full disk; it
    // holds for root too, unlike permissions): the error names the file, the old content stays,
    // no temporary file is left behind.
    SessionFile second = first;
    second.notes = QString(64 * 1024, QLatin1Char('x'));
    rlimit saved {};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
    auto* previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 4096;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    const std::optional<QString> error = writeSessionFile(path, second);
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->startsWith(path + QStringLiteral(": "))) << error->toStdString();
    EXPECT_EQ(readAll(path), good);
    EXPECT_EQ(dir.entryList(QDir::Files | QDir::Hidden), QStringList {QFileInfo(path).fileName()});

    // A folder that does not exist: an error, and nothing written.
    const QString nowhere = dir.filePath(QStringLiteral("missing/s.goroscope-session.json"));
    ASSERT_TRUE(writeSessionFile(nowhere, second));
    EXPECT_FALSE(QFile::exists(nowhere));

    // A save that succeeds replaces the content whole.
    ASSERT_FALSE(writeSessionFile(path, second));
    EXPECT_EQ(readAll(path), sessionToJson(second, dir));
}

// A main window with spies on its loads.
struct LoadingWindow
{
    MainWindow window;
    QSignalSpy finished{&window, &MainWindow::loadFinished};
    QSignalSpy failed{&window, &MainWindow::loadFailed};

    // Waits for the window's current load; false (with the error) if it failed.
    ::testing::AssertionResult waitLoaded()
    {
        if (QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kTimeoutMs)
            && failed.isEmpty()) {
            finished.clear();
            return ::testing::AssertionSuccess();
        }
        return ::testing::AssertionFailure()
            << (failed.isEmpty() ? "timeout" : failed.first().first().toString().toStdString());
    }
    ::testing::AssertionResult open(const char* fixture)
    {
        window.openFile(test::fixturePath(fixture));
        return waitLoaded();
    }
};

// The row of the first goroutine of `trace` started by `function`.
GoroutineRow rowStartedBy(const EventStore& store, std::string_view function)
{
    const TraceData& trace = *store.trace;
    for (GoroutineRow r = 0; r < trace.goroutines.size(); ++r) {
        const Goroutine& g = trace.goroutines[r];
        if (g.hasStartFunction() && store.symbols.functionName(g.startFunction) == function)
            return r;
    }
    return kNoRow;
}

int64_t idOf(const MainWindow& window, GoroutineRow row)
{
    return row == kNoRow ? kNoGoroutineId : window.tracePage()->store()->trace->goroutines[row].id;
}

class SessionRestore : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(tmp.isValid());
        sessionPath = QDir(tmp.path()).filePath(QStringLiteral("leak.goroscope-session.json"));
    }

    QTemporaryDir tmp;
    QString sessionPath;
};

TEST_F(SessionRestore, ATraceInvestigationComesBackWhole)
{
    LoadingWindow loading;
    ASSERT_TRUE(loading.open("linked/linked.trace"));
    MainWindow& window = loading.window;
    window.openBesideFile(test::fixturePath("linked/linked_dump.txt"));
    ASSERT_TRUE(loading.waitLoaded());

    ui::TracePage* page = window.tracePage();
    ui::TraceSession* trace = page->session();
    trace->addCondition(ui::ConditionKind::EverState, "waiting");
    trace->addCondition(ui::ConditionKind::StackRegex, "main\\.linked");
    const GoroutineRow row = rowStartedBy(*page->store(), "main.linkedReceiver");
    ASSERT_NE(row, kNoRow);
    const auto [first, end] = page->store()->trace->spans.rowRange(row);
    ASSERT_GE(end - first, 2u);
    trace->setSelectedSpan(ui::SpanRef {row, first + 1});
    const TimeNs spanStart = page->store()->trace->spans.startOf(first + 1);
    ui::TraceNavigator* navigator = page->navigator();
    ASSERT_EQ(navigator->bookmarks()->add(QStringLiteral("first receiver"), navigator->location()), 0);
    ui::Annotation note;
    note.text = QStringLiteral("never woken");
    window.annotations()->add(note);
    window.notesDock()->editor()->setPlainText(QStringLiteral("The receivers wait for a producer that exited."));

    ASSERT_FALSE(window.sessions()->save(sessionPath));
    EXPECT_TRUE(window.windowTitle().startsWith(QStringLiteral("leak[*] ")));
    EXPECT_FALSE(window.isWindowModified());
    EXPECT_EQ(window.sessions()->recent().files().value(0), sessionPath);

    MainWindow fresh;
    QSignalSpy restored(fresh.sessions(), &SessionController::restored);
    fresh.openFile(sessionPath); // recognised as a session, not loaded as a capture
    ASSERT_TRUE(restored.wait(kTimeoutMs)) << takeErrorDialog(fresh).toStdString();

    ui::TracePage* back = fresh.tracePage();
    ASSERT_TRUE(back->store());
    EXPECT_EQ(fresh.currentPage(), back);
    EXPECT_EQ(back->session()->conditions(), trace->conditions());
    EXPECT_EQ(idOf(fresh, back->session()->selectedGoroutine()), idOf(window, row));
    ASSERT_TRUE(back->session()->selectedSpan());
    EXPECT_EQ(back->store()->trace->spans.startOf(back->session()->selectedSpan()->span), spanStart);
    ASSERT_EQ(back->navigator()->bookmarks()->count(), 1);
    const ui::Bookmark& bookmark = back->navigator()->bookmarks()->list()[0];
    EXPECT_EQ(bookmark.name, QStringLiteral("first receiver"));
    EXPECT_EQ(idOf(fresh, bookmark.location.goroutine), idOf(window, row));
    EXPECT_EQ(bookmark.location.startNs, navigator->bookmarks()->list()[0].location.startNs);
    ASSERT_EQ(fresh.annotations()->annotations().size(), 1u);
    EXPECT_EQ(fresh.annotations()->annotations()[0].text, QStringLiteral("never woken"));
    EXPECT_EQ(fresh.investigationNotes(), QStringLiteral("The receivers wait for a producer that exited."));
    EXPECT_TRUE(fresh.notesDock()->isVisibleTo(&fresh));
    ASSERT_TRUE(back->linkedDumpTab());
    EXPECT_EQ(QString::fromStdString(back->linkedDumpTab()->dump()->sourcePath),
              test::fixturePath("linked/linked_dump.txt"));

    // The title names the session; a change worth saving marks it.
    EXPECT_TRUE(fresh.windowTitle().startsWith(QStringLiteral("leak[*] \u2014 linked.trace")));
    EXPECT_FALSE(fresh.isWindowModified());
    back->session()->addCondition(ui::ConditionKind::MinDuration, "1ms");
    EXPECT_TRUE(fresh.isWindowModified());
}

TEST_F(SessionRestore, AProfileComesBackWithItsQueryAndBase)
{
    LoadingWindow loading;
    ASSERT_TRUE(loading.open("pprof/heap.pb.gz"));
    MainWindow& window = loading.window;
    window.openBaseFile(test::fixturePath("pprof/heap.pb.gz"));
    ASSERT_TRUE(loading.waitLoaded());
    ui::ProfileSession* profile = window.session();
    const std::vector<ValueType>& types = profile->store()->profile->sampleTypes;
    ASSERT_GE(types.size(), 2u);
    profile->setSampleType(1);
    profile->addFilter({ui::FilterKind::Hide, "runtime\\."});
    profile->showSandwich("main.main");
    ASSERT_FALSE(window.sessions()->save(sessionPath));

    MainWindow fresh;
    QSignalSpy restored(fresh.sessions(), &SessionController::restored);
    fresh.openFile(sessionPath);
    ASSERT_TRUE(restored.wait(kTimeoutMs)) << takeErrorDialog(fresh).toStdString();
    ui::ProfileSession* back = fresh.session();
    EXPECT_EQ(back->sampleType(), 1u);
    EXPECT_EQ(back->filters(), profile->filters());
    EXPECT_EQ(back->mode(), ui::ViewMode::Sandwich);
    EXPECT_EQ(back->pivot(), "main.main");
    ASSERT_TRUE(back->base());
    EXPECT_EQ(QString::fromStdString(back->base()->sourcePath), test::fixturePath("pprof/heap.pb.gz"));
}

TEST_F(SessionRestore, ATraceComesBackComparedWithItsBase)
{
    LoadingWindow loading;
    ASSERT_TRUE(loading.open("trace/go127_sched.trace"));
    MainWindow& window = loading.window;
    window.openBaseFile(test::fixturePath("trace/go126_sched.trace"));
    ASSERT_TRUE(loading.waitLoaded());
    ASSERT_TRUE(window.tracePage()->base());
    ASSERT_FALSE(window.sessions()->save(sessionPath));

    MainWindow fresh;
    QSignalSpy restored(fresh.sessions(), &SessionController::restored);
    fresh.openFile(sessionPath);
    ASSERT_TRUE(restored.wait(kTimeoutMs)) << takeErrorDialog(fresh).toStdString();
    const StorePtr base = fresh.tracePage()->base();
    ASSERT_TRUE(base);
    EXPECT_EQ(QString::fromStdString(base->sourcePath), test::fixturePath("trace/go126_sched.trace"));
    EXPECT_TRUE(fresh.tracePage()->compareTab());
}

TEST_F(SessionRestore, AMissingCaptureIsOneErrorAndNothingChanges)
{
    QTemporaryDir elsewhere;
    SessionFile session;
    session.mainFile = QDir(elsewhere.path()).filePath(QStringLiteral("gone.trace"));
    ASSERT_FALSE(writeSessionFile(sessionPath, session));

    LoadingWindow loading;
    ASSERT_TRUE(loading.open("pprof/cpu.pb.gz"));
    MainWindow& window = loading.window;
    const StorePtr before = window.store();
    window.notesDock()->editor()->setPlainText(QStringLiteral("mine"));

    QSignalSpy sessionFailed(window.sessions(), &SessionController::failed);
    QString asked;
    test::answerUnsavedWorkPrompt(QMessageBox::Discard, &asked); // keeps the notes: nothing is cleared
    window.openFile(sessionPath);
    EXPECT_FALSE(asked.isEmpty()) << "opening a session over unsaved notes asks first";
    ASSERT_EQ(sessionFailed.size(), 1);
    EXPECT_EQ(sessionFailed.first().first().toString(),
              sessionPath + QStringLiteral(": the capture ") + session.mainFile + QStringLiteral(" does not exist"));
    EXPECT_EQ(takeErrorDialog(window), sessionFailed.first().first().toString());
    EXPECT_FALSE(window.isLoading());
    EXPECT_EQ(window.store(), before);
    EXPECT_EQ(window.investigationNotes(), QStringLiteral("mine"));
    EXPECT_TRUE(window.sessions()->path().isEmpty());
}

TEST_F(SessionRestore, AMalformedSessionIsOneErrorWithTheOffset)
{
    writeAll(sessionPath, "{\"format\": \"goroscope-session\" \"version\": 1}");
    MainWindow window;
    QSignalSpy sessionFailed(window.sessions(), &SessionController::failed);
    window.openFile(sessionPath);
    ASSERT_EQ(sessionFailed.size(), 1);
    EXPECT_EQ(sessionFailed.first().first().toString().toStdString(),
              sessionPath.toStdString() + ": at byte 32: unterminated object");
    EXPECT_EQ(takeErrorDialog(window), sessionFailed.first().first().toString());
    EXPECT_FALSE(window.store());
    EXPECT_FALSE(window.isLoading());
}

TEST_F(SessionRestore, RecentSessionsAreOnTheWelcomeScreen)
{
    {
        LoadingWindow loading;
        ASSERT_TRUE(loading.open("pprof/cpu.pb.gz"));
        ASSERT_FALSE(loading.window.sessions()->save(sessionPath));
    }
    MainWindow window;
    window.resize(900, 600);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_EQ(window.sessions()->recent().files().value(0), sessionPath);
    QString welcome;
    for (const QLabel* label : window.currentPage()->findChildren<QLabel*>())
        welcome += label->text();
    EXPECT_TRUE(welcome.contains(QStringLiteral("<b>Recent sessions</b>")));
    EXPECT_TRUE(welcome.contains(QStringLiteral(">leak</a>")));
    EXPECT_LT(welcome.indexOf(QStringLiteral("Recent sessions")), welcome.indexOf(QStringLiteral("Recent files")));
    test::saveRender(window, "welcome_recent_sessions");
}

} // namespace
} // namespace gs::app
