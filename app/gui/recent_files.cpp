// SPDX-License-Identifier: MIT
#include "app/gui/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace gs::app {

QStringList RecentFiles::files() const
{
    return QSettings().value(m_key).toStringList();
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxEntries)
        list.removeLast();
    QSettings().setValue(m_key, list);
}

void RecentFiles::remove(const QString& path)
{
    QStringList list = files();
    list.removeAll(path);
    QSettings().setValue(m_key, list);
}

void RecentFiles::clear()
{
    QSettings().remove(m_key);
}

} // namespace gs::app
