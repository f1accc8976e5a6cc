// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/load_context.h"
#include "core/formats/dump/dump_builder.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace gs::dump {

// Whether the text starts like a debug=1 count profile: "<name> profile: total <N>".
bool isCountProfileHeader(std::string_view firstLine);

// Reads a debug=1 count profile (goroutine, threadcreate or a custom profile):
//   goroutine profile: total 30
//   20 @ 0x489b8e 0x41a5ae 0x6acf85 0x4912e1
//   # labels: {"handler":"query"}
//   #	0x6acf84	main.(*service).awaitReply+0x24	/src/leak.go:50
// Records that are cut off or malformed are skipped with a warning; it never fails.
void parseCountProfile(std::span<const uint8_t> bytes, DumpBuilder& builder, LoadContext& context);

} // namespace gs::dump
