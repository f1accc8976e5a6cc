// SPDX-License-Identifier: MIT
#pragma once

#include "app/gui/recent_files.h"
#include "core/model/event_store.h"
#include "widgets/trace/trace_views.h"

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QStackedWidget;
class QToolButton;

namespace gs::ui {
class AnnotationSet;
class DumpPage;
class FileLoader;
class FindingsPanel;
class GcPlot;
class ProfilePage;
class TracePage;
class ProfileSession;
} // namespace gs::ui

namespace gs::app {

class CaptureController;
class NotesDock;
class SessionController;
class WindowAnnotations;
class ReportExport;
class WindowExport;

// The application window: opening files (menu, recent files, drag and drop, command line),
// background loading with progress and cancel, the profile workspace, the Go menu (back, forward
// and bookmarks of the trace page, also on the mouse's back and forward buttons), and the status
// bar summary.
// A failed or cancelled load never touches what is open.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts loading `path` in the background; the current file stays until it succeeds. A
    // session file is restored instead (SessionController::open).
    void openFile(const QString& path);
    // Loads `path` as the diff base of the current profile, dump or trace (a capture of the same
    // kind); for a profile, `subtract` uses it as pprof's -base instead of -diff_base.
    void openBaseFile(const QString& path, bool subtract = false);
    // Loads a pprof profile and merges it into the open one (File › Add to Profile…).
    void addToProfile(const QString& path);
    // The command line's files: the first opened, the others one after another merged into its
    // profile (as pprof merges several sources) or, after a trace, opened beside it; then `base`
    // (if not empty) as the diff base. A failed load drops what is still queued.
    void openFiles(const QStringList& files, const QString& base = {});
    // Loads a pprof profile or goroutine dump beside the open trace, linked to it by goroutine.
    void openBesideFile(const QString& path);
    // Stops the running load, if any; what is open stays.
    void cancelLoad();
    // Shows a loaded store (what a successful load does).
    // Shows a capture; `views` are the parts prepared for a trace's views (prepared here when null).
    void setStore(StorePtr store, const QString& path, ui::TraceViewsPtr views = nullptr);
    const StorePtr& store() const;

    ui::ProfileSession* session() const { return m_session; }
    ui::ProfilePage* profilePage() const { return m_page; }
    ui::TracePage* tracePage() const { return m_tracePage; }
    ui::DumpPage* dumpPage() const { return m_dumpPage; }
    ui::GcPlot* gcPage() const { return m_gcPage; }
    // The investigation's annotations on every view (undo/redo in the Edit menu).
    ui::AnnotationSet* annotations() const { return m_annotations; }
    // The investigation's free-text notes (Window > Notes), saved with the session.
    QString investigationNotes() const;
    NotesDock* notesDock() const { return m_notes; }
    // What stands out in the open capture (Window > Findings), and the findings added to the report.
    ui::FindingsPanel* findingsPanel() const { return m_findings; }
    QDockWidget* findingsDock() const { return m_findingsDock; }
    // Saving and opening sessions (File > Save Session, Open Session).
    SessionController* sessions() const { return m_sessions; }
    // The page shown: the welcome page or one of the pages above.
    QWidget* currentPage() const;
    WindowExport* windowExport() const { return m_export; }
    // File › Export Postmortem Report…
    ReportExport* reportExport() const { return m_report; }
    WindowAnnotations* windowAnnotations() const { return m_annotate; }
    // File › Capture from Service…
    CaptureController* captureController() const { return m_capture; }
    bool isLoading() const;

    // The Open dialog's filters: every kind of capture first, then one per kind.
    static QString openFileFilters();

signals:
    void loadFinished(const QString& path);
    void loadFailed(const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    enum class LoadTarget
    {
        Main,
        Base,
        Beside, // linked to the open trace
        Add,    // merged into the open profile
    };

    // Asks to save the session when closing or opening another capture would lose annotations or
    // notes; false when the user cancels (or cancels the save).
    bool confirmUnsavedWork();
    // The first window's geometry: most of the primary screen.
    void fitToScreen();
    void createMenus();
    // The View menu holds the shown page's view actions; enabled for the trace and profile pages.
    void fillViewMenu();
    void showShortcuts();
    void createGoMenu();
    void rebuildBookmarksMenu();
    void addBookmark();
    void manageBookmarks();
    void createStatusBar();
    QWidget* createWelcome();
    void startLoad(const QString& path, LoadTarget target);
    void onLoaded(const StorePtr& store, const ui::TraceViewsPtr& views, const QString& path);
    void onLoadFailed(const QString& message);
    void showError(const QString& title, const QString& message);
    void setLoadingUi(bool loading);
    void updateSummary();
    void updateWarnings(const StorePtr& store);
    void createSessionActions(QMenu* file);
    void createWindowMenu();
    void createFindingsDock();
    // Gives the findings panel the capture shown and its base (a trace's findings have none).
    void updateFindings();
    void chooseSession();
    void saveSession();
    void saveSessionAs();
    void updateTitle();
    void fillRecentMenu(QMenu* menu, RecentFiles& recent, const QString& emptyText);
    void updateWelcomeRecent();
    void chooseFile();
    void chooseBaseFile(bool subtract = false);
    void chooseAddFile();
    void onProfilesMerged(int count);
    void openNextQueued();
    void chooseBesideFile();
    void showAbout();
    QString dialogDirectory() const;

    ui::ProfileSession* m_session = nullptr;
    ui::AnnotationSet* m_annotations = nullptr;
    ui::FileLoader* m_loader = nullptr;
    ui::ProfilePage* m_page = nullptr;
    ui::TracePage* m_tracePage = nullptr;
    ui::DumpPage* m_dumpPage = nullptr; // holds m_page
    ui::GcPlot* m_gcPage = nullptr;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_welcome = nullptr;
    QLabel* m_welcomeRecent = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_recentSessionsMenu = nullptr;
    QAction* m_saveSessionAction = nullptr;
    QAction* m_saveSessionAsAction = nullptr;
    NotesDock* m_notes = nullptr;
    ui::FindingsPanel* m_findings = nullptr;
    QDockWidget* m_findingsDock = nullptr;
    SessionController* m_sessions = nullptr;
    QAction* m_compareAction = nullptr;
    QAction* m_subtractAction = nullptr;
    QAction* m_addAction = nullptr;
    QAction* m_clearBaseAction = nullptr;
    QAction* m_besideAction = nullptr;
    QAction* m_addBookmarkAction = nullptr;
    QMenu* m_bookmarksMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    WindowExport* m_export = nullptr;
    ReportExport* m_report = nullptr;
    WindowAnnotations* m_annotate = nullptr;
    CaptureController* m_capture = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_loadLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancel = nullptr;
    QToolButton* m_warnings = nullptr;
    QString m_warningText; // the warnings' lines, plain, for the dialog the button opens
    RecentFiles m_recent;
    LoadTarget m_loadTarget = LoadTarget::Main;
    QStringList m_queuedFiles; // openFiles' files still to load, each after the previous one
    QString m_queuedBase;
    bool m_subtractBase = false; // the base being loaded is subtracted (pprof's -base)
    QString m_currentPath;
};

} // namespace gs::app
