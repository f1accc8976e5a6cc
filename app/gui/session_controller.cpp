// SPDX-License-Identifier: MIT
#include "app/gui/session_controller.h"

#include "app/gui/main_window.h"
#include "app/gui/notes_dock.h"
#include "app/gui/session_place.h"
#include "widgets/annotations/annotation_set.h"
#include "widgets/dump/dump_page.h"
#include "widgets/findings/findings_panel.h"
#include "widgets/navigation/bookmarks.h"
#include "widgets/profile/profile_session.h"
#include "widgets/trace/linked_dump_tab.h"
#include "widgets/trace/trace_flame_tab.h"
#include "widgets/trace/trace_navigator.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <QFileInfo>

namespace gs::app {

namespace {

QString sourceOf(const StorePtr& store)
{
    return store ? QFileInfo(QString::fromStdString(store->sourcePath)).absoluteFilePath() : QString();
}

// Why the capture at `path` (named `what` in the session) cannot be opened, or nothing.
std::optional<QString> unopenable(const QString& path, const char* what)
{
    if (!QFileInfo(path).isFile())
        return QStringLiteral("%1 %2 does not exist").arg(QLatin1String(what), path);
    if (isSessionFile(path))
        return QStringLiteral("%1 %2 is a session, not a capture").arg(QLatin1String(what), path);
    return std::nullopt;
}

} // namespace

SessionController::SessionController(MainWindow* window)
    : QObject(window)
    , m_window(window)
    , m_recent(QStringLiteral("recentSessions"))
{
    connect(m_window, &MainWindow::loadFinished, this, &SessionController::onLoadFinished);
    // The window has shown the error; the rest of the session would apply to the wrong captures.
    connect(m_window, &MainWindow::loadFailed, this, [this] { m_restore.reset(); });
    connectChanges();
}

void SessionController::connectChanges()
{
    // What a session saves, apart from the selection and the window, which change with every click.
    ui::TracePage* trace = m_window->tracePage();
    connect(trace->session(), &ui::TraceSession::conditionsChanged, this, &SessionController::markModified);
    connect(trace->navigator()->bookmarks(), &ui::Bookmarks::changed, this, &SessionController::markModified);
    connect(m_window->session(), &ui::ProfileSession::queryChanged, this, &SessionController::markModified);
    connect(m_window->annotations(), &ui::AnnotationSet::changed, this, &SessionController::markModified);
    connect(m_window->notesDock(), &NotesDock::edited, this, &SessionController::markModified);
    connect(m_window->findingsPanel(), &ui::FindingsPanel::reportedChanged, this, &SessionController::markModified);
    connect(m_window->annotations(), &ui::AnnotationSet::changed, this, &SessionController::markWorkChanged);
    connect(m_window->notesDock(), &NotesDock::edited, this, &SessionController::markWorkChanged);
}

void SessionController::markWorkChanged()
{
    if (!isRestoring())
        m_workChanged = true;
}

bool SessionController::hasUnsavedWork() const
{
    return m_workChanged
        && (!m_window->annotations()->annotations().empty() || !m_window->notesDock()->text().trimmed().isEmpty());
}

void SessionController::markModified()
{
    // The title only has a [*] to show it in once there is a session.
    if (m_modified || m_path.isEmpty() || isRestoring())
        return;
    m_modified = true;
    emit modifiedChanged(true);
}

void SessionController::setSaved(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_recent.add(absolute);
    m_workChanged = false;
    if (absolute != m_path) {
        m_path = absolute;
        emit pathChanged(m_path);
    }
    if (m_modified) {
        m_modified = false;
        emit modifiedChanged(false);
    }
}

std::optional<SessionFile> SessionController::capture() const
{
    const QString main = m_window->windowFilePath();
    if (main.isEmpty())
        return std::nullopt;
    SessionFile out;
    out.mainFile = QFileInfo(main).absoluteFilePath();
    const ui::ProfileSession* profile = m_window->session();
    ui::TracePage* tracePage = m_window->tracePage();
    out.baseFile = sourceOf(profile->base()                 ? profile->base()
                            : m_window->dumpPage()->base() ? m_window->dumpPage()->base()
                                                           : tracePage->base());

    if (const StorePtr& trace = tracePage->store(); trace && trace->trace) {
        if (const StorePtr& linked = tracePage->flameTab()->linkedProfile())
            out.besideFiles << sourceOf(linked);
        if (const ui::LinkedDumpTab* dump = tracePage->linkedDumpTab())
            out.besideFiles << sourceOf(dump->dump());
        ui::TraceNavigator* navigator = tracePage->navigator();
        out.conditions = tracePage->session()->conditions();
        out.place = toSessionPlace(navigator->location(), *trace->trace);
        for (const ui::Bookmark& b : navigator->bookmarks()->list())
            out.bookmarks.push_back({b.name, toSessionPlace(b.location, *trace->trace)});
    }
    if (const StorePtr& store = profile->store(); store && store->profile) {
        const std::vector<ValueType>& types = store->profile->sampleTypes;
        if (profile->sampleType() < types.size())
            out.profile.sampleType = types[profile->sampleType()].type;
        out.profile.mode = profile->mode();
        out.profile.pivot = profile->pivot();
        out.profile.filters = profile->filters();
        out.profile.selectedFunction = profile->selectedFunction();
    }
    out.annotations = m_window->annotations()->annotations();
    out.notes = m_window->investigationNotes();
    out.findings = m_window->findingsPanel()->reported();
    return out;
}

std::optional<QString> SessionController::save(const QString& path)
{
    const std::optional<SessionFile> session = capture();
    if (!session)
        return tr("%1: nothing to save: open a capture first").arg(path);
    if (auto error = writeSessionFile(path, *session))
        return error;
    setSaved(path);
    return std::nullopt;
}

void SessionController::open(const QString& path)
{
    QString error;
    std::optional<SessionFile> session = readSessionFile(path, &error);
    if (!session) {
        emit failed(error);
        return;
    }
    // Everything checked before anything is touched: a session half-applied over the open
    // investigation is worse than none.
    std::vector<Load> loads {{Load::Kind::Main, session->mainFile}};
    if (!session->baseFile.isEmpty())
        loads.push_back({Load::Kind::Base, session->baseFile});
    for (const QString& beside : session->besideFiles)
        loads.push_back({Load::Kind::Beside, beside});
    for (const Load& load : loads) {
        const char* what = load.kind == Load::Kind::Main   ? "the capture"
                           : load.kind == Load::Kind::Base ? "the base"
                                                           : "the file beside the trace";
        if (const auto why = unopenable(load.path, what)) {
            emit failed(QStringLiteral("%1: %2").arg(path, *why));
            return;
        }
    }
    m_restore = Restore {path, std::move(*session), std::move(loads), 0};
    loadNext();
}

void SessionController::loadNext()
{
    Restore& restore = *m_restore;
    if (restore.next == restore.loads.size()) {
        apply(restore.session); // still restoring: none of it marks the session modified
        const QString path = restore.path;
        m_restore.reset();
        setSaved(path);
        emit restored(m_path);
        return;
    }
    const Load& load = restore.loads[restore.next++];
    switch (load.kind) {
    case Load::Kind::Main:
        m_window->openFile(load.path);
        break;
    case Load::Kind::Base:
        m_window->openBaseFile(load.path);
        break;
    case Load::Kind::Beside:
        // Only a trace has a "beside"; the window would ignore the request and nothing would follow.
        if (!m_window->tracePage()->store()) {
            const QString message = tr("%1: %2 is opened beside a trace, but the session's capture is not a trace")
                                        .arg(restore.path, load.path);
            m_restore.reset();
            emit failed(message);
            return;
        }
        m_window->openBesideFile(load.path);
        break;
    }
}

void SessionController::onLoadFinished(const QString& path)
{
    if (!m_restore)
        return;
    // A load the user started meanwhile replaced ours (starting a load cancels the running one).
    if (m_restore->next == 0 || path != m_restore->loads[m_restore->next - 1].path) {
        m_restore.reset();
        return;
    }
    loadNext();
}

void SessionController::apply(const SessionFile& session)
{
    applyTrace(session);
    applyProfile(session.profile);
    m_window->annotations()->replaceAll(session.annotations);
    m_window->findingsPanel()->setReported(session.findings);
    m_window->notesDock()->setText(session.notes);
    if (!session.notes.isEmpty())
        m_window->notesDock()->show();
}

void SessionController::applyTrace(const SessionFile& session)
{
    ui::TracePage* page = m_window->tracePage();
    const StorePtr& store = page->store();
    if (!store || !store->trace)
        return;
    // Conditions first: the place may select a goroutine they let through.
    ui::TraceSession* trace = page->session();
    trace->clearConditions();
    for (const ui::GoroutineCondition& c : session.conditions) {
        for (const std::string& value : c.values)
            trace->addCondition(c.kind, value);
    }
    ui::TraceNavigator* navigator = page->navigator();
    navigator->bookmarks()->clear();
    for (const SessionBookmark& b : session.bookmarks)
        navigator->bookmarks()->add(b.name, toNavLocation(b.place, *store->trace));
    navigator->goTo(toNavLocation(session.place, *store->trace));
}

void SessionController::applyProfile(const SessionProfileState& state)
{
    ui::ProfileSession* profile = m_window->session();
    const StorePtr& store = profile->store();
    if (!store || !store->profile)
        return;
    const std::vector<ValueType>& types = store->profile->sampleTypes;
    for (size_t i = 0; i < types.size(); ++i) {
        if (types[i].type == state.sampleType)
            profile->setSampleType(i);
    }
    profile->clearFilters();
    for (const ui::FilterItem& f : state.filters)
        profile->addFilter(f);
    profile->setSelectedFunction(state.selectedFunction);
    if (state.mode == ui::ViewMode::Sandwich)
        profile->showSandwich(state.pivot);
    else
        profile->setMode(state.mode);
}

} // namespace gs::app
