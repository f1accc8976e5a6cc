// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/timeline/time_window.h"

#include <QString>

#include <vector>

namespace gs::ui {

// One labelled tick of the time ruler.
struct RulerTick
{
    TimeNs timeNs = 0; // absolute
    int x = 0;         // pixel column in the window
    QString label;     // time since the trace start, in units fit for the tick step
};

// How far apart the timeline's ruler ticks are at least, in pixels; the plots under it use the same.
constexpr int kRulerTickSpacingPx = 90;

// Ticks at "nice" steps (1, 2 or 5 times a power of ten nanoseconds) at least `minSpacingPx`
// apart, aligned to multiples of the step counted from `originNs` (the trace start), so labels
// read 0, 5 ms, 10 ms... and stay put while panning. O(ticks).
std::vector<RulerTick> rulerTicks(const TimeWindow& window, TimeNs originNs, int minSpacingPx);

// The step the ticks above use.
TimeNs rulerStep(const TimeWindow& window, int minSpacingPx);

// A time offset with just enough decimals to tell ticks `stepNs` apart: the unit follows the
// magnitude of the offset, the precision follows the step ("21.3001 ms" for a 100 ns step).
QString formatTickLabel(TimeNs offsetNs, TimeNs stepNs);

} // namespace gs::ui
