// SPDX-License-Identifier: MIT
#include "app/gui/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace gs::app {

namespace {
const QString kKey = QStringLiteral("recentFiles");
} // namespace

QStringList RecentFiles::files() const
{
    return QSettings().value(kKey).toStringList();
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxEntries)
        list.removeLast();
    QSettings().setValue(kKey, list);
}

void RecentFiles::remove(const QString& path)
{
    QStringList list = files();
    list.removeAll(path);
    QSettings().setValue(kKey, list);
}

void RecentFiles::clear()
{
    QSettings().remove(kKey);
}

} // namespace gs::app
