// SPDX-License-Identifier: MIT
#include "app/gui/recent_files.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QSettings>
#include <QThreadPool>

namespace gs::app {

namespace {

// The lists of this process by key, each read from the settings the first time it is asked for.
QHash<QString, QStringList>& lists()
{
    static QHash<QString, QStringList> byKey;
    return byKey;
}

// One thread, so the writes land in the order they were made. The application owns it and, as it
// quits, waits for the last write.
QThreadPool* settingsWriter()
{
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool(QCoreApplication::instance());
        p->setMaxThreadCount(1);
        return p;
    }();
    return pool;
}

} // namespace

QStringList RecentFiles::files() const
{
    auto found = lists().find(m_key);
    if (found == lists().end())
        found = lists().insert(m_key, QSettings().value(m_key).toStringList());
    return *found;
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxEntries)
        list.removeLast();
    store(std::move(list));
}

void RecentFiles::remove(const QString& path)
{
    QStringList list = files();
    list.removeAll(path);
    store(std::move(list));
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(QStringList files)
{
    lists().insert(m_key, files);
    settingsWriter()->start([key = m_key, files = std::move(files)] {
        QSettings settings;
        if (files.isEmpty())
            settings.remove(key);
        else
            settings.setValue(key, files);
    });
}

} // namespace gs::app
