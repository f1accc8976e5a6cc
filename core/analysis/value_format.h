// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gs {

// A value converted to a display unit: 1500000 nanoseconds -> {1.5, "ms"}.
struct ScaledValue
{
    double value = 0;
    std::string unit; // "" for plain counts
};

// Scales `value` (in `fromUnit`, e.g. "nanoseconds", "bytes", "count") the way pprof does: to
// `toUnit` if given ("ms", "MB"), or with toUnit "auto" to the largest unit keeping the value >= 1.
// Unknown units are left as they are.
ScaledValue scaleValue(int64_t value, std::string_view fromUnit, std::string_view toUnit = "auto");

// pprof's label for a value: two decimals with a trailing ".00" dropped, then the unit ("1.50ms",
// "980ms", "12").
std::string formatValue(int64_t value, std::string_view fromUnit, std::string_view toUnit = "auto");

// The unit pprof's text reports use for a whole table: the unit of the smallest non-zero value,
// or a larger one when that value is under 1/100 of the total.
std::string tableUnit(int64_t minNonZero, int64_t total, std::string_view fromUnit);

// pprof's percentage column: "  100%", "12.34%", or two significant digits below 1%.
std::string formatPercent(int64_t value, int64_t total);

} // namespace gs
