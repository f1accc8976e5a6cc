// SPDX-License-Identifier: MIT
#include "widgets/plots/duration_ticker.h"

#include "widgets/common/value_format.h"

#include <algorithm>
#include <cmath>

namespace gs::ui {

DurationTicker::DurationTicker(int minSpacingPx, double fineStep)
    : SpacedTicker(minSpacingPx)
    , m_fineStep(fineStep)
{
}

double DurationTicker::getTickStep(const QCPRange& range)
{
    const double least = minStep(range);
    return least <= m_fineStep ? m_fineStep : niceStepAtLeast(std::max(least, 1.0));
}

int DurationTicker::getSubTickCount(double)
{
    return 0;
}

QString DurationTicker::getTickLabel(double tick, const QLocale&, QChar, int)
{
    // Ticks are whole multiples of the fine step; rounding to it drops the sums' float error.
    const double decades = std::round(tick / m_fineStep) * m_fineStep;
    return formatValue(std::llround(std::pow(10.0, decades)), "nanoseconds");
}

} // namespace gs::ui
