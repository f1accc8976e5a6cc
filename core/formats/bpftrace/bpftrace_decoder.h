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

// Whether a line opens a bpftrace map entry: "@[" or "@name[".
bool isBpftraceMapLine(std::string_view line);

// Decodes the maps bpftrace prints at exit, e.g. for `@[ustack] = count();`:
//   @[
//       main.work+28
//       main.main+40
//   ]: 42
// Each entry becomes a sample of its stack (leaf first, "+offset" dropped) weighted by its
// value, one column per map name. Single-line keys (@[comm]: 3) become one-frame stacks; keys
// combining a stack with other fields keep the stack frames and the other fields as frames.
Result<std::shared_ptr<EventStore>> decodeBpftrace(std::span<const uint8_t> bytes, LoadContext& context);

} // namespace gs
