// SPDX-License-Identifier: MIT
#pragma once

class QCustomPlot;

namespace gs::ui {

// Keeps a plot's background, axes, ticks, labels, grid and legend in the colours of its palette,
// now and whenever the palette changes (a theme switch). QCustomPlot paints in fixed colours of
// its own otherwise: black on white whatever the theme.
void followPalette(QCustomPlot* plot);

} // namespace gs::ui
