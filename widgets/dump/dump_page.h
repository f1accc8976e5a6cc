// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QWidget>

namespace gs::ui {

class DumpPanel;
class ProfilePage;
class ProfileSession;

// The page for stack-sampled inputs: the profile page (flame graph and top table) on top and,
// when the store is a goroutine dump, the goroutines panel under it. Both share the session, so
// the panel's filters narrow the flame graph. The profile page is the one the main window's menus
// act on; this page only lays it out. GUI thread only.
class DumpPage : public QWidget
{
    Q_OBJECT
public:
    DumpPage(ProfilePage* profilePage, ProfileSession* session, QWidget* parent = nullptr);

    // The store the session was just given; shows the panel when it holds a dump.
    void setStore(const StorePtr& store);

    ProfilePage* profilePage() const { return m_profilePage; }
    DumpPanel* panel() const { return m_panel; }

private:
    ProfilePage* m_profilePage = nullptr;
    DumpPanel* m_panel = nullptr;
};

} // namespace gs::ui
