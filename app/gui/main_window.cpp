// SPDX-License-Identifier: MIT
#include "app/gui/main_window.h"
#include "app/gui/shortcuts_dialog.h"

#include "app/gui/capture_controller.h"
#include "app/gui/notes_dock.h"
#include "app/gui/report_export.h"
#include "app/gui/session_controller.h"
#include "app/gui/session_file.h"
#include "app/gui/window_annotations.h"
#include "app/gui/window_export.h"
#include "widgets/annotations/annotation_set.h"
#include "widgets/annotations/annotation_tools.h"
#include "widgets/common/capture_display.h"
#include "widgets/common/paint_in_turns.h"
#include "widgets/common/theme.h"
#include "widgets/common/value_format.h"
#include "widgets/dump/dump_page.h"
#include "widgets/findings/finding_navigation.h"
#include "widgets/findings/findings_panel.h"
#include "widgets/load/file_loader.h"
#include "widgets/navigation/bookmarks.h"
#include "widgets/navigation/bookmarks_dialog.h"
#include "widgets/navigation/mouse_back_forward.h"
#include "widgets/plots/gc_plot.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"
#include "widgets/trace/trace_navigator.h"
#include "widgets/trace/trace_page.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace gs::app {

namespace {

// The height the findings dock opens at: a handful of findings and the selected one's details.
constexpr int kFindingsDockHeight = 150;

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kLastDirKey = QStringLiteral("lastDirectory");
// The usual names of execution traces, for the file dialogs' filters.
const QString kTracePatterns = QStringLiteral("*.trace *.out *.trace.gz");

// A file's name for labels, titles and messages: any file name, so shown as capture text.
QString fileNameOf(const QString& path)
{
    return ui::captureText(QFileInfo(path).fileName());
}

// The first local file among dropped URLs, or empty.
QString droppedFile(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile())
            return url.toLocalFile();
    }
    return {};
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_session(new ui::ProfileSession(this))
    , m_annotations(new ui::AnnotationSet(this))
    , m_loader(new ui::FileLoader(this))
{
    setWindowTitle(tr("Goroscope"));
    setAcceptDrops(true);
    m_page = new ui::ProfilePage(m_session, this);
    m_tracePage = new ui::TracePage(this);
    m_dumpPage = new ui::DumpPage(m_page, m_session, this);
    m_gcPage = new ui::GcPlot(this);
    m_welcome = createWelcome();
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_dumpPage);
    m_stack->addWidget(m_tracePage);
    m_stack->addWidget(m_gcPage);
    setCentralWidget(m_stack);
    m_notes = new NotesDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_notes);
    m_notes->hide(); // until asked for (or restoreState shows it again)
    createFindingsDock();
    m_sessions = new SessionController(this);
    connect(m_sessions, &SessionController::pathChanged, this, &MainWindow::updateTitle);
    connect(m_sessions, &SessionController::modifiedChanged, this, &MainWindow::setWindowModified);
    connect(m_sessions, &SessionController::restored, this, [this](const QString& path) {
        updateWelcomeRecent();
        statusBar()->showMessage(tr("Session %1 restored").arg(sessionName(path)), 5000);
    });
    connect(m_sessions, &SessionController::failed, this,
            [this](const QString& message) { showError(tr("Could not open the session"), message); });
    createMenus();
    createStatusBar();
    updateWelcomeRecent();

    connect(m_loader, &ui::FileLoader::progressChanged, this,
            [this](double fraction) {
                // Every byte is read; what remains (ordering the last events, indexes) has no byte count,
                // so the bar turns into a busy indicator rather than sitting at 100%.
                if (fraction >= 1.0 && m_progress->maximum() != 0) {
                    m_progress->setRange(0, 0);
                    m_loadLabel->setText(tr("Finishing %1…").arg(fileNameOf(m_loader->path())));
                } else if (fraction < 1.0) {
                    m_progress->setValue(int(fraction * 1000));
                }
            });
    connect(m_loader, &ui::FileLoader::loadFinished, this, &MainWindow::onLoaded);
    // Queued after the handlers that show the file, so that the next load sees it open.
    connect(this, &MainWindow::loadFinished, this, &MainWindow::openNextQueued, Qt::QueuedConnection);
    connect(this, &MainWindow::loadFailed, this, [this] {
        m_queuedFiles.clear();
        m_queuedBase.clear();
    });
    connect(m_loader, &ui::FileLoader::loadFailed, this, [this](const QString& message) { onLoadFailed(message); });
    connect(m_loader, &ui::FileLoader::loadCancelled, this, [this](const QString& path) {
        setLoadingUi(false);
        statusBar()->showMessage(tr("Cancelled loading %1").arg(fileNameOf(path)), 5000);
    });
    connect(m_session, &ui::ProfileSession::resultChanged, this, &MainWindow::updateSummary);
    connect(m_session, &ui::ProfileSession::profilesMerged, this, &MainWindow::onProfilesMerged);
    connect(m_session, &ui::ProfileSession::mergeFailed, this, [this](const QString& message) {
        showError(tr("Could not merge the profiles"), message);
    });
    const auto baseChanged = [this] {
        m_clearBaseAction->setEnabled(m_session->base() || m_tracePage->base());
        updateSummary();
        updateFindings();
    };
    connect(m_session, &ui::ProfileSession::baseChanged, this, baseChanged);
    connect(m_tracePage, &ui::TracePage::baseChanged, this, baseChanged);

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        fitToScreen();
    restoreState(settings.value(kStateKey).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::fitToScreen()
{
    // The first run: nearly the whole screen, centred; a timeline wants every row it can get.
    const QScreen* screen = QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize size = available.size() * 0.92;
    setGeometry(QRect(available.topLeft() + QPoint((available.width() - size.width()) / 2,
                                                   (available.height() - size.height()) / 2),
                      size));
}

const StorePtr& MainWindow::store() const
{
    if (m_stack->currentWidget() == m_gcPage)
        return m_gcPage->store();
    return m_stack->currentWidget() == m_tracePage ? m_tracePage->store() : m_session->store();
}

QWidget* MainWindow::currentPage() const
{
    return m_stack->currentWidget();
}

bool MainWindow::isLoading() const
{
    return m_loader->isLoading();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open…"), this,
                                    &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this,
            [this] { fillRecentMenu(m_recentMenu, m_recent, tr("No recent files")); });
    m_capture = new CaptureController(this);
    file->addAction(m_capture->action());
    createSessionActions(file);
    file->addSeparator();
    m_compareAction = file->addAction(tr("&Compare with Base…"), this, [this] { chooseBaseFile(); });
    m_compareAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+O")));
    m_compareAction->setToolTip(tr("Show the differences from a base capture (pprof's -diff_base)"));
    m_compareAction->setEnabled(false);
    m_subtractAction = file->addAction(tr("S&ubtract Base…"), this, [this] { chooseBaseFile(true); });
    m_subtractAction->setToolTip(tr("Subtract a base profile and show the difference as a profile (pprof's -base)"));
    m_subtractAction->setEnabled(false);
    m_addAction = file->addAction(tr("&Add to Profile…"), this, &MainWindow::chooseAddFile);
    m_addAction->setToolTip(tr("Merge another profile of the same type into the open one, as pprof merges several files"));
    m_addAction->setEnabled(false);
    m_clearBaseAction = file->addAction(tr("Stop Comparing"), this, [this] {
        if (m_stack->currentWidget() == m_tracePage)
            m_tracePage->clearBase();
        else
            m_session->clearBase();
    });
    m_clearBaseAction->setEnabled(false);
    m_besideAction = file->addAction(tr("Open &Beside Trace…"), this, &MainWindow::chooseBesideFile);
    m_besideAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+O")));
    m_besideAction->setToolTip(tr("Open a pprof profile or goroutine dump of the same program, linked to the trace by goroutine"));
    m_besideAction->setEnabled(false);
    file->addSeparator();
    m_export = new WindowExport(this);
    file->addAction(m_export->exportAction());
    file->addAction(m_export->quickPngAction());
    file->addAction(m_export->copyAction());
    m_report = new ReportExport(this);
    file->addAction(m_report->action());
    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(open);
    toolbar->addAction(m_export->exportAction());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_annotate = new WindowAnnotations(this);
    menuBar()->addMenu(m_annotate->editMenu());
    toolbar->addSeparator();
    toolbar->addActions(m_annotate->tools()->actions());

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    fillViewMenu();

    createGoMenu();
    createWindowMenu();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    // "?" as typed: Qt matches the character whatever the layout needs to type it; text fields
    // take it as text first.
    shortcuts->setShortcuts({QKeySequence(QStringLiteral("?")), QKeySequence(QStringLiteral("F1"))});
    help->addAction(tr("&About Goroscope"), this, &MainWindow::showAbout);
}

void MainWindow::fillViewMenu()
{
    // The shown page's own entries: the profile page's modes and zoom, the trace page's panes.
    m_viewMenu->clear();
    const QList<QAction*> actions = m_stack->currentWidget() == m_tracePage ? m_tracePage->viewActions()
                                                                             : m_page->viewActions();
    for (QAction* a : actions) {
        if (a)
            m_viewMenu->addAction(a);
        else
            m_viewMenu->addSeparator();
    }
    m_viewMenu->menuAction()->setEnabled(m_stack->currentWidget() == m_dumpPage
                                         || m_stack->currentWidget() == m_tracePage);
}

void MainWindow::showShortcuts()
{
    auto* dialog = findChild<ShortcutsDialog*>();
    if (!dialog) {
        dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::createGoMenu()
{
    // The trace page's history: its actions are shared with the page's toolbar, and are disabled
    // (no history) whatever else is open.
    ui::TraceNavigator* navigator = m_tracePage->navigator();
    QMenu* go = menuBar()->addMenu(tr("&Go"));
    go->addAction(navigator->backAction());
    go->addAction(navigator->forwardAction());
    go->addSeparator();
    m_addBookmarkAction = go->addAction(tr("Add &Bookmark…"), this, &MainWindow::addBookmark);
    m_addBookmarkAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+D")));
    m_addBookmarkAction->setEnabled(false);
    m_bookmarksMenu = go->addMenu(tr("B&ookmarks"));
    connect(navigator->bookmarks(), &ui::Bookmarks::changed, this, &MainWindow::rebuildBookmarksMenu);
    rebuildBookmarksMenu();
    new ui::MouseBackForward(this, navigator->backAction(), navigator->forwardAction());
}

void MainWindow::rebuildBookmarksMenu()
{
    ui::TraceNavigator* navigator = m_tracePage->navigator();
    m_bookmarksMenu->clear();
    const std::vector<ui::Bookmark>& list = navigator->bookmarks()->list();
    for (int i = 0; i < int(list.size()); ++i) {
        const ui::Bookmark& b = list[size_t(i)];
        // A name may hold capture text (the default one describes the place) or an "&".
        QAction* a = m_bookmarksMenu->addAction(ui::captureMenuText(b.name), navigator, [navigator, i] { navigator->goToBookmark(i); });
        a->setStatusTip(navigator->describe(b.location));
    }
    if (list.empty())
        m_bookmarksMenu->addAction(tr("No bookmarks"))->setEnabled(false);
    m_bookmarksMenu->addSeparator();
    QAction* manage = m_bookmarksMenu->addAction(tr("&Manage Bookmarks…"), this, &MainWindow::manageBookmarks);
    manage->setEnabled(!list.empty());
}

void MainWindow::addBookmark()
{
    // What is shown when Ctrl+D is pressed, named once the user has typed (the dialog does not block).
    ui::TraceNavigator* navigator = m_tracePage->navigator();
    const ui::NavLocation location = navigator->location();
    const StorePtr trace = m_tracePage->store();
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("addBookmarkDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add Bookmark"));
    dialog->setLabelText(tr("Bookmark name:"));
    dialog->setTextValue(navigator->describe(location));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, navigator, location, trace](const QString& name) {
        // A trace opened meanwhile has its own bookmarks; this location belongs to the old one.
        if (m_tracePage->store() == trace)
            navigator->bookmarks()->add(name, location);
    });
    dialog->open();
}

void MainWindow::manageBookmarks()
{
    auto* dialog = findChild<ui::BookmarksDialog*>();
    if (!dialog) {
        ui::TraceNavigator* navigator = m_tracePage->navigator();
        dialog = new ui::BookmarksDialog(navigator->bookmarks(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ui::BookmarksDialog::goToRequested, navigator, &ui::TraceNavigator::goToBookmark);
    }
    // Not modal: going to a bookmark and looking around with the list still open is the point.
    if (dialog->isVisible())
        dialog->raise();
    dialog->show();
    dialog->activateWindow();
}

void MainWindow::createSessionActions(QMenu* file)
{
    file->addSeparator();
    file->addAction(tr("Open &Session…"), this, &MainWindow::chooseSession);
    m_recentSessionsMenu = file->addMenu(tr("Recent Sess&ions"));
    connect(m_recentSessionsMenu, &QMenu::aboutToShow, this,
            [this] { fillRecentMenu(m_recentSessionsMenu, m_sessions->recent(), tr("No recent sessions")); });
    m_saveSessionAction = file->addAction(tr("&Save Session"), this, &MainWindow::saveSession);
    m_saveSessionAction->setShortcut(QKeySequence::Save);
    m_saveSessionAction->setToolTip(tr("Save the open files, filters, selection, bookmarks, annotations and notes"));
    m_saveSessionAction->setEnabled(false);
    // No shortcut: the platform's Save As key (Ctrl+Shift+S) is Export's.
    m_saveSessionAsAction = file->addAction(tr("Save Session &As…"), this, &MainWindow::saveSessionAs);
    m_saveSessionAsAction->setEnabled(false);
}

void MainWindow::createWindowMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&Window"));
    QAction* notes = m_notes->toggleViewAction();
    notes->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+N")));
    menu->addAction(notes);
    QAction* findings = m_findingsDock->toggleViewAction();
    findings->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+I")));
    findings->setToolTip(tr("What stands out in the capture, most severe first (Ctrl+Shift+I)"));
    menu->addAction(findings);
    menu->addSeparator();
    // Look and feel, remembered between runs (main() applies them before the window exists).
    QMenu* theme = menu->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    for (const auto& [t, name] : {std::pair{ui::Theme::System, tr("Follow the &System")},
                                  std::pair{ui::Theme::Light, tr("&Light")}, std::pair{ui::Theme::Dark, tr("&Dark")}}) {
        QAction* a = theme->addAction(name, this, [t] {
            ui::applyTheme(t);
            ui::saveTheme(t);
        });
        a->setCheckable(true);
        a->setChecked(t == ui::savedTheme());
        a->setObjectName(QStringLiteral("theme%1").arg(int(t)));
        themes->addAction(a);
    }
    const auto resize = [](int step) {
        const int now = QApplication::font().pointSize();
        const int points = step == 0 ? 0 : std::clamp(now + step, 6, 32);
        ui::applyFontPointSize(points);
        ui::saveFontPointSize(points);
    };
    menu->addAction(tr("&Larger Text"), this, [resize] { resize(1); })->setShortcuts({QKeySequence::ZoomIn, QKeySequence(QStringLiteral("Ctrl+="))});
    menu->addAction(tr("&Smaller Text"), this, [resize] { resize(-1); })->setShortcut(QKeySequence::ZoomOut);
    menu->addAction(tr("&Default Text Size"), this, [resize] { resize(0); })->setShortcut(QKeySequence(QStringLiteral("Ctrl+0")));
}

void MainWindow::createFindingsDock()
{
    m_findings = new ui::FindingsPanel;
    m_findingsDock = new QDockWidget(tr("Findings"), this);
    m_findingsDock->setObjectName(QStringLiteral("findingsDock")); // for saveState()/restoreState()
    m_findingsDock->setWidget(m_findings);
    // Under the page, not beside it: the trace page needs nearly all of a 1400-pixel width.
    addDockWidget(Qt::BottomDockWidgetArea, m_findingsDock);
    m_findingsDock->hide(); // until a capture opens
    // Whichever page holds the capture takes the finding; the trace page's visits go through its
    // navigator, so Back returns from them.
    const auto views = [this] { return ui::FindingViews {m_tracePage, m_dumpPage, m_session}; };
    connect(m_findings, &ui::FindingsPanel::findingActivated, this,
            [views](const Finding& finding) { ui::showFinding(views(), finding); });
    connect(m_findings, &ui::FindingsPanel::goroutineActivated, this,
            [views](int64_t id) { ui::showGoroutine(views(), id); });
    connect(m_findings, &ui::FindingsPanel::functionActivated, this,
            [views](const QString& function) { ui::showFunction(views(), function); });
}

void MainWindow::updateFindings()
{
    // The dump itself, not the filtered subset its panel may have handed the session.
    const bool trace = m_tracePage->store() != nullptr;
    const StorePtr capture = trace                ? m_tracePage->store()
                             : m_dumpPage->dump() ? m_dumpPage->dump()
                             : m_session->store() ? m_session->store()
                                                  : m_gcPage->store();
    m_findings->setCapture(capture, trace ? nullptr : m_session->base());
}

QString MainWindow::investigationNotes() const
{
    return m_notes->text();
}

void MainWindow::chooseSession()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Session"), dialogDirectory(),
                                                      tr("Goroscope sessions (*%1);;All files (*)").arg(kSessionSuffix));
    if (!path.isEmpty())
        m_sessions->open(path);
}

void MainWindow::saveSession()
{
    if (m_sessions->path().isEmpty()) {
        saveSessionAs();
        return;
    }
    if (const auto error = m_sessions->save(m_sessions->path())) {
        showError(tr("Could not save the session"), *error);
        return;
    }
    updateWelcomeRecent();
    statusBar()->showMessage(tr("Session saved to %1").arg(m_sessions->path()), 5000);
}

void MainWindow::saveSessionAs()
{
    // Next to the capture, named after it, unless the session already has a file.
    const QString suggested = m_sessions->path().isEmpty()
        ? QFileInfo(m_currentPath).absolutePath() + QLatin1Char('/') + QFileInfo(m_currentPath).baseName() + kSessionSuffix
        : m_sessions->path();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Session"), suggested,
                                                tr("Goroscope sessions (*%1)").arg(kSessionSuffix));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        path += kSessionSuffix;
    if (const auto error = m_sessions->save(path)) {
        showError(tr("Could not save the session"), *error);
        return;
    }
    updateWelcomeRecent();
    statusBar()->showMessage(tr("Session saved to %1").arg(path), 5000);
}

void MainWindow::updateTitle()
{
    // "incident-42[*] — cpu.pb.gz — Goroscope": the session, the capture, the application; Qt
    // shows the session's modified mark where [*] is.
    QStringList parts;
    if (!m_sessions->path().isEmpty())
        parts << sessionName(m_sessions->path()) + QStringLiteral("[*]");
    if (!m_currentPath.isEmpty()) {
        const bool merged = m_session->store() && m_session->profileCount() > 1;
        parts << (merged ? tr("%1 (%2 profiles merged)").arg(fileNameOf(m_currentPath)).arg(m_session->profileCount())
                         : fileNameOf(m_currentPath));
    }
    parts << tr("Goroscope");
    setWindowTitle(parts.join(QStringLiteral(" \u2014 ")));
}

void MainWindow::createStatusBar()
{
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_warnings = new QToolButton(this);
    m_warnings->setObjectName(QStringLiteral("warningsButton"));
    m_warnings->setAutoRaise(true);
    m_warnings->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_warnings->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_warnings->setVisible(false);
    m_loadLabel = new QLabel(this);
    m_loadLabel->setTextFormat(Qt::PlainText);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(false);
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop loading (the current file stays open)"));
    connect(m_cancel, &QToolButton::clicked, this, &MainWindow::cancelLoad);
    statusBar()->addWidget(m_summary, 1);
    statusBar()->addPermanentWidget(m_warnings);
    statusBar()->addPermanentWidget(m_loadLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    setLoadingUi(false);
    connect(m_warnings, &QToolButton::clicked, this, [this] {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Warnings"), m_warningText, QMessageBox::Close, this);
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

QWidget* MainWindow::createWelcome()
{
    auto* page = new QWidget(this);
    auto* title = new QLabel(tr("<h2>Goroscope</h2>"
                                "<p>Opens what a Go program leaves behind:</p>"
                                "<p>execution traces (<tt>go test -trace</tt>, <tt>/debug/pprof/trace</tt>, Go 1.11 and later)"
                                "<br>pprof profiles (<tt>.pb.gz</tt>: CPU, heap, allocs, goroutine, block, mutex)"
                                "<br>goroutine dumps (<tt>/debug/pprof/goroutine?debug=1</tt> or <tt>2</tt>, panic and SIGQUIT output)"
                                "<br>folded stacks, <tt>perf script</tt> and bpftrace output, <tt>GODEBUG=gctrace=1</tt> logs"
                                "<br>and Goroscope sessions.</p>"
                                "<p>Use <b>File \u203a Open</b> (Ctrl+O), or drop a file on this window.</p>"),
                             page);
    title->setObjectName(QStringLiteral("welcomeText"));
    title->setAlignment(Qt::AlignCenter);
    auto* open = new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("Open…"), page);
    connect(open, &QPushButton::clicked, this, &MainWindow::chooseFile);
    m_welcomeRecent = new QLabel(page);
    m_welcomeRecent->setAlignment(Qt::AlignCenter);
    m_welcomeRecent->setTextFormat(Qt::RichText);
    connect(m_welcomeRecent, &QLabel::linkActivated, this, &MainWindow::openFile);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(title);
    layout->addWidget(open, 0, Qt::AlignHCenter);
    layout->addSpacing(24);
    layout->addWidget(m_welcomeRecent);
    layout->addStretch(3);
    return page;
}

QString MainWindow::dialogDirectory() const
{
    return QSettings().value(kLastDirKey).toString();
}

QString MainWindow::openFileFilters()
{
    // Every capture Goroscope reads is recognised by its content; the names are the usual ones.
    const QString traces = kTracePatterns;
    const QString profiles = QStringLiteral("*.pb.gz *.pprof *.pb *.prof");
    const QString texts = QStringLiteral("*.txt *.log *.dump *.folded *.collapsed *.stacks *.perf");
    return tr("Go captures (%1 %2 %3 *%4)").arg(traces, profiles, texts, kSessionSuffix) + QStringLiteral(";;")
           + tr("Execution traces (%1)").arg(traces) + QStringLiteral(";;") + tr("pprof profiles (%1)").arg(profiles)
           + QStringLiteral(";;")
           + tr("Goroutine dumps, folded stacks, perf script, bpftrace and gctrace output (%1)").arg(texts)
           + QStringLiteral(";;") + tr("Goroscope sessions (*%1)").arg(kSessionSuffix) + QStringLiteral(";;")
           + tr("All files (*)");
}

void MainWindow::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Capture"), dialogDirectory(), openFileFilters());
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::chooseBaseFile(bool subtract)
{
    // The base must be of the open capture's kind; "All files" too, since the loader goes by content.
    const bool trace = m_stack->currentWidget() == m_tracePage;
    const QString path = QFileDialog::getOpenFileName(
        this, trace ? tr("Compare with Base Trace") : tr("Compare with Base Profile or Dump"), dialogDirectory(),
        trace ? tr("Execution traces (%1);;All files (*)").arg(kTracePatterns)
              : tr("Go profiles and goroutine dumps (*.pb.gz *.pprof *.pb *.prof *.txt *.log);;All files (*)"));
    if (!path.isEmpty())
        openBaseFile(path, subtract);
}

void MainWindow::chooseAddFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Add to Profile"), dialogDirectory(),
                                                      tr("pprof profiles (*.pb.gz *.pprof *.pb *.prof);;All files (*)"));
    if (!path.isEmpty())
        addToProfile(path);
}

void MainWindow::chooseBesideFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Beside Trace"), dialogDirectory(),
        tr("Go profiles and goroutine dumps (*.pb.gz *.pprof *.pb *.prof *.txt *.log);;All files (*)"));
    if (!path.isEmpty())
        openBesideFile(path);
}

bool MainWindow::confirmUnsavedWork()
{
    if (!m_sessions->hasUnsavedWork())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved annotations and notes"),
                    tr("The annotations and notes are not saved in a session. Save them before going on?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedWorkDialog"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        saveSession();
        return !m_sessions->hasUnsavedWork(); // false if the save was cancelled or failed
    case QMessageBox::Discard:
        m_sessions->discardUnsavedWork();
        return true;
    default:
        return false;
    }
}

void MainWindow::openFile(const QString& path)
{
    if (!confirmUnsavedWork())
        return;
    if (isSessionFile(path))
        m_sessions->open(path);
    else
        startLoad(path, LoadTarget::Main);
}

void MainWindow::openBaseFile(const QString& path, bool subtract)
{
    if (!store())
        return;
    startLoad(path, LoadTarget::Base);
    m_subtractBase = subtract;
}

void MainWindow::addToProfile(const QString& path)
{
    if (!m_session->store())
        return;
    startLoad(path, LoadTarget::Add);
}

void MainWindow::openFiles(const QStringList& files, const QString& base)
{
    if (files.isEmpty())
        return;
    m_queuedFiles = files.mid(1);
    m_queuedBase = base;
    openFile(files.first());
}

void MainWindow::openNextQueued()
{
    if (!m_queuedFiles.isEmpty()) {
        const QString next = m_queuedFiles.takeFirst();
        if (m_tracePage->store())
            openBesideFile(next);
        else
            addToProfile(next);
    } else if (!m_queuedBase.isEmpty()) {
        openBaseFile(std::exchange(m_queuedBase, QString()));
    }
}

void MainWindow::onProfilesMerged(int count)
{
    updateFindings();
    statusBar()->showMessage(tr("%1 profiles merged").arg(count), 5000);
    updateTitle();
    updateSummary();
}

void MainWindow::openBesideFile(const QString& path)
{
    if (!m_tracePage->store())
        return;
    startLoad(path, LoadTarget::Beside);
}

void MainWindow::startLoad(const QString& path, LoadTarget target)
{
    // Cancel first: its loadCancelled must not hide the progress UI of the load about to start.
    cancelLoad();
    m_loadTarget = target;
    QSettings().setValue(kLastDirKey, QFileInfo(path).absolutePath());
    m_loadLabel->setText(target == LoadTarget::Base     ? tr("Loading base %1…").arg(fileNameOf(path))
                         : target == LoadTarget::Beside ? tr("Loading %1 beside the trace…").arg(fileNameOf(path))
                         : target == LoadTarget::Add    ? tr("Loading %1 to add…").arg(fileNameOf(path))
                                                        : tr("Loading %1…").arg(fileNameOf(path)));
    setLoadingUi(true);
    // Only the file shown needs its trace views; a base or a file beside is only compared or linked.
    m_subtractBase = false;
    m_loader->load(path, target == LoadTarget::Main ? ui::FileLoader::Views::Prepare : ui::FileLoader::Views::Skip);
}

void MainWindow::cancelLoad()
{
    m_loader->cancel();
}

void MainWindow::onLoaded(const StorePtr& store, const ui::TraceViewsPtr& views, const QString& path)
{
    setLoadingUi(false);
    if (!store->profile && !store->trace && !store->gcTrace) {
        onLoadFailed(tr("%1: this kind of capture cannot be shown yet").arg(path));
        return;
    }
    // A trace is compared with a trace of the same program (before and after a change).
    const bool traceOpen = m_stack->currentWidget() == m_tracePage;
    if (m_loadTarget == LoadTarget::Base && traceOpen != bool(store->trace)) {
        onLoadFailed(traceOpen ? tr("%1 is not an execution trace: the open trace can only be compared with another trace").arg(path)
                               : tr("%1 is an execution trace: the open capture can only be compared with one of its own kind").arg(path));
        return;
    }
    if (m_loadTarget == LoadTarget::Base && !traceOpen && !store->profile) {
        onLoadFailed(tr("%1: a comparison base must be a profile of the same kind").arg(path));
        return;
    }
    // A goroutine dump is compared with an earlier dump (the leak finder), a profile with a profile.
    if (m_loadTarget == LoadTarget::Base && bool(store->dump) != bool(m_dumpPage->dump())) {
        onLoadFailed(store->dump ? tr("%1 is a goroutine dump: the open profile can only be compared with a profile").arg(path)
                                 : tr("%1 is not a goroutine dump: the open dump can only be compared with an earlier "
                                      "goroutine dump of the same process")
                                       .arg(path));
        return;
    }
    if (m_loadTarget == LoadTarget::Add && !(store->profile && store->profile->pprof && m_session->store())) {
        onLoadFailed(tr("%1: only a pprof profile can be added to an open pprof profile").arg(path));
        return;
    }
    if (m_loadTarget == LoadTarget::Beside && !m_tracePage->openBeside(store, path)) {
        onLoadFailed(tr("%1: only a pprof profile or a goroutine dump can be opened beside a trace").arg(path));
        return;
    }
    m_recent.add(path);
    updateWelcomeRecent();
    if (m_loadTarget == LoadTarget::Beside) {
        statusBar()->showMessage(tr("%1 opened beside the trace").arg(fileNameOf(path)), 5000);
        updateWarnings(store);
    } else if (m_loadTarget == LoadTarget::Add) {
        statusBar()->showMessage(tr("Merging %1…").arg(fileNameOf(path)), 5000);
        m_session->addProfile(store);
    } else if (m_loadTarget == LoadTarget::Base) {
        if (traceOpen)
            m_tracePage->compareWith(store);
        else if (store->dump)
            m_dumpPage->setBase(store);
        else
            m_session->setBase(store, m_subtractBase ? BaseMode::Subtract : BaseMode::Compare);
        statusBar()->showMessage((m_subtractBase ? tr("Subtracting %1") : tr("Comparing with %1")).arg(fileNameOf(path)),
                                 5000);
        updateWarnings(store);
    } else {
        // The page paints in a turn of its own, after this one's set-up; a trace's slowest views each
        // get one more.
        ui::paintInTurns(QList<QWidget*>{m_stack} + (store->trace ? m_tracePage->slowPaintingViews() : QList<QWidget*>{}));
        setStore(store, path, views); // updates the warnings too
    }
    emit loadFinished(path);
}

void MainWindow::onLoadFailed(const QString& message)
{
    setLoadingUi(false);
    showError(tr("Could not open the file"), message);
    emit loadFailed(message);
}

void MainWindow::showError(const QString& title, const QString& message)
{
    auto* box = new QMessageBox(QMessageBox::Critical, title, message, QMessageBox::Ok, this);
    box->setTextFormat(Qt::PlainText); // messages quote the capture
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("errorDialog"));
    // open(), not exec(): the error must not block the event loop (or a test waiting on it).
    box->open();
    statusBar()->showMessage(message, 8000);
}

void MainWindow::setStore(StorePtr store, const QString& path, ui::TraceViewsPtr views)
{
    m_currentPath = path;
    // A new capture starts a new investigation (a session file puts its annotations back after).
    m_annotations->replaceAll({});
    // A trace opens on the timeline page, a gctrace log on the GC page, anything with samples on
    // the profile page (with the goroutines panel for a dump).
    const bool isTrace = store && store->trace;
    const bool isGc = store && store->gcTrace && !store->profile;
    m_tracePage->setStore(isTrace ? store : nullptr, isTrace ? std::move(views) : nullptr);
    m_gcPage->setStore(isGc ? store : nullptr);
    m_session->setStore(isTrace || isGc ? nullptr : std::move(store));
    m_dumpPage->setStore(m_session->store());
    m_stack->setCurrentWidget(isTrace ? static_cast<QWidget*>(m_tracePage)
                              : isGc ? static_cast<QWidget*>(m_gcPage)
                              : m_session->store() ? static_cast<QWidget*>(m_dumpPage)
                                                   : m_welcome);
    m_compareAction->setEnabled(m_session->store() != nullptr || isTrace);
    const bool pprof = m_session->store() && m_session->store()->profile && m_session->store()->profile->pprof;
    m_subtractAction->setEnabled(pprof);
    m_addAction->setEnabled(pprof);
    m_besideAction->setEnabled(isTrace);
    m_addBookmarkAction->setEnabled(isTrace);
    fillViewMenu();
    m_export->setEnabled(this->store() != nullptr);
    m_report->setEnabled(this->store() != nullptr);
    setWindowFilePath(path);
    m_saveSessionAction->setEnabled(!path.isEmpty());
    m_saveSessionAsAction->setEnabled(!path.isEmpty());
    updateTitle();
    updateWarnings(this->store());
    updateSummary();
    updateFindings();
    if (this->store() && !m_findingsDock->isVisible()) {
        m_findingsDock->show();
        // Room for a few findings and their details; the dock's own minimum is one line.
        resizeDocks({m_findingsDock}, {kFindingsDockHeight}, Qt::Vertical);
    }
}

void MainWindow::setLoadingUi(bool loading)
{
    m_loadLabel->setVisible(loading);
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    if (loading) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(0);
    }
}

void MainWindow::updateWarnings(const StorePtr& store)
{
    const StorePtr& current = this->store();
    QStringList lines;
    for (const StorePtr& s : {current, m_session->base(), m_tracePage->base()}) {
        if (!s)
            continue;
        for (const std::string& w : s->warnings)
            lines << fileNameOf(QString::fromStdString(s->sourcePath)) + QStringLiteral(": ") + QString::fromStdString(w);
    }
    m_warnings->setVisible(!lines.isEmpty());
    m_warnings->setText(ui::formatCount(lines.size(), tr("warning"), tr("warnings")));
    m_warningText = lines.join(QLatin1Char('\n'));
    m_warnings->setToolTip(ui::plainToolTip(m_warningText));
    if (store && !store->warnings.empty())
        statusBar()->showMessage(tr("Loaded with %1; click the warning button for details")
                                     .arg(ui::formatCount(int64_t(store->warnings.size()), tr("warning"), tr("warnings"))),
                                 8000);
}

void MainWindow::updateSummary()
{
    if (const StorePtr& current = store(); current && current->trace) {
        const TraceData& trace = *current->trace;
        m_summary->setText(tr("go-trace \u00b7 Go %1 \u00b7 %2 \u00b7 %3 \u00b7 %4")
                               .arg(ui::captureText(trace.goVersion),
                                    ui::formatValue(trace.endNs - trace.startNs, "nanoseconds"),
                                    ui::formatCount(int64_t(trace.goroutines.size()), tr("goroutine"), tr("goroutines")),
                                    ui::formatCount(int64_t(trace.eventCount), tr("event"), tr("events"))));
        if (const StorePtr base = m_tracePage->base())
            m_summary->setText(m_summary->text() + tr(" \u00b7 diff vs %1").arg(fileNameOf(QString::fromStdString(base->sourcePath))));
        return;
    }
    const StorePtr& store = m_session->store();
    if (!store || !store->profile) {
        m_summary->clear();
        return;
    }
    const Profile& profile = *store->profile;
    QStringList parts;
    parts << QString::fromUtf8(formatName(store->format));
    const size_t type = m_session->sampleType();
    if (type < profile.sampleTypes.size()) {
        const ValueType& t = profile.sampleTypes[type];
        parts << ui::captureText(t.type);
        if (const auto& result = m_session->result()) {
            if (result->total != result->unfilteredTotal)
                parts << tr("showing %1 of %2 (%3)")
                             .arg(ui::formatValue(result->total, t.unit), ui::formatValue(result->unfilteredTotal, t.unit),
                                  ui::formatPercent(double(result->total) / double(result->unfilteredTotal)));
            else
                parts << tr("total %1").arg(ui::formatValue(result->total, t.unit));
        }
    }
    parts << ui::formatCount(int64_t(profile.sampleCount()), tr("sample"), tr("samples"));
    if (profile.durationNs > 0)
        parts << tr("%1 wall").arg(ui::formatValue(profile.durationNs, "nanoseconds"));
    if (const StorePtr& base = m_session->base())
        parts << tr("diff vs %1").arg(fileNameOf(QString::fromStdString(base->sourcePath)));
    m_summary->setText(parts.join(QStringLiteral("  \u00b7  ")));
}

void MainWindow::fillRecentMenu(QMenu* menu, RecentFiles& recent, const QString& emptyText)
{
    menu->clear();
    const QStringList files = recent.files();
    for (const QString& path : files) {
        QAction* a = menu->addAction(ui::captureMenuText(QFileInfo(path).fileName()), this, [this, path] { openFile(path); });
        a->setToolTip(ui::plainToolTip(ui::captureText(path)));
        a->setStatusTip(ui::captureText(path));
    }
    if (files.isEmpty()) {
        menu->addAction(emptyText)->setEnabled(false);
        return;
    }
    menu->addSeparator();
    menu->addAction(tr("Clear Menu"), this, [this, &recent] {
        recent.clear();
        updateWelcomeRecent();
    });
}

void MainWindow::updateWelcomeRecent()
{
    const auto section = [](const QString& heading, const QStringList& paths, QString (*nameOf)(const QString&)) {
        QString html;
        for (const QString& path : paths) {
            // Links carry the path (as an attribute value, escaped but otherwise whole); the label
            // shows the file name with its folder for context.
            html += QStringLiteral("<a href=\"%1\">%2</a> <span style='color:gray'>%3</span><br>")
                        .arg(path.toHtmlEscaped(), ui::captureHtml(nameOf(path)),
                             ui::captureHtml(QFileInfo(path).absolutePath()));
        }
        return html.isEmpty() ? QString() : QStringLiteral("<b>%1</b><br>%2").arg(heading, html);
    };
    const QString sessions = section(tr("Recent sessions"), m_sessions->recent().files(), sessionName);
    const QString files = section(tr("Recent files"), m_recent.files(), fileNameOf);
    m_welcomeRecent->setText(sessions.isEmpty() || files.isEmpty() ? QString(sessions + files)
                                                                   : QString(sessions + QStringLiteral("<br>") + files));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Goroscope"),
                       tr("<b>Goroscope</b> %1<br>A viewer for Go profiles, execution traces and goroutine dumps.")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = droppedFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openFile(path);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!confirmUnsavedWork()) {
        event->ignore();
        return;
    }
    cancelLoad();
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    QMainWindow::closeEvent(event);
}

} // namespace gs::app
