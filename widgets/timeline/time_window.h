// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <cstdint>

namespace gs::ui {

// The visible time interval of a timeline and the pixel width it is drawn into: the whole view
// state of the horizontal axis, as a value type. x = 0 is startNs, x = widthPx is endNs.
//
// Invariants: endNs > startNs and widthPx >= 1 (the setters and the zoom helpers keep them).
// Arithmetic rule: a time is first made relative to startNs in int64, and only that difference is
// converted to double, so coordinates stay exact for traces of any length (a double holding
// absolute nanoseconds would lose whole nanoseconds after ~104 days, a float after 16 ms).
struct TimeWindow
{
    TimeNs startNs = 0;
    TimeNs endNs = 1;
    int widthPx = 1;

    // The smallest duration the window may show: 1 µs over the width, or 1 ns per pixel if wider.
    static constexpr TimeNs kMinDurationNs = 1000;

    TimeNs durationNs() const { return endNs - startNs; }
    double nsPerPx() const { return double(endNs - startNs) / double(widthPx); }

    // Exact position of a time, in pixels from the window start (may be outside [0, widthPx]).
    double timeToX(TimeNs t) const { return double(t - startNs) * double(widthPx) / double(endNs - startNs); }
    // The pixel column a time falls into: floor(timeToX), clamped to a range QRect can hold.
    int timeToPx(TimeNs t) const;
    // The time at a pixel position, rounded to the nearest nanosecond.
    TimeNs xToTime(double x) const;
    // Converts a pixel length to nanoseconds, at least 1.
    TimeNs pxToNs(double px) const;

    // Zooms by `factor` (< 1 zooms in) keeping the time under pixel `anchorX` in place, clamped to
    // [kMinDurationNs, bounds] and shifted to stay inside [boundStart, boundEnd].
    TimeWindow zoomed(double factor, double anchorX, TimeNs boundStart, TimeNs boundEnd) const;
    // Moves by `px` pixels (positive: later in time), kept inside the bounds.
    TimeWindow panned(double px, TimeNs boundStart, TimeNs boundEnd) const;
    // The window showing [a, b] (widened to the minimum duration) at the same pixel width.
    TimeWindow fitted(TimeNs a, TimeNs b) const;

    bool operator==(const TimeWindow&) const = default;
};

} // namespace gs::ui
