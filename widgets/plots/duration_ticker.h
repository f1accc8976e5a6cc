// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/plots/spaced_ticker.h"

namespace gs::ui {

// Ticks for a logarithmic duration axis whose coordinate is log10 of nanoseconds, labelled in
// human units ("158 µs", "1 ms", "10 s"): every `fineStep` decades when there is room for it,
// else every power of ten, or every second, fifth... power when even those would crowd. The
// span-duration histogram ticks its bin edges (a fifth of a decade), the MMU plot its decades.
class DurationTicker : public SpacedTicker
{
public:
    DurationTicker(int minSpacingPx, double fineStep);

protected:
    double getTickStep(const QCPRange& range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;

private:
    double m_fineStep;
};

} // namespace gs::ui
