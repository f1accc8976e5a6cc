// SPDX-License-Identifier: MIT
#include "widgets/timeline/time_ruler.h"

#include <cmath>
#include <cstdlib>

namespace gs::ui {

TimeNs rulerStep(const TimeWindow& window, int minSpacingPx)
{
    const double minStep = std::max(1.0, window.nsPerPx() * minSpacingPx);
    TimeNs power = 1;
    while (double(power) * 10 <= minStep)
        power *= 10;
    for (TimeNs m : {1, 2, 5, 10}) {
        if (double(power * m) >= minStep)
            return power * m;
    }
    return power * 10;
}

std::vector<RulerTick> rulerTicks(const TimeWindow& window, TimeNs originNs, int minSpacingPx)
{
    std::vector<RulerTick> ticks;
    const TimeNs step = rulerStep(window, minSpacingPx);
    // First multiple of the step (from the origin) at or after the window start.
    const TimeNs rel = window.startNs - originNs;
    TimeNs k = rel >= 0 ? (rel + step - 1) / step : -((-rel) / step);
    for (TimeNs t = originNs + k * step; t <= window.endNs; t += step)
        ticks.push_back({t, window.timeToPx(t), formatTickLabel(t - originNs, step)});
    return ticks;
}

QString formatTickLabel(TimeNs offsetNs, TimeNs stepNs)
{
    if (offsetNs == 0)
        return QStringLiteral("0");
    const TimeNs magnitude = std::llabs(offsetNs);
    TimeNs unit = 1;
    QString suffix = QStringLiteral(" ns");
    if (magnitude >= 1'000'000'000) {
        unit = 1'000'000'000;
        suffix = QStringLiteral(" s");
    } else if (magnitude >= 1'000'000) {
        unit = 1'000'000;
        suffix = QStringLiteral(" ms");
    } else if (magnitude >= 1'000) {
        unit = 1'000;
        suffix = QStringLiteral(" \u00b5s");
    }
    // Decimals needed to show a step in this unit: a 100 ns step in ms needs 4.
    int decimals = 0;
    for (TimeNs s = unit; s > stepNs && decimals < 9; s /= 10)
        ++decimals;
    // Integer part and fraction separately: a double of the whole offset could round the last digit.
    const TimeNs whole = magnitude / unit;
    QString text = QString::number(whole);
    if (decimals > 0) {
        TimeNs frac = magnitude % unit;
        const TimeNs scale = unit / TimeNs(std::llround(std::pow(10.0, decimals)));
        frac /= std::max<TimeNs>(scale, 1);
        text += QLatin1Char('.') + QStringLiteral("%1").arg(frac, decimals, 10, QLatin1Char('0'));
    }
    return (offsetNs < 0 ? QStringLiteral("-") : QString()) + text + suffix;
}

} // namespace gs::ui
