// SPDX-License-Identifier: MIT
#include "widgets/plots/plot_palette.h"

#include "widgets/plots/new_plot.h"
#include "widgets/plots/plot_legend.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QObject>

namespace gs::ui {

namespace {

void applyPalette(QCustomPlot* plot)
{
    const QPalette& pal = plot->palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor mid = pal.color(QPalette::PlaceholderText);
    QColor grid = text;
    grid.setAlpha(40);
    plot->setBackground(pal.brush(QPalette::Base));
    for (QCPAxisRect* rect : plot->axisRects()) {
        for (QCPAxis* axis : rect->axes()) {
            axis->setBasePen(QPen(mid));
            axis->setTickPen(QPen(mid));
            axis->setSubTickPen(QPen(mid));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
            axis->grid()->setZeroLinePen(QPen(grid));
        }
    }
    // A legend inside a plot lets the lines under it show through.
    QColor legendBase = pal.color(QPalette::Base);
    legendBase.setAlpha(200);
    const auto themeLegend = [&](QCPLegend* legend) {
        legend->setBrush(legendBase);
        legend->setTextColor(text);
        legend->setBorderPen(QPen(mid));
    };
    if (plot->legend)
        themeLegend(plot->legend);
    for (QCPAxisRect* rect : plot->axisRects()) {
        if (QCPLegend* legend = insetLegend(rect))
            themeLegend(legend);
    }
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i)))
            title->setTextColor(text);
    }
}

// Re-applies the palette when it changes; owned by the plot.
class PaletteFollower : public QObject
{
public:
    explicit PaletteFollower(QCustomPlot* plot)
        : QObject(plot)
        , m_plot(plot)
    {
        plot->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_plot && event->type() == QEvent::PaletteChange) {
            applyPalette(m_plot);
            replotSoon(m_plot);
        }
        return false;
    }

private:
    QCustomPlot* m_plot;
};

} // namespace

void followPalette(QCustomPlot* plot)
{
    applyPalette(plot);
    new PaletteFollower(plot);
}

} // namespace gs::ui
