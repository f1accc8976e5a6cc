// SPDX-License-Identifier: MIT
#include "widgets/plots/new_plot.h"

#include <qcustomplot.h>

namespace gs::ui {

namespace {

// QCustomPlot replots in its resize event. A page shown for a new capture resizes every plot on
// it within the turn that shows it; the replot waits for a turn of its own (until then the plot
// paints its previous picture).
class DeferredResizePlot : public QCustomPlot
{
public:
    using QCustomPlot::QCustomPlot;

protected:
    void resizeEvent(QResizeEvent*) override
    {
        setViewport(rect());
        replot(rpQueuedReplot);
    }
};

} // namespace

QCustomPlot* newPlot(QWidget* parent)
{
    auto* plot = new DeferredResizePlot(parent);
    plot->setPlottingHint(QCP::phImmediateRefresh, false);
    return plot;
}

} // namespace gs::ui
