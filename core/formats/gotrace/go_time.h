// SPDX-License-Identifier: MIT
#pragma once

#include <climits>
#include <cstdint>

namespace gs::gotrace {

// Go's int64(f) for a float64 time in nanoseconds, as Go's trace parsers compute times (ticks times
// nanoseconds per tick). In C++ an out-of-range conversion is undefined; on amd64 Go's gives
// INT64_MIN (and so does NaN), which is what `go tool trace` prints for such a time.
inline int64_t goInt64(double v)
{
    return v >= -9223372036854775808.0 && v < 9223372036854775808.0 ? int64_t(v) : INT64_MIN;
}

} // namespace gs::gotrace
