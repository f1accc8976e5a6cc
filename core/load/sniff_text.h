// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <cstdint>
#include <span>

namespace gs {

// Recognises the text captures: goroutine dumps and debug=1 count profiles (a dump is searched
// for in the whole input, since it may sit inside a larger log), then, from the first lines of
// text, gctrace logs, bpftrace maps, perf script output and folded stacks. Unknown otherwise.
Format sniffTextFormat(std::span<const uint8_t> bytes);

} // namespace gs
