// SPDX-License-Identifier: MIT
#pragma once

#include <QList>

class QWidget;

namespace gs::ui {

// Holds back the painting of `widgets` and lets them paint one after the other, the first in the
// next turn of the event loop, each later one in a turn after the one before it has painted.
// Showing a new capture dirties the whole window, and Qt paints everything dirty in one go: the
// page's set-up, the window's frame and a big trace's timeline and goroutine table together kept
// the GUI thread from its events for tens of milliseconds. A widget of the list that lies inside
// an earlier one stays blank in that one's turn. Widgets deleted meanwhile are skipped.
void paintInTurns(const QList<QWidget*>& widgets);

} // namespace gs::ui
