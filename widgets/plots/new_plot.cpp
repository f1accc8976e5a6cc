// SPDX-License-Identifier: MIT
#include "widgets/plots/new_plot.h"

#include <qcustomplot.h>

namespace gs::ui {

QCustomPlot* newPlot(QWidget* parent)
{
    auto* plot = new QCustomPlot(parent);
    plot->setPlottingHint(QCP::phImmediateRefresh, false);
    return plot;
}

} // namespace gs::ui
