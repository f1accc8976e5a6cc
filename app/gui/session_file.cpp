// SPDX-License-Identifier: MIT
#include "app/gui/session_file.h"

#include "app/gui/session_json.h"
#include "widgets/annotations/annotation_set.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>

namespace gs::app {

namespace {

// Written into every session file so content sniffing recognises one whatever its name.
const QString kFormat = QStringLiteral("goroscope-session");

constexpr JsonName<ui::ConditionKind> kConditionKinds[] = {
    {ui::ConditionKind::EverState, "ever-state"},
    {ui::ConditionKind::CurrentState, "current-state"},
    {ui::ConditionKind::Transition, "transition"},
    {ui::ConditionKind::Reason, "reason"},
    {ui::ConditionKind::MinDuration, "min-duration"},
    {ui::ConditionKind::MaxDuration, "max-duration"},
    {ui::ConditionKind::StackRegex, "stack"},
    {ui::ConditionKind::StartFunction, "start-function"},
    {ui::ConditionKind::Label, "label"},
    {ui::ConditionKind::Task, "task"},
    {ui::ConditionKind::Region, "region"},
    {ui::ConditionKind::Log, "log"},
    {ui::ConditionKind::TimeRange, "time-range"},
};

constexpr JsonName<ui::FilterKind> kFilterKinds[] = {
    {ui::FilterKind::Focus, "focus"},
    {ui::FilterKind::Ignore, "ignore"},
    {ui::FilterKind::Hide, "hide"},
    {ui::FilterKind::TagFocus, "tag-focus"},
    {ui::FilterKind::TagIgnore, "tag-ignore"},
};

constexpr JsonName<ui::ViewMode> kViewModes[] = {
    {ui::ViewMode::TopDown, "top-down"},
    {ui::ViewMode::BottomUp, "bottom-up"},
    {ui::ViewMode::Sandwich, "sandwich"},
    {ui::ViewMode::Graph, "graph"},
};

// The names severityName() gives, which the CLI's JSON uses too.
constexpr JsonName<Severity> kSeverities[] = {
    {Severity::Info, "info"},
    {Severity::Low, "low"},
    {Severity::Medium, "medium"},
    {Severity::High, "high"},
};

QString fromStd(const std::string& s)
{
    return QString::fromStdString(s);
}

// Relative to the session's folder when the file lies under it, absolute otherwise.
QString storedPath(const QString& path, const QDir& sessionDir)
{
    const QString relative = sessionDir.relativeFilePath(path);
    if (relative.startsWith(QLatin1String("../")) || relative == QLatin1String("..") || QDir::isAbsolutePath(relative))
        return QFileInfo(path).absoluteFilePath();
    return relative;
}

QString loadedPath(const QString& stored, const QDir& sessionDir)
{
    return QDir::cleanPath(sessionDir.absoluteFilePath(stored));
}

// ---- writing ----

QJsonObject placeToJson(const SessionPlace& place)
{
    QJsonObject o;
    o[QStringLiteral("goroutine")] = place.goroutineId == kNoGoroutineId ? QJsonValue() : QJsonValue(qint64(place.goroutineId));
    if (place.spanGoroutineId) {
        o[QStringLiteral("span")] = QJsonObject {{QStringLiteral("goroutine"), qint64(*place.spanGoroutineId)},
                                                 {QStringLiteral("startNs"), qint64(place.spanStartNs)}};
    } else {
        o[QStringLiteral("span")] = QJsonValue();
    }
    o[QStringLiteral("window")] = QJsonObject {{QStringLiteral("startNs"), qint64(place.windowStartNs)},
                                               {QStringLiteral("endNs"), qint64(place.windowEndNs)}};
    o[QStringLiteral("function")] = fromStd(place.function);
    o[QStringLiteral("tab")] = place.tab;
    return o;
}

QJsonObject traceToJson(const SessionFile& session)
{
    QJsonArray conditions;
    for (const ui::GoroutineCondition& c : session.conditions) {
        QJsonArray values;
        for (const std::string& v : c.values)
            values.append(fromStd(v));
        conditions.append(QJsonObject {{QStringLiteral("kind"), jsonName<ui::ConditionKind>(kConditionKinds, c.kind)},
                                       {QStringLiteral("values"), values}});
    }
    QJsonArray bookmarks;
    for (const SessionBookmark& b : session.bookmarks)
        bookmarks.append(QJsonObject {{QStringLiteral("name"), b.name}, {QStringLiteral("place"), placeToJson(b.place)}});
    return {{QStringLiteral("conditions"), conditions},
            {QStringLiteral("place"), placeToJson(session.place)},
            {QStringLiteral("bookmarks"), bookmarks}};
}

QJsonObject profileToJson(const SessionProfileState& profile)
{
    QJsonArray filters;
    for (const ui::FilterItem& f : profile.filters)
        filters.append(QJsonObject {{QStringLiteral("kind"), jsonName<ui::FilterKind>(kFilterKinds, f.kind)},
                                    {QStringLiteral("pattern"), fromStd(f.pattern)}});
    return {{QStringLiteral("sampleType"), fromStd(profile.sampleType)},
            {QStringLiteral("mode"), jsonName<ui::ViewMode>(kViewModes, profile.mode)},
            {QStringLiteral("pivot"), fromStd(profile.pivot)},
            {QStringLiteral("filters"), filters},
            {QStringLiteral("selectedFunction"), fromStd(profile.selectedFunction)}};
}

QJsonArray findingsToJson(const std::vector<ui::ReportedFinding>& findings)
{
    QJsonArray out;
    for (const ui::ReportedFinding& f : findings)
        out.append(QJsonObject {{QStringLiteral("kind"), fromStd(f.kind)},
                                {QStringLiteral("severity"), jsonName<Severity>(kSeverities, f.severity)},
                                {QStringLiteral("title"), fromStd(f.title)},
                                {QStringLiteral("evidence"), fromStd(f.evidence)}});
    return out;
}

// ---- reading ----

// Reads the whole file with one SessionJsonReader; every parse* method reads the object at
// `where` and leaves any problem in the reader.
class SessionParser
{
public:
    explicit SessionParser(const QDir& sessionDir)
        : m_dir(sessionDir)
    {
    }

    std::optional<SessionFile> parse(const QJsonObject& root, QString* error);

private:
    void parseFiles(const QJsonObject& files, SessionFile& out);
    void parseTrace(const QJsonObject& trace, SessionFile& out);
    SessionPlace parsePlace(const QJsonObject& place, const QString& where);
    SessionProfileState parseProfile(const QJsonObject& profile);
    std::vector<ui::ReportedFinding> parseFindings(const QJsonArray& findings);

    QDir m_dir;
    SessionJsonReader m_r;
};

std::optional<SessionFile> SessionParser::parse(const QJsonObject& root, QString* error)
{
    SessionFile out;
    if (m_r.string(root, {}, "format") != kFormat && !m_r.failed())
        m_r.fail(QStringLiteral("format"), QStringLiteral("not a Goroscope session"));
    const int64_t version = m_r.integer(root, {}, "version");
    if (!m_r.failed() && version != SessionFile::kVersion)
        m_r.fail(QStringLiteral("version"), QStringLiteral("version %1 is not supported (this Goroscope reads version %2)")
                                                .arg(version)
                                                .arg(SessionFile::kVersion));
    parseFiles(m_r.object(root, {}, "files"), out);
    parseTrace(m_r.object(root, {}, "trace"), out);
    out.profile = parseProfile(m_r.object(root, {}, "profile"));
    const QJsonArray annotations = m_r.array(root, {}, "annotations");
    if (!m_r.failed()) {
        QString annotationError;
        if (auto list = ui::annotationsFromJson(annotations, &annotationError))
            out.annotations = std::move(*list);
        else
            m_r.fail(QStringLiteral("annotations"), annotationError);
    }
    out.notes = m_r.string(root, {}, "notes");
    // Sessions saved before findings could be added to the report have none.
    if (root.contains(QStringLiteral("findings")))
        out.findings = parseFindings(m_r.array(root, {}, "findings"));
    if (m_r.failed()) {
        *error = m_r.error();
        return std::nullopt;
    }
    return out;
}

void SessionParser::parseFiles(const QJsonObject& files, SessionFile& out)
{
    const QString where = QStringLiteral("files");
    const QString main = m_r.string(files, where, "main");
    if (main.isEmpty() && !m_r.failed())
        m_r.fail(SessionJsonReader::path(where, "main"), QStringLiteral("empty"));
    out.mainFile = loadedPath(main, m_dir);
    const QString base = m_r.string(files, where, "base");
    out.baseFile = base.isEmpty() ? QString() : loadedPath(base, m_dir);
    const QJsonArray beside = m_r.array(files, where, "beside");
    const QString besideWhere = SessionJsonReader::path(where, "beside");
    for (qsizetype i = 0; i < beside.size() && !m_r.failed(); ++i)
        out.besideFiles << loadedPath(m_r.stringAt(beside, besideWhere, i), m_dir);
}

void SessionParser::parseTrace(const QJsonObject& trace, SessionFile& out)
{
    const QString where = QStringLiteral("trace");
    const QJsonArray conditions = m_r.array(trace, where, "conditions");
    const QString conditionsWhere = SessionJsonReader::path(where, "conditions");
    for (qsizetype i = 0; i < conditions.size() && !m_r.failed(); ++i) {
        const QString at = SessionJsonReader::path(conditionsWhere, i);
        const QJsonObject c = m_r.objectAt(conditions, conditionsWhere, i);
        ui::GoroutineCondition condition;
        condition.kind = m_r.enumeration<ui::ConditionKind>(c, at, "kind", kConditionKinds);
        const QJsonArray values = m_r.array(c, at, "values");
        const QString valuesAt = SessionJsonReader::path(at, "values");
        for (qsizetype v = 0; v < values.size() && !m_r.failed(); ++v) {
            const std::string text = m_r.stringAt(values, valuesAt, v).toStdString();
            // The filter bar only ever lets valid values through; anything else was edited by hand.
            if (const auto problem = ui::validateCondition(condition.kind, text); problem && !m_r.failed())
                m_r.fail(SessionJsonReader::path(valuesAt, v), *problem);
            condition.values.push_back(text);
        }
        if (condition.values.empty() && !m_r.failed())
            m_r.fail(SessionJsonReader::path(at, "values"), QStringLiteral("empty"));
        out.conditions.push_back(std::move(condition));
    }
    out.place = parsePlace(m_r.object(trace, where, "place"), SessionJsonReader::path(where, "place"));
    const QJsonArray bookmarks = m_r.array(trace, where, "bookmarks");
    const QString bookmarksWhere = SessionJsonReader::path(where, "bookmarks");
    for (qsizetype i = 0; i < bookmarks.size() && !m_r.failed(); ++i) {
        const QString at = SessionJsonReader::path(bookmarksWhere, i);
        const QJsonObject b = m_r.objectAt(bookmarks, bookmarksWhere, i);
        SessionBookmark bookmark;
        bookmark.name = m_r.string(b, at, "name");
        if (bookmark.name.isEmpty() && !m_r.failed())
            m_r.fail(SessionJsonReader::path(at, "name"), QStringLiteral("empty"));
        bookmark.place = parsePlace(m_r.object(b, at, "place"), SessionJsonReader::path(at, "place"));
        out.bookmarks.push_back(std::move(bookmark));
    }
}

SessionPlace SessionParser::parsePlace(const QJsonObject& place, const QString& where)
{
    SessionPlace out;
    out.goroutineId = m_r.optionalInteger(place, where, "goroutine").value_or(kNoGoroutineId);
    if (const auto span = m_r.optionalObject(place, where, "span")) {
        const QString spanWhere = SessionJsonReader::path(where, "span");
        out.spanGoroutineId = m_r.integer(*span, spanWhere, "goroutine");
        out.spanStartNs = m_r.integer(*span, spanWhere, "startNs");
    }
    const QString windowWhere = SessionJsonReader::path(where, "window");
    const QJsonObject window = m_r.object(place, where, "window");
    out.windowStartNs = m_r.integer(window, windowWhere, "startNs");
    out.windowEndNs = m_r.integer(window, windowWhere, "endNs");
    if (out.windowEndNs < out.windowStartNs && !m_r.failed())
        m_r.fail(windowWhere, QStringLiteral("ends before it starts"));
    out.function = m_r.string(place, where, "function").toStdString();
    out.tab = int(m_r.integer(place, where, "tab"));
    return out;
}

SessionProfileState SessionParser::parseProfile(const QJsonObject& profile)
{
    const QString where = QStringLiteral("profile");
    SessionProfileState out;
    out.sampleType = m_r.string(profile, where, "sampleType").toStdString();
    out.mode = m_r.enumeration<ui::ViewMode>(profile, where, "mode", kViewModes);
    out.pivot = m_r.string(profile, where, "pivot").toStdString();
    const QJsonArray filters = m_r.array(profile, where, "filters");
    const QString filtersWhere = SessionJsonReader::path(where, "filters");
    for (qsizetype i = 0; i < filters.size() && !m_r.failed(); ++i) {
        const QString at = SessionJsonReader::path(filtersWhere, i);
        const QJsonObject f = m_r.objectAt(filters, filtersWhere, i);
        ui::FilterItem item;
        item.kind = m_r.enumeration<ui::FilterKind>(f, at, "kind", kFilterKinds);
        item.pattern = m_r.string(f, at, "pattern").toStdString();
        if (const auto problem = ui::validateFilter(item); problem && !m_r.failed())
            m_r.fail(SessionJsonReader::path(at, "pattern"), *problem);
        out.filters.push_back(std::move(item));
    }
    out.selectedFunction = m_r.string(profile, where, "selectedFunction").toStdString();
    return out;
}

std::vector<ui::ReportedFinding> SessionParser::parseFindings(const QJsonArray& findings)
{
    const QString where = QStringLiteral("findings");
    std::vector<ui::ReportedFinding> out;
    for (qsizetype i = 0; i < findings.size() && !m_r.failed(); ++i) {
        const QString at = SessionJsonReader::path(where, i);
        const QJsonObject f = m_r.objectAt(findings, where, i);
        ui::ReportedFinding finding;
        finding.kind = m_r.string(f, at, "kind").toStdString();
        finding.severity = m_r.enumeration<Severity>(f, at, "severity", kSeverities);
        finding.title = m_r.string(f, at, "title").toStdString();
        if (finding.title.empty() && !m_r.failed())
            m_r.fail(SessionJsonReader::path(at, "title"), QStringLiteral("empty"));
        finding.evidence = m_r.string(f, at, "evidence").toStdString();
        out.push_back(std::move(finding));
    }
    return out;
}

} // namespace

QByteArray sessionToJson(const SessionFile& session, const QDir& sessionDir)
{
    QJsonArray beside;
    for (const QString& path : session.besideFiles)
        beside.append(storedPath(path, sessionDir));
    const QJsonObject files {
        {QStringLiteral("main"), storedPath(session.mainFile, sessionDir)},
        {QStringLiteral("base"), session.baseFile.isEmpty() ? QString() : storedPath(session.baseFile, sessionDir)},
        {QStringLiteral("beside"), beside},
    };
    const QJsonObject root {
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), SessionFile::kVersion},
        {QStringLiteral("files"), files},
        {QStringLiteral("trace"), traceToJson(session)},
        {QStringLiteral("profile"), profileToJson(session.profile)},
        {QStringLiteral("annotations"), ui::annotationsToJson(session.annotations)},
        {QStringLiteral("notes"), session.notes},
        {QStringLiteral("findings"), findingsToJson(session.findings)},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<SessionFile> sessionFromJson(const QByteArray& json, const QDir& sessionDir, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("at byte %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("expected a JSON object");
        return std::nullopt;
    }
    return SessionParser(sessionDir).parse(doc.object(), error);
}

std::optional<QString> writeSessionFile(const QString& path, const SessionFile& session)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    const QByteArray bytes = sessionToJson(session, QFileInfo(path).absoluteDir());
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return QStringLiteral("%1: %2").arg(path, why);
    }
    if (!file.commit())
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    return std::nullopt;
}

std::optional<SessionFile> readSessionFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QString why;
    auto session = sessionFromJson(file.readAll(), QFileInfo(path).absoluteDir(), &why);
    if (!session)
        *error = QStringLiteral("%1: %2").arg(path, why);
    return session;
}

QString sessionName(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    return name.endsWith(kSessionSuffix, Qt::CaseInsensitive) ? name.chopped(kSessionSuffix.size()) : name;
}

bool isSessionFile(const QString& path)
{
    if (path.endsWith(kSessionSuffix, Qt::CaseInsensitive))
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    // Captures never start with '{'; a session names its format near the top.
    const QByteArray head = file.peek(4096).trimmed();
    return head.startsWith('{') && head.contains(QByteArrayLiteral("\"goroscope-session\""));
}

} // namespace gs::app
