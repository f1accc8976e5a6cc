// SPDX-License-Identifier: MIT
#include "widgets/plots/spaced_ticker.h"

#include <algorithm>
#include <cmath>

namespace gs::ui {

SpacedTicker::SpacedTicker(int minSpacingPx)
    : m_minSpacingPx(minSpacingPx)
{
}

bool SpacedTicker::setLengthPx(int px)
{
    if (px == m_lengthPx)
        return false;
    m_lengthPx = px;
    return true;
}

double SpacedTicker::niceStepAtLeast(double minStep)
{
    const double power = std::pow(10.0, std::floor(std::log10(minStep)));
    for (double m : {1.0, 2.0, 5.0}) {
        if (power * m >= minStep)
            return power * m;
    }
    return power * 10;
}

double SpacedTicker::minStep(const QCPRange& range) const
{
    // Before the first layout the length is unknown: a guess of a few hundred pixels.
    const int length = m_lengthPx > 0 ? m_lengthPx : 300;
    return range.size() * double(m_minSpacingPx) / double(length);
}

double SpacedTicker::getTickStep(const QCPRange& range)
{
    const double least = minStep(range);
    return least > 0 ? niceStepAtLeast(least) : 1.0;
}

void fitTickersToAxes(QCustomPlot* plot)
{
    QObject::connect(plot, &QCustomPlot::afterLayout, plot, [plot] {
        bool changed = false;
        for (QCPAxisRect* rect : plot->axisRects()) {
            for (QCPAxis* axis : rect->axes()) {
                auto* ticker = dynamic_cast<SpacedTicker*>(axis->ticker().data());
                if (ticker)
                    changed |= ticker->setLengthPx(axis->orientation() == Qt::Horizontal ? rect->width()
                                                                                          : rect->height());
            }
        }
        // Ticks are computed in the layout's first phase: the plot is laid out again with the new
        // lengths, still before this replot draws anything. (The lengths of that second layout
        // differ by a few pixels at most, when the new ticks' labels need other margins.)
        if (changed) {
            for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
                plot->plotLayout()->update(phase);
        }
    });
}

} // namespace gs::ui
