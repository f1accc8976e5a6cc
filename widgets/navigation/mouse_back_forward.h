// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace gs::ui {

// The mouse's back and forward buttons (Qt::BackButton, Qt::ForwardButton) pressed anywhere in
// `window` trigger the `back` / `forward` action, as in a browser. An application event filter:
// a press goes to the widget under the pointer, which is any child, so the window itself never
// sees it. Presses in other windows (a dialog on top) are left alone, and so is a press whose
// action is disabled, which then reaches its widget as usual. GUI thread only.
class MouseBackForward : public QObject
{
    Q_OBJECT
public:
    MouseBackForward(QWidget* window, QAction* back, QAction* forward);
    ~MouseBackForward() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_window;
    QAction* m_back;
    QAction* m_forward;
};

} // namespace gs::ui
