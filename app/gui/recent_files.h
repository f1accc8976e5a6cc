// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <utility>

namespace gs::app {

// Most-recently-opened files, newest first, kept in QSettings under `key` ("recentFiles" for
// captures; sessions keep their own list).
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
    QString m_key;
};

} // namespace gs::app
