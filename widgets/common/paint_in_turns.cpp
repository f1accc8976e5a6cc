// SPDX-License-Identifier: MIT
#include "widgets/common/paint_in_turns.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace gs::ui {

namespace {

// A timer, not a queued call: posted calls run in the same batch as the pending paint, while a
// timer's turn comes after the posted events (the paint of the widget enabled before) and with
// the other timers that are due (the user's input, a progress bar).
constexpr int kTurnMs = 1;

void enableInTurn(QList<QPointer<QWidget>> widgets, qsizetype next)
{
    QTimer::singleShot(kTurnMs, [widgets = std::move(widgets), next] {
        if (widgets[next])
            widgets[next]->setUpdatesEnabled(true);
        if (next + 1 < widgets.size())
            enableInTurn(widgets, next + 1);
    });
}

} // namespace

void paintInTurns(const QList<QWidget*>& widgets)
{
    if (widgets.isEmpty())
        return;
    QList<QPointer<QWidget>> guarded;
    for (QWidget* widget : widgets) {
        // Disabled by name, a widget inside an earlier one stays disabled when that one is enabled.
        widget->setUpdatesEnabled(false);
        guarded << widget;
    }
    enableInTurn(std::move(guarded), 0);
}

} // namespace gs::ui
