// SPDX-License-Identifier: MIT
#include "widgets/plots/time_axis_ticker.h"

#include "widgets/timeline/time_ruler.h"

#include <cmath>

namespace gs::ui {

namespace {

constexpr double kNsPerMs = 1e6;

} // namespace

TimeAxisTicker::TimeAxisTicker()
    : SpacedTicker(kRulerTickSpacingPx)
{
}

double TimeAxisTicker::getTickStep(const QCPRange& range)
{
    // The window the ruler would be given: its step depends only on the duration and the width.
    TimeWindow window;
    window.endNs = std::max<TimeNs>(1, std::llround(range.size() * kNsPerMs));
    window.widthPx = lengthPx() > 0 ? lengthPx() : 300;
    m_stepNs = rulerStep(window, kRulerTickSpacingPx);
    return double(m_stepNs) / kNsPerMs;
}

int TimeAxisTicker::getSubTickCount(double)
{
    return 0; // the ruler has none either
}

QString TimeAxisTicker::getTickLabel(double tick, const QLocale&, QChar, int)
{
    return formatTickLabel(std::llround(tick * kNsPerMs), m_stepNs);
}

} // namespace gs::ui
