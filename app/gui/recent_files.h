// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace gs::app {

// Most-recently-opened files, newest first, kept in QSettings under "recentFiles".
class RecentFiles
{
public:
    static constexpr int kMaxEntries = 10;

    QStringList files() const;
    void add(const QString& path);
    void remove(const QString& path);
    void clear();
};

} // namespace gs::app
