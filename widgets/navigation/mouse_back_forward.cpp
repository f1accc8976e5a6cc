// SPDX-License-Identifier: MIT
#include "widgets/navigation/mouse_back_forward.h"

#include <QAction>
#include <QApplication>
#include <QMouseEvent>
#include <QWidget>

namespace gs::ui {

MouseBackForward::MouseBackForward(QWidget* window, QAction* back, QAction* forward)
    : QObject(window)
    , m_window(window)
    , m_back(back)
    , m_forward(forward)
{
    qApp->installEventFilter(this);
}

MouseBackForward::~MouseBackForward()
{
    qApp->removeEventFilter(this);
}

bool MouseBackForward::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::MouseButtonPress || !watched->isWidgetType()
        || static_cast<QWidget*>(watched)->window() != m_window)
        return false;
    const Qt::MouseButton button = static_cast<QMouseEvent*>(event)->button();
    QAction* action = button == Qt::BackButton ? m_back : button == Qt::ForwardButton ? m_forward : nullptr;
    if (!action || !action->isEnabled())
        return false;
    action->trigger();
    return true;
}

} // namespace gs::ui
