// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/load_context.h"
#include "core/model/event_store.h"
#include "core/model/gc_trace.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace gs {

// Parses one "gc N @Ts P%: ..." line of GODEBUG=gctrace=1 output; false for any other line.
bool parseGcTraceLine(std::string_view line, GcCycle& out);

// Decodes a gctrace log (other program output between the lines is skipped) into store.gcTrace.
Result<std::shared_ptr<EventStore>> decodeGcTrace(std::span<const uint8_t> bytes, LoadContext& context);

} // namespace gs
