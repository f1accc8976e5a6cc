// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gs::dump {

// The parts of a traceback header line (runtime.goroutineheader):
//   goroutine 7 [chan receive, 3 minutes, locked to thread]:
//   goroutine 7 gp=0xc000007a40 m=3 mp=0xc000100008 [running]:           (GOTRACEBACK=system)
//   goroutine 7 [sleep, synctest bubble 2 labels:{"job": "x"}]:         (Go 1.26, GODEBUG=tracebacklabels=1)
//   goroutine 7 [sleep, synctest bubble 2] {job: x, "user id": "a b"}:  (Go 1.27, on by default)
// Views point into the line.
struct GoroutineHeader
{
    uint64_t id = 0;
    std::string_view state;      // status or wait reason, " (scan)" dropped
    std::string_view threadInfo; // "gp=0x... m=3 mp=0x..." before the bracket, or empty
    std::string_view labels;     // the label set "{...}" in either form (text::parseLabelSet), or empty
    int32_t waitMinutes = 0;
    bool lockedToThread = false;
    // Bracket fields this parser does not interpret ("synctest bubble 2", future ones); more than
    // kMaxExtras are kept together in the last one.
    static constexpr size_t kMaxExtras = 4;
    std::array<std::string_view, kMaxExtras> extras;
    size_t extraCount = 0;
};

// Parses a header line; false when the line is not one.
bool parseGoroutineHeader(std::string_view line, GoroutineHeader& out);

// "goroutine " and a digit: what every header starts with. Inside a dump, such a line that
// parseGoroutineHeader rejects is a header of a form not known here, not text to skip quietly.
bool looksLikeGoroutineHeader(std::string_view line);

} // namespace gs::dump
