// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/trace_header.h"

#include <string>
#include <string_view>

namespace gs::gotrace {

Result<TraceHeader> readTraceHeader(std::span<const uint8_t> bytes)
{
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    constexpr std::string_view kPrefix = "go 1.";
    constexpr std::string_view kSuffix{" trace\0\0\0", 9};
    const Error notATrace{"bad file format: not a Go execution trace (no \"go 1.NN trace\" header)", uint64_t(0)};
    if (text.substr(0, kPrefix.size()) != kPrefix)
        return notATrace;
    size_t pos = kPrefix.size();
    int minor = 0;
    while (pos < text.size() && pos < kPrefix.size() + 4 && text[pos] >= '0' && text[pos] <= '9')
        minor = minor * 10 + (text[pos++] - '0');
    if (pos == kPrefix.size() || text.substr(pos, kSuffix.size()) != kSuffix)
        return notATrace;
    switch (minor) {
    case 11:
    case 19:
    case 21:
    case 22:
    case 23:
    case 25:
    case 26: break;
    default:
        return Error{"unknown or unsupported trace version go 1." + std::to_string(minor)
                         + " (supported: 1.11-1.21 old format, 1.22-1.26)",
                     uint64_t(0)};
    }
    return TraceHeader{minor, pos + kSuffix.size()};
}

} // namespace gs::gotrace
