// SPDX-License-Identifier: MIT
#pragma once

#include "core/formats/gotrace/trace_event.h"

#include <cstdint>
#include <memory>
#include <span>

namespace gs::gotrace {

class V1Converter;

// Decodes an old-format trace (Go 1.11–1.21) into the v2 event model: parses and orders the
// whole event stream up front (the format has no generations), then converts the events one
// at a time the way Go 1.23+'s parser does (FORMATS.md B.5). Throws DecodeError.
class V1Decoder
{
public:
    V1Decoder(std::span<const uint8_t> input, size_t bodyOffset, int minorVersion);
    ~V1Decoder();
    bool next(Event& out);

private:
    std::unique_ptr<V1Converter> m_converter;
};

} // namespace gs::gotrace
