// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gs {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if the bytes there are not valid UTF-8
// (stray continuation bytes, truncated sequences, overlong forms, surrogates, code points above
// U+10FFFF). Writers of JSON and XML use it to replace what a profile's strings may contain.
inline size_t utf8SequenceLength(std::string_view s, size_t i)
{
    const auto b0 = uint8_t(s[i]);
    if (b0 < 0x80)
        return 1;
    size_t n = 0;
    uint32_t cp = 0;
    if ((b0 & 0xe0) == 0xc0) {
        n = 2;
        cp = b0 & 0x1f;
    } else if ((b0 & 0xf0) == 0xe0) {
        n = 3;
        cp = b0 & 0x0f;
    } else if ((b0 & 0xf8) == 0xf0) {
        n = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size())
        return 0;
    for (size_t k = 1; k < n; ++k) {
        const auto b = uint8_t(s[i + k]);
        if ((b & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3f);
    }
    constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

// U+FFFD REPLACEMENT CHARACTER, written in place of invalid bytes.
inline constexpr std::string_view kReplacementCharacter = "\xef\xbf\xbd";

} // namespace gs
