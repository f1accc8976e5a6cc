// SPDX-License-Identifier: MIT
#include "widgets/source/source_settings.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>

namespace gs::ui {

namespace {

constexpr int kGoEnvTimeoutMs = 5000;

// One settings group per profile: a hash of its path, since a path's slashes would nest groups.
QString settingsGroup(const std::string& profilePath)
{
    const QString absolute = QFileInfo(QString::fromStdString(profilePath)).absoluteFilePath();
    return QStringLiteral("sourceFolders/")
           + QString::fromLatin1(QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex());
}

GoLocations lookUpGo()
{
    GoLocations go;
    go.goroot = qEnvironmentVariable("GOROOT").toStdString();
    go.modCache = qEnvironmentVariable("GOMODCACHE").toStdString();
    if (!go.goroot.empty() && !go.modCache.empty())
        return go;
    QProcess process;
    process.start(QStringLiteral("go"), {QStringLiteral("env"), QStringLiteral("GOROOT"), QStringLiteral("GOMODCACHE")});
    if (!process.waitForFinished(kGoEnvTimeoutMs) || process.exitCode() != 0) {
        process.kill();
        process.waitForFinished(kGoEnvTimeoutMs);
        return go;
    }
    const QStringList lines = QString::fromLocal8Bit(process.readAllStandardOutput()).split(QLatin1Char('\n'));
    if (go.goroot.empty() && !lines.isEmpty())
        go.goroot = lines.value(0).trimmed().toStdString();
    if (go.modCache.empty())
        go.modCache = lines.value(1).trimmed().toStdString();
    return go;
}

} // namespace

SourceFolders loadSourceFolders(const std::string& profilePath)
{
    QSettings settings;
    settings.beginGroup(settingsGroup(profilePath));
    return {settings.value(QStringLiteral("folders")).toStringList(), settings.value(QStringLiteral("trimPath")).toString()};
}

void saveSourceFolders(const std::string& profilePath, const SourceFolders& folders)
{
    QSettings settings;
    settings.beginGroup(settingsGroup(profilePath));
    settings.setValue(QStringLiteral("profile"), QFileInfo(QString::fromStdString(profilePath)).absoluteFilePath());
    settings.setValue(QStringLiteral("folders"), folders.folders);
    settings.setValue(QStringLiteral("trimPath"), folders.trimPath);
}

const GoLocations& goLocations()
{
    static const GoLocations go = lookUpGo();
    return go;
}

SourceSearch sourceSearch(const SourceFolders& folders, const GoLocations& go)
{
    SourceSearch search;
    search.searchPath = folders.folders.join(QLatin1Char(':')).toStdString();
    search.trimPath = folders.trimPath.toStdString();
    search.goroot = go.goroot;
    search.modCache = go.modCache;
    return search;
}

} // namespace gs::ui
