// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"

#include <cstdint>
#include <span>

namespace gs::gotrace {

// The "go 1.NN trace\0\0\0" header: which Go wrote the trace and where the body starts.
struct TraceHeader
{
    int minorVersion = 0;  // NN
    size_t bodyOffset = 0; // 16 for every supported version
    bool isV1() const { return minorVersion < 22; }
};

// Accepts the versions Go 1.26's parser accepts: 11, 19, 21 (old format) and 22, 23, 25, 26.
Result<TraceHeader> readTraceHeader(std::span<const uint8_t> bytes);

} // namespace gs::gotrace
