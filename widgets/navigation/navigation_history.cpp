// SPDX-License-Identifier: MIT
#include "widgets/navigation/navigation_history.h"

#include <QScopedValueRollback>

#include <algorithm>

namespace gs::ui {

NavigationHistory::NavigationHistory(QObject* parent)
    : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(kDefaultSettleMs);
    connect(&m_settle, &QTimer::timeout, this, &NavigationHistory::settle);
}

void NavigationHistory::visit(const NavLocation& location)
{
    if (m_applying)
        return;
    if (m_entries.empty()) {
        push(location);
        return;
    }
    const NavLocation& current = m_entries[size_t(m_current)];
    if (location == current) {
        dropPending(); // zoomed out and back again: nothing to record
        return;
    }
    if (location.sameExceptWindow(current)) {
        const bool held = m_pending.has_value();
        m_pending = location;
        m_settle.start();
        if (!held)
            emit changed(); // Back is possible now even from the first entry, Forward no more
        return;
    }
    dropPending();
    push(location);
}

void NavigationHistory::go(const NavLocation& location)
{
    settle();
    if (m_entries.empty() || !(location == m_entries[size_t(m_current)]))
        push(location);
    emitNavigate();
}

void NavigationHistory::back()
{
    settle();
    if (!canGoBack())
        return;
    --m_current;
    emitNavigate();
    emit changed();
}

void NavigationHistory::forward()
{
    settle();
    if (!canGoForward())
        return;
    ++m_current;
    emitNavigate();
    emit changed();
}

bool NavigationHistory::canGoBack() const
{
    return m_current > 0 || (m_pending && m_current >= 0);
}

bool NavigationHistory::canGoForward() const
{
    return m_current + 1 < ptrdiff_t(m_entries.size()) && !m_pending;
}

void NavigationHistory::replaceCurrent(const NavLocation& location)
{
    dropPending();
    if (m_entries.empty()) {
        push(location);
        return;
    }
    if (location == m_entries[size_t(m_current)])
        return;
    m_entries[size_t(m_current)] = location;
    emit changed();
}

void NavigationHistory::clear()
{
    dropPending();
    m_entries.clear();
    m_current = -1;
    emit changed();
}

void NavigationHistory::settle()
{
    if (!m_pending)
        return;
    m_settle.stop();
    // Moved out first: push() drops the forward entries and must not see it as still held.
    const NavLocation location = std::move(*m_pending);
    m_pending.reset();
    push(location);
}

void NavigationHistory::setCapacity(size_t capacity)
{
    m_capacity = std::max<size_t>(capacity, 1);
    if (trimmed())
        emit changed();
}

void NavigationHistory::push(const NavLocation& location)
{
    m_entries.erase(m_entries.begin() + (m_current + 1), m_entries.end());
    m_entries.push_back(location);
    m_current = ptrdiff_t(m_entries.size()) - 1;
    trimmed();
    emit changed();
}

bool NavigationHistory::trimmed()
{
    if (m_entries.size() <= m_capacity)
        return false;
    const size_t excess = m_entries.size() - m_capacity;
    m_entries.erase(m_entries.begin(), m_entries.begin() + ptrdiff_t(excess));
    m_current = std::max<ptrdiff_t>(0, m_current - ptrdiff_t(excess));
    return true;
}

void NavigationHistory::dropPending()
{
    m_settle.stop();
    if (!m_pending)
        return;
    m_pending.reset();
    emit changed();
}

void NavigationHistory::emitNavigate()
{
    if (m_current < 0)
        return;
    const QScopedValueRollback applying(m_applying, true);
    // A copy: the handler may replaceCurrent() the entry this would otherwise refer to.
    const NavLocation location = m_entries[size_t(m_current)];
    emit navigate(location);
}

} // namespace gs::ui
