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

} // namespace gs::ui
