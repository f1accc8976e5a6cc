// SPDX-License-Identifier: MIT
#include "core/load/sniff.h"

#include <cstring>

namespace gs {

Format sniffFormat(std::span<const uint8_t> bytes)
{
    constexpr const char kTraceMagic[] = "go 1.";
    if (bytes.size() >= 16 && std::memcmp(bytes.data(), kTraceMagic, 5) == 0)
        return Format::GoTrace;
    if (bytes.empty())
        return Format::Unknown;
    // A pprof Profile starts with a field tag: field 1..15, wire type 0 (varint) or 2 (bytes).
    // Text inputs start with a printable character; tags 0x08..0x7a overlap with ASCII, so only
    // accept the tags Go and pprof actually write first (sample_type, sample, mapping, location,
    // function, string_table: length-delimited fields 1..6).
    const uint8_t tag = bytes[0];
    if ((tag & 7) == 2 && (tag >> 3) >= 1 && (tag >> 3) <= 6)
        return Format::Pprof;
    return Format::Unknown;
}

} // namespace gs
