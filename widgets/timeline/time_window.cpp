// SPDX-License-Identifier: MIT
#include "widgets/timeline/time_window.h"

#include <algorithm>
#include <cmath>

namespace gs::ui {

namespace {

// Keeps [start, start + duration) inside the bounds when it fits, moving rather than shrinking it.
TimeWindow placed(TimeNs start, TimeNs duration, int widthPx, TimeNs boundStart, TimeNs boundEnd)
{
    const TimeNs boundDuration = std::max<TimeNs>(boundEnd - boundStart, TimeWindow::kMinDurationNs);
    duration = std::clamp(duration, TimeWindow::kMinDurationNs, boundDuration);
    start = std::clamp(start, boundStart, std::max(boundStart, boundStart + boundDuration - duration));
    return {start, start + duration, widthPx};
}

} // namespace

int TimeWindow::timeToPx(TimeNs t) const
{
    // Far off-screen positions are clamped so that callers may build QRects from them safely.
    constexpr double kLimit = 1 << 24;
    return int(std::floor(std::clamp(timeToX(t), -kLimit, kLimit)));
}

TimeNs TimeWindow::xToTime(double x) const
{
    return startNs + TimeNs(std::llround(x * double(endNs - startNs) / double(widthPx)));
}

TimeNs TimeWindow::pxToNs(double px) const
{
    return std::max<TimeNs>(1, TimeNs(std::ceil(px * nsPerPx())));
}

TimeWindow TimeWindow::zoomed(double factor, double anchorX, TimeNs boundStart, TimeNs boundEnd) const
{
    const TimeNs anchor = xToTime(anchorX);
    const TimeNs duration = std::max<TimeNs>(TimeNs(std::llround(double(durationNs()) * factor)), kMinDurationNs);
    // The anchor keeps its fraction of the width.
    const double fraction = std::clamp(anchorX / double(widthPx), 0.0, 1.0);
    const TimeNs start = anchor - TimeNs(std::llround(fraction * double(duration)));
    return placed(start, duration, widthPx, boundStart, boundEnd);
}

TimeWindow TimeWindow::panned(double px, TimeNs boundStart, TimeNs boundEnd) const
{
    const TimeNs delta = TimeNs(std::llround(px * nsPerPx()));
    return placed(startNs + delta, durationNs(), widthPx, boundStart, boundEnd);
}

TimeWindow TimeWindow::fitted(TimeNs a, TimeNs b) const
{
    if (b < a)
        std::swap(a, b);
    const TimeNs duration = std::max(b - a, kMinDurationNs);
    const TimeNs start = a - (duration - (b - a)) / 2;
    return {start, start + duration, widthPx};
}

} // namespace gs::ui
