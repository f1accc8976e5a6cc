// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/load_context.h"
#include "core/formats/dump/dump_builder.h"

#include <cstdint>
#include <span>

namespace gs::dump {

constexpr uint64_t kNotFound = UINT64_MAX;

// Byte offset of the first traceback header line ("goroutine 1 [running]:") in the input, or
// kNotFound. Headers are only recognised at the start of a line. A line shaped like a header
// ("goroutine N ...:") but not understood starts the traceback too when an understood one
// follows, so that the parser warns about it.
uint64_t findTraceback(std::span<const uint8_t> bytes);

// Reads the goroutines of the traceback that starts at `start` (from findTraceback) into the
// builder's dump. Reading stops at the first line that cannot belong to a traceback once a
// goroutine block has ended (the rest of a log), or at a second dump (a goroutine ID seen
// again). Damage inside a block (a frame without its file line, a truncated end) and headers
// of an unknown form drop what is incomplete or not understood and add a warning to `context`;
// it never fails.
void parseTraceback(std::span<const uint8_t> bytes, uint64_t start, DumpBuilder& builder, LoadContext& context);

} // namespace gs::dump
