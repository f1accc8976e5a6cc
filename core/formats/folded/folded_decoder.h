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

// Whether a line reads as folded stacks: "root;caller;leaf 123" (FlameGraph's stackcollapse).
bool isFoldedLine(std::string_view line);

// Decodes folded stacks into a profile with one "samples/count" column. Lines that are not
// "frames count" are skipped with a warning; an input without any valid line is an error.
Result<std::shared_ptr<EventStore>> decodeFolded(std::span<const uint8_t> bytes, LoadContext& context);

} // namespace gs
