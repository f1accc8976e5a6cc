// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capture_kind.h"

#include <string>

namespace gs::capture {

// Whether the file a capture was written to holds what its kind should (a pprof profile, a
// goroutine dump, an execution trace), sniffed as the loader sniffs. "" when it does; otherwise
// what it holds instead, for a message: "an HTML page", "text starting \"hello\"", "empty".
std::string bodyMismatch(const std::string& path, CaptureKind kind);

} // namespace gs::capture
