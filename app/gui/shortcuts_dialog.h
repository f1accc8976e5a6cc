// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QTableWidget;

namespace gs::app {

// Help › Keyboard Shortcuts (and ?): every action of `window` that has a shortcut, by menu, then
// the keys and gestures the timeline and the flame graph handle themselves. Read when opened, so
// it lists what the window has now. Not modal.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget* window);

    // The rows shown: section, keys, action.
    QList<QStringList> rows() const;

private:
    QTableWidget* m_table = nullptr;
};

} // namespace gs::app
