// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/export/export_source.h"

class QCustomPlot;

namespace gs::ui {

// A QCustomPlot at its on-screen size through its own vector path (QCustomPlot::toPainter
// recorded into a QPicture and replayed on the export's painter), not the pixmap buffer it shows
// on screen: curves and axis labels stay lines and text in SVG and PDF.
ExportSource plotSource(QCustomPlot& plot);

} // namespace gs::ui
