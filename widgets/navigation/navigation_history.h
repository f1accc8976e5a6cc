// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/navigation/nav_location.h"

#include <QObject>
#include <QTimer>

#include <optional>
#include <vector>

namespace gs::ui {

// Browser-like back/forward history of NavLocations. The owner reports what the user looks at
// with visit(); back() and forward() move through the entries and emit navigate() for the owner
// to apply. Visiting after going back drops the forward entries; a visit equal to the current
// entry is ignored; the oldest entries are dropped beyond capacity().
//
// Zooming or panning moves the time window many times a second (every wheel step, every pixel of
// a drag), and an entry per step would bury the selections under hundreds of windows. So a visit
// that differs from the current entry only in its window is held back: it becomes an entry once
// the window has stayed put for settleDelay() ms, or at once when the user goes back or forward
// (so Back first undoes the zoom, like going back from a scrolled page). A visit that changes
// more than the window replaces the held one, whose window it carries anyway.
//
// While navigate() is being handled isApplying() is true and visit() is ignored: the owner's own
// selection changes while it applies a location are not new visits. GUI thread only.
class NavigationHistory : public QObject
{
    Q_OBJECT
public:
    static constexpr size_t kDefaultCapacity = 200;
    static constexpr int kDefaultSettleMs = 700;

    explicit NavigationHistory(QObject* parent = nullptr);

    // The user now looks at `location`.
    void visit(const NavLocation& location);
    // Goes to a location chosen elsewhere (a bookmark): recorded as a new entry even when only its
    // window differs, then navigate() applies it.
    void go(const NavLocation& location);
    void back();
    void forward();
    bool canGoBack() const;
    bool canGoForward() const;

    // The owner could not show the location it was asked to exactly (a window clamped to the
    // trace, a goroutine the filter hides): the current entry becomes what it shows, so that the
    // next visit is compared with what is on screen. Adds the first entry when there is none.
    void replaceCurrent(const NavLocation& location);
    // Drops every entry (a new trace).
    void clear();
    // Records a held window change now instead of after the pause.
    void settle();

    const std::vector<NavLocation>& entries() const { return m_entries; }
    // Index of the current entry in entries(); -1 when empty.
    int currentIndex() const { return int(m_current); }
    // The window change waiting for a pause, if any.
    const std::optional<NavLocation>& pending() const { return m_pending; }
    bool isApplying() const { return m_applying; }

    size_t capacity() const { return m_capacity; }
    void setCapacity(size_t capacity);
    int settleDelay() const { return m_settle.interval(); }
    void setSettleDelay(int ms) { m_settle.setInterval(ms); }

signals:
    // Back, forward or go(): the owner shows `location`.
    void navigate(const gs::ui::NavLocation& location);
    // The entries or the current index changed (actions enable themselves from it).
    void changed();

private:
    void push(const NavLocation& location);
    void dropPending();
    void emitNavigate();
    bool trimmed(); // drops the oldest entries beyond capacity; true if any

    std::vector<NavLocation> m_entries;
    ptrdiff_t m_current = -1;
    std::optional<NavLocation> m_pending;
    QTimer m_settle;
    size_t m_capacity = kDefaultCapacity;
    bool m_applying = false;
};

} // namespace gs::ui
