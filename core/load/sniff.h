// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <cstdint>
#include <span>

namespace gs {

// Guesses the format of (already decompressed) bytes from their first bytes: the execution trace
// header "go 1.NN trace", the text captures (sniff_text.h), or a protobuf message whose first
// field is a pprof Profile field.
Format sniffFormat(std::span<const uint8_t> bytes);

} // namespace gs
