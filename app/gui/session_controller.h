// SPDX-License-Identifier: MIT
#pragma once

#include "app/gui/recent_files.h"
#include "app/gui/session_file.h"

#include <QObject>
#include <QString>

#include <optional>
#include <vector>

namespace gs::app {

class MainWindow;

// Saves the window's investigation to a session file and restores one into it.
//
// Saving captures the open files, the trace page's filter, place and bookmarks, the profile views'
// query, the annotations and the notes (capture()), and writes them atomically. Restoring is
// asynchronous, like every load: it checks the file and every capture it names first (a malformed
// session or a missing capture is one error and nothing changes), then opens the main capture,
// waits for it, opens the base and the files beside the trace one after the other, and applies the
// rest once the last has loaded. A load failing on the way stops there; the window has reported
// it. The window's title shows the session's name, with [*] once something the session saves has
// changed since it was saved or opened. GUI thread only.
class SessionController : public QObject
{
    Q_OBJECT
public:
    explicit SessionController(MainWindow* window);

    // The session file saved to or opened last; empty when none.
    const QString& path() const { return m_path; }
    bool isModified() const { return m_modified; }
    // Annotations or notes exist and changed since the session was last saved or opened (or ever,
    // without one): closing the window or opening another capture would lose them.
    bool hasUnsavedWork() const;
    // The user chose to lose them.
    void discardUnsavedWork() { m_workChanged = false; }
    bool isRestoring() const { return m_restore.has_value(); }
    const RecentFiles& recent() const { return m_recent; }
    RecentFiles& recent() { return m_recent; }

    // What the window shows now, as a session; nothing when no capture is open.
    std::optional<SessionFile> capture() const;

    // Starts restoring the session at `path`; restored() or failed() follows (or a load's error).
    void open(const QString& path);
    // Writes the investigation to `path`; the error, or nothing once saved.
    std::optional<QString> save(const QString& path);

signals:
    void pathChanged(const QString& path);
    void modifiedChanged(bool modified);
    void restored(const QString& path);
    // The session file could not be read, or names a capture that cannot be opened.
    void failed(const QString& message);

private:
    // One capture a restore opens.
    struct Load
    {
        enum class Kind
        {
            Main,
            Base,
            Beside,
        } kind;
        QString path;
    };
    struct Restore
    {
        QString path;
        SessionFile session;
        std::vector<Load> loads; // in order; loads[next - 1] is loading
        size_t next = 0;
    };

    void connectChanges();
    bool m_workChanged = false; // annotations or notes edited since the last save or restore
    void markModified();
    void markWorkChanged();
    void setSaved(const QString& path);
    void onLoadFinished(const QString& path);
    void loadNext();
    void apply(const SessionFile& session);
    void applyTrace(const SessionFile& session);
    void applyProfile(const SessionProfileState& state);

    MainWindow* m_window;
    RecentFiles m_recent;
    QString m_path;
    bool m_modified = false;
    std::optional<Restore> m_restore;
};

} // namespace gs::app
