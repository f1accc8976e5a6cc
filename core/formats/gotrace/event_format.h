// SPDX-License-Identifier: MIT
#pragma once

#include "core/formats/gotrace/trace_event.h"

#include <string>
#include <string_view>

namespace gs::gotrace {

// Appends the one-line description of `ev` that Go's internal/trace Event.String() starts
// with (`M=.. P=.. G=.. Kind Time=.. ...`), without the stack lines that follow it there, so
// `goroscope-cli events` and `go tool trace -d=parsed` can be compared line by line.
// Wall-clock times of Sync events are written in UTC.
void appendEventLine(const Event& ev, std::string& out);

// Appends `s` quoted the way Go's strconv.Quote does (%q).
void appendGoQuoted(std::string_view s, std::string& out);

} // namespace gs::gotrace
