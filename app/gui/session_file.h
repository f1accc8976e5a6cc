// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/span_table.h"
#include "widgets/annotations/annotation.h"
#include "widgets/filters/filter_item.h"
#include "widgets/filters/goroutine_condition.h"
#include "widgets/findings/reported_finding.h"
#include "widgets/profile/profile_compute.h"

#include <QByteArray>
#include <QDir>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace gs::app {

// A place on the trace page as a session file keeps it: NavLocation with goroutines named by their
// Go goroutine ID and times relative to the trace start, so it means the same thing whichever
// order a later load numbers the rows in.
struct SessionPlace
{
    int64_t goroutineId = kNoGoroutineId;
    // The selected span: its goroutine and start (a goroutine's spans never share a start).
    std::optional<int64_t> spanGoroutineId;
    TimeNs spanStartNs = 0;
    TimeNs windowStartNs = 0; // windowStartNs == windowEndNs: no window
    TimeNs windowEndNs = 0;
    std::string function;
    int tab = 0;

    bool operator==(const SessionPlace&) const = default;
};

struct SessionBookmark
{
    QString name;
    SessionPlace place;

    bool operator==(const SessionBookmark&) const = default;
};

// The profile views' query, by names rather than indexes where a name exists.
struct SessionProfileState
{
    std::string sampleType; // its pprof type name ("cpu", "alloc_space"); empty: the default
    ui::ViewMode mode = ui::ViewMode::TopDown;
    std::string pivot; // the sandwich's function
    std::vector<ui::FilterItem> filters;
    std::string selectedFunction;

    bool operator==(const SessionProfileState&) const = default;
};

// One saved investigation: the files, the trace page's filter, place and bookmarks, the profile
// views' query, the annotations, the notes and the findings added to the report. A plain value; paths are absolute in memory and
// written relative to the session file's folder when they lie under it, so a folder holding a
// session and its captures can be moved or shared whole.
struct SessionFile
{
    static constexpr int kVersion = 1;

    QString mainFile;
    QString baseFile;        // diff base of the profile, dump or trace; empty: none
    QStringList besideFiles; // profiles and dumps opened beside the trace
    std::vector<ui::GoroutineCondition> conditions;
    SessionPlace place;
    std::vector<SessionBookmark> bookmarks;
    SessionProfileState profile;
    std::vector<ui::Annotation> annotations;
    QString notes;
    std::vector<ui::ReportedFinding> findings;
};

// The suffix session files get from the save dialog, and are recognised by.
inline const QString kSessionSuffix = QStringLiteral(".goroscope-session.json");

QByteArray sessionToJson(const SessionFile& session, const QDir& sessionDir);
// Strict: anything missing, of the wrong type or of another version is refused with one line in
// *error ("bookmarks[1].place.tab: expected an integer"; "at byte 12: unterminated string").
std::optional<SessionFile> sessionFromJson(const QByteArray& json, const QDir& sessionDir, QString* error);

// Writes through QSaveFile: the new content goes to a temporary file renamed over `path` only
// once complete, so a failed or interrupted save leaves the previous file whole. The error names
// `path`; nothing on success.
std::optional<QString> writeSessionFile(const QString& path, const SessionFile& session);
// Reads and validates `path`; the error is one line starting with the file's name.
std::optional<SessionFile> readSessionFile(const QString& path, QString* error);

// The session's name for titles and lists: the file name without the session suffix.
QString sessionName(const QString& path);

// Whether `path` is a session file: by its suffix, or by content (a JSON object naming our
// format, so a session renamed to anything still opens as one).
bool isSessionFile(const QString& path);

} // namespace gs::app
