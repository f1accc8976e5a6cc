// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <cstdint>
#include <string_view>

namespace gs::ui {

// Values for people rather than for pprof-compatible text: the scaling is core's (gs::scaleValue,
// the same unit families as the CLI), the presentation is three significant digits, a space and
// binary-prefixed byte units: "1.23 ms", "4.5 MiB", counts as "1,234". `unit` is the pprof unit
// string ("nanoseconds", "bytes", "count", ...).
QString formatValue(int64_t value, std::string_view unit);

// The same with an explicit sign, for diffs: "+1.2 ms", "-340 KiB", "0".
QString formatDelta(int64_t value, std::string_view unit);

// "1 sample", "1,234 samples": `singular` for one, else the grouped count and `plural`. English
// plurals without a translation catalogue, which %n with "(s)" would otherwise print literally.
QString formatCount(int64_t count, const QString& singular, const QString& plural);

// A fraction as a percentage with one decimal: 0.2345 -> "23.4%".
QString formatPercent(double fraction);

} // namespace gs::ui
