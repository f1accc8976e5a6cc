// SPDX-License-Identifier: MIT
#include "widgets/plots/new_plot.h"

#include <qcustomplot.h>

#include <QTimer>

namespace gs::ui {

namespace {

// QCustomPlot replots in its resize event. A page shown for a new capture resizes every plot on
// it within the turn that shows it; the replot waits for a turn of its own (until then the plot
// paints its previous picture).
class TurnTakingPlot : public QCustomPlot
{
public:
    explicit TurnTakingPlot(QWidget* parent)
        : QCustomPlot(parent)
        , m_replotTimer(new QTimer(this))
    {
        m_replotTimer->setSingleShot(true);
        m_replotTimer->setInterval(0);
        connect(m_replotTimer, &QTimer::timeout, this, [this] { replot(); });
    }

    void replotSoon()
    {
        if (!m_replotTimer->isActive())
            m_replotTimer->start();
    }

protected:
    void resizeEvent(QResizeEvent*) override
    {
        setViewport(rect());
        replotSoon();
    }

private:
    QTimer* m_replotTimer;
};

} // namespace

QCustomPlot* newPlot(QWidget* parent)
{
    auto* plot = new TurnTakingPlot(parent);
    plot->setPlottingHint(QCP::phImmediateRefresh, false);
    return plot;
}

void replotSoon(QCustomPlot* plot)
{
    if (auto* ours = dynamic_cast<TurnTakingPlot*>(plot))
        ours->replotSoon();
    else
        plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace gs::ui
