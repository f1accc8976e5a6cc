// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/load_context.h"
#include "core/model/event_store.h"

#include <cstdint>
#include <memory>
#include <span>

namespace gs {

// Decodes an uncompressed pprof profile.proto message into a store (symbols + Profile).
// Errors carry the byte offset; allocation is bounded by the input size.
Result<std::shared_ptr<EventStore>> decodePprof(std::span<const uint8_t> bytes, LoadContext& context);

} // namespace gs
