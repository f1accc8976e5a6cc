// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/byte_reader.h"

#include <cstdint>
#include <span>

namespace gs::gotrace {

// One top-level item of a v2 trace: an event batch, an experimental batch or (Go 1.26+) an
// end-of-generation marker. The payload points into the input bytes.
struct Batch
{
    enum class Type : uint8_t
    {
        Events,
        Experimental,
        EndOfGeneration,
    };
    Type type = Type::Events;
    uint8_t experiment = 0;
    uint64_t gen = 0;
    int64_t m = -1;
    uint64_t time = 0;             // base timestamp, trace-clock ticks
    std::span<const uint8_t> payload;
    uint64_t payloadOffset = 0;    // absolute offset of the payload, for error messages
    uint64_t offset = 0;           // absolute offset of the batch's first byte
};

// Reads the next batch. The caller checks atEnd() first; running out of bytes inside a batch,
// an unknown leading byte or a size above 64 KiB throws DecodeError at the offending byte.
Batch readBatch(ByteReader& in);

} // namespace gs::gotrace
