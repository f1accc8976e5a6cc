// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/load_context.h"
#include "core/model/event_store.h"

#include <cstdint>
#include <memory>
#include <span>

namespace gs {

// Whether the bytes hold a goroutine dump: a debug=1 count profile ("goroutine profile: total N")
// or a traceback header line anywhere (a dump inside a larger log counts).
bool looksLikeGoroutineDump(std::span<const uint8_t> bytes);

// Decodes a goroutine dump (debug=2, runtime.Stack, panic / fatal error / SIGQUIT output, found
// inside a larger log if need be) or a debug=1 count profile into store.dump, plus store.profile
// weighted by goroutine count. Damage gives a partial dump and warnings; only an input without
// any goroutine is an error.
Result<std::shared_ptr<EventStore>> decodeGoroutineDump(std::span<const uint8_t> bytes, LoadContext& context);

} // namespace gs
