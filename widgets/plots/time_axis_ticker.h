// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"
#include "widgets/plots/spaced_ticker.h"

namespace gs::ui {

// Ticks for an axis of milliseconds since the trace start that read like the timeline's ruler
// above it: the ruler's steps for the axis's length (rulerStep at kRulerTickSpacingPx) and its
// labels with units ("0", "5 ms", "10 ms", "1.2 s"), so an axis as wide as the timeline's time
// axis has its ticks under the ruler's.
class TimeAxisTicker : public SpacedTicker
{
public:
    TimeAxisTicker();

protected:
    double getTickStep(const QCPRange& range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;

private:
    TimeNs m_stepNs = 1; // of the ticks being labelled
};

} // namespace gs::ui
