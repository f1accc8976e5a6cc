// SPDX-License-Identifier: MIT
#include "widgets/navigation/bookmarks.h"

namespace gs::ui {

Bookmarks::Bookmarks(QObject* parent)
    : QObject(parent)
{
}

int Bookmarks::add(const QString& name, const NavLocation& location)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return -1;
    m_list.push_back({trimmed, location});
    emit changed();
    return count() - 1;
}

void Bookmarks::rename(int index, const QString& name)
{
    const QString trimmed = name.trimmed();
    if (!valid(index) || trimmed.isEmpty() || trimmed == m_list[size_t(index)].name)
        return;
    m_list[size_t(index)].name = trimmed;
    emit changed();
}

void Bookmarks::remove(int index)
{
    if (!valid(index))
        return;
    m_list.erase(m_list.begin() + index);
    emit changed();
}

void Bookmarks::clear()
{
    if (m_list.empty())
        return;
    m_list.clear();
    emit changed();
}

} // namespace gs::ui
