// SPDX-License-Identifier: MIT
#pragma once

#include <qcustomplot.h>

namespace gs::ui {

// A QCustomPlot ticker that keeps its tick labels a minimum number of pixels apart: steps of 1, 2
// or 5 times a power of ten, the smallest that leaves `minSpacingPx` between ticks over the axis's
// length. QCustomPlot's own tickers aim at a tick count whatever the length, so a short axis gets
// labels drawn over each other. A ticker is not told its axis's length: fitTickersToAxes does
// that after every layout. Subclasses choose other steps or labels.
class SpacedTicker : public QCPAxisTicker
{
public:
    explicit SpacedTicker(int minSpacingPx);

    // The axis's length in pixels; whether that changes the ticks.
    bool setLengthPx(int px);
    int lengthPx() const { return m_lengthPx; }
    int minSpacingPx() const { return m_minSpacingPx; }

    // The smallest 1-2-5 step at least `minStep` (positive).
    static double niceStepAtLeast(double minStep);

protected:
    double getTickStep(const QCPRange& range) override;
    // The least a step may be so that ticks stay apart on this axis: range per pixel × spacing.
    double minStep(const QCPRange& range) const;

private:
    int m_minSpacingPx;
    int m_lengthPx = 0;
};

// Tells every SpacedTicker of `plot`'s axes its axis's length after each layout, and lays the plot
// out once more when that changes any ticks: QCustomPlot computes ticks before it lays the plot
// out, so a resized plot would otherwise draw the ticks of its previous size until a second replot.
void fitTickersToAxes(QCustomPlot* plot);

} // namespace gs::ui
