// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/navigation/nav_location.h"

#include <QObject>
#include <QString>

#include <vector>

namespace gs::ui {

// A named NavLocation the user saved (Go > Add Bookmark).
struct Bookmark
{
    QString name;
    NavLocation location;
};

// The bookmarks of the open trace, in the order they were added; menus list them and rebuild on
// changed(). Names need not be unique (the list is by position), but are never empty: an empty
// name is refused. Like the history, bookmarks belong to one trace and are cleared with it.
// GUI thread only.
class Bookmarks : public QObject
{
    Q_OBJECT
public:
    explicit Bookmarks(QObject* parent = nullptr);

    const std::vector<Bookmark>& list() const { return m_list; }
    int count() const { return int(m_list.size()); }

    // Adds at the end; returns its index, or -1 for an empty name.
    int add(const QString& name, const NavLocation& location);
    // Out-of-range indexes and empty names are ignored.
    void rename(int index, const QString& name);
    void remove(int index);
    void clear();

signals:
    void changed();

private:
    bool valid(int index) const { return index >= 0 && index < count(); }

    std::vector<Bookmark> m_list;
};

} // namespace gs::ui
