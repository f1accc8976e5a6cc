// SPDX-License-Identifier: MIT
#pragma once

#include "core/formats/gotrace/stack_text.h"
#include "core/formats/gotrace/trace_event.h"

#include <string>
#include <string_view>

namespace gs::gotrace {

// Appends the one-line description of `ev` that Go's internal/trace Event.String() starts
// with (`M=.. P=.. G=.. Kind Time=.. ...`), without the stack blocks that may follow it.
// Wall-clock times of Sync events are written in UTC.
void appendEventLine(const Event& ev, std::string& out);

// Appends the whole of Go's Event.String() for `ev`: its line, then a "TransitionStack=" block
// for a state transition that carries the transitioning goroutine's stack, then a "Stack="
// block for the event's own stack (each block: a newline, the header line, the frames). As
// `go tool trace -d=parsed` prints each event with Println, the caller adds one '\n'.
void appendEvent(const Event& ev, StackTextCache& stacks, std::string& out);

// Appends `s` quoted the way Go's strconv.Quote does (%q).
void appendGoQuoted(std::string_view s, std::string& out);

} // namespace gs::gotrace
