// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <utility>

namespace gs::app {

// Most-recently-opened files, newest first, kept in QSettings under `key` ("recentFiles" for
// captures; sessions keep their own list). Every RecentFiles of the process with the same key sees
// the same list at once; a change reaches the settings file on a thread of its own, because
// QSettings syncs the file to disk (a lock file and the file, each fsync'ed) and that took
// milliseconds, on a busy disk far more, out of the GUI thread's turn that shows a new capture.
// GUI thread only.
class RecentFiles
{
public:
    static constexpr int kMaxEntries = 10;

    explicit RecentFiles(QString key = QStringLiteral("recentFiles"))
        : m_key(std::move(key))
    {
    }

    QStringList files() const;
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

private:
    void store(QStringList files);

    QString m_key;
};

} // namespace gs::app
