// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gs {

// Capture text (names, labels, messages written by someone else's program, or the bytes of a
// damaged file) made fit to show on one line, literally: control characters, line separators and
// the bidirectional formatting characters (which would break the line or reorder the text around
// them) become escapes ("\n", "\x1b", "\u202e"), and so do bytes that are not valid UTF-8
// ("\xff"). After `maxChars` characters of `text` the rest is cut and "…" appended (0: never).
std::string escapeCaptureText(std::string_view text, size_t maxChars = 0);

// How much of a capture string a label, a tooltip or a report shows whole. Real Go names fit
// (generic instantiations included); a 10,000-character one would be wider than the screen.
inline constexpr size_t kShownCaptureChars = 240;

// How much of a capture string an error or warning message quotes.
inline constexpr size_t kQuotedCaptureChars = 80;

// `text` escaped, cut at kQuotedCaptureChars and in double quotes, for error and warning
// messages, which must stay one readable line: `found "\x1b[0m\xff…"`.
std::string quoteCaptureText(std::string_view text);

} // namespace gs
