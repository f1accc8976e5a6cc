// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/load_context.h"
#include "core/model/event_store.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace gs {

// Whether `header` and `frame` (two consecutive lines) read as the start of `perf script` output
// with call graphs: a sample line, then an indented "address symbol+off (dso)" line.
bool looksLikePerfScript(std::string_view header, std::string_view frame);

// Decodes `perf script` output (recorded with -g) into a profile with one column per event
// ("cpu-clock", "cycles"...): the value is the sample period when printed, else 1. Symbols keep
// their Go names; offsets are dropped. Unreadable lines are skipped with a warning.
Result<std::shared_ptr<EventStore>> decodePerfScript(std::span<const uint8_t> bytes, LoadContext& context);

} // namespace gs
