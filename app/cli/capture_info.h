// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/json_writer.h"
#include "core/model/event_store.h"

#include <iosfwd>

namespace gs::cli {

// The `info` lines for goroutine dumps and gctrace logs (nothing for other inputs): goroutines,
// states, the crash line; GC cycles and pauses.
void printCaptureText(const EventStore& store, std::ostream& out);
void writeCaptureJson(const EventStore& store, JsonWriter& j);

} // namespace gs::cli
