// SPDX-License-Identifier: MIT
#pragma once

class QCustomPlot;
class QWidget;

namespace gs::ui {

// A QCustomPlot whose replot() draws into its buffer and schedules a paint, as update() does, and
// whose resize schedules its replot.
// QCustomPlot repaints at once by default, and a repaint paints everything else waiting in the
// window (the timeline above the plots, say) in the same turn of the event loop: opening a big
// trace kept the GUI thread busy for the timeline's paint twice over.
QCustomPlot* newPlot(QWidget* parent);

// Replots `plot` once, in a turn of the event loop of its own, however often it is asked before.
// QCustomPlot's own queued replot is a posted call: it runs in the same batch as the window's
// pending paint, so a trace that opens drew its plots and painted its window without a pause
// between. A zero-interval timer waits until the paint is done and the timers due (the user's
// input among them) have run. Plots not made by newPlot get QCustomPlot's queued replot.
void replotSoon(QCustomPlot* plot);

} // namespace gs::ui
