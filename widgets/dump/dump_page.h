// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QWidget>

class QStackedWidget;

namespace gs::ui {

class CrashBanner;
class DumpDiffView;
class DumpPanel;
class ProfilePage;
class ProfileSession;

// The page for stack-sampled inputs: the profile page (flame graph and top table) on top and,
// when the store is a goroutine dump, the goroutines panel under it, with the crash's headline
// above both when the dump is of a panic or fatal error. Both share the session, so
// the panel's filters narrow the flame graph. The profile page is the one the main window's menus
// act on; this page only lays it out.
//
// Comparing a dump with an earlier one (setBase) puts the whole dump back in the session with the
// earlier one as its diff base, so the flame graph shows what grew, and swaps the panel for the
// leak finder (DumpDiffView). The comparison ends when the session loses that base (File > Stop
// Comparing, or a new store); the panel then starts afresh. GUI thread only.
class DumpPage : public QWidget
{
    Q_OBJECT
public:
    DumpPage(ProfilePage* profilePage, ProfileSession* session, QWidget* parent = nullptr);

    // The store the session was just given; shows the panel when it holds a dump.
    void setStore(const StorePtr& store);
    // The dump on show (null when the store is not a dump).
    const StorePtr& dump() const;

    // Compares the dump on show with `base`, an earlier dump of the same process.
    void setBase(StorePtr base);
    const StorePtr& base() const { return m_base; }

    ProfilePage* profilePage() const { return m_profilePage; }
    DumpPanel* panel() const { return m_panel; }
    DumpDiffView* diffView() const { return m_diffView; }
    CrashBanner* crashBanner() const { return m_crash; }

private:
    void endComparison();

    ProfilePage* m_profilePage = nullptr;
    ProfileSession* m_session = nullptr;
    DumpPanel* m_panel = nullptr;
    DumpDiffView* m_diffView = nullptr;
    QStackedWidget* m_below = nullptr;
    CrashBanner* m_crash = nullptr;
    StorePtr m_base;
};

} // namespace gs::ui
