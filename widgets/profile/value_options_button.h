// SPDX-License-Identifier: MIT
#pragma once

#include <QToolButton>

class QAction;
class QMenu;

namespace gs::ui {

class ProfileSession;

// The profile page's "Values" menu: pprof's -mean (values per event, for block and mutex
// profiles), -unit (the unit values are shown in) and -divide_by. Each choice goes to the session,
// which recomputes off the GUI thread; the menu shows what the session holds.
class ValueOptionsButton : public QToolButton
{
    Q_OBJECT
public:
    explicit ValueOptionsButton(ProfileSession* session, QWidget* parent = nullptr);

    QAction* meanAction() const { return m_mean; }
    QAction* divideAction() const { return m_divide; }
    QMenu* unitMenu() const { return m_units; }

private:
    void sync();
    void fillUnits();
    void chooseDivisor();

    ProfileSession* m_session;
    QAction* m_mean = nullptr;
    QAction* m_divide = nullptr;
    QMenu* m_units = nullptr;
};

} // namespace gs::ui
