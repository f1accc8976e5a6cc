// SPDX-License-Identifier: MIT
#include "core/base/capture_text.h"

#include "core/base/utf8.h"

#include <cstdint>

namespace gs {

namespace {

// The code point of the valid `n`-byte UTF-8 sequence at s[i].
uint32_t decode(std::string_view s, size_t i, size_t n)
{
    static constexpr uint8_t kLeadBits[] = {0, 0x7f, 0x1f, 0x0f, 0x07};
    uint32_t cp = uint8_t(s[i]) & kLeadBits[n];
    for (size_t k = 1; k < n; ++k)
        cp = (cp << 6) | (uint8_t(s[i + k]) & 0x3f);
    return cp;
}

// Characters that are invisible yet change how the text around them is laid out: C1 controls,
// the bidirectional marks, embeddings, overrides and isolates, and the line and paragraph
// separators.
bool isLayoutControl(uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9f) || cp == 0x061c || cp == 0x200e || cp == 0x200f
        || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

void appendHex(std::string& out, const char* prefix, uint32_t value, int digits)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    out += prefix;
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
        out += kDigits[(value >> shift) & 0xf];
}

} // namespace

std::string escapeCaptureText(std::string_view text, size_t maxChars)
{
    std::string out;
    out.reserve(text.size() < 256 ? text.size() : 256);
    size_t chars = 0;
    for (size_t i = 0; i < text.size(); ++chars) {
        if (maxChars != 0 && chars == maxChars) {
            out += "\u2026";
            break;
        }
        const auto byte = uint8_t(text[i]);
        const size_t n = utf8SequenceLength(text, i);
        if (n == 0) {
            appendHex(out, "\\x", byte, 2);
            ++i;
        } else if (n == 1 && (byte < 0x20 || byte == 0x7f)) {
            switch (byte) {
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: appendHex(out, "\\x", byte, 2);
            }
            ++i;
        } else if (const uint32_t cp = decode(text, i, n); n > 1 && isLayoutControl(cp)) {
            appendHex(out, "\\u", cp, 4);
            i += n;
        } else {
            out.append(text, i, n);
            i += n;
        }
    }
    return out;
}

std::string quoteCaptureText(std::string_view text)
{
    return '"' + escapeCaptureText(text, kQuotedCaptureChars) + '"';
}

} // namespace gs
