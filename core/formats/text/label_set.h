// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <string_view>

namespace gs::text {

// Reads a Go label set as the runtime prints it: `{"key":"value", "k2": "v2"}` (debug=1 profiles
// write no space after the colon, tracebacks with GODEBUG=tracebacklabels=1 write one). Keys and
// values are Go-quoted; escapes are undone. Calls `onLabel` per pair; false when the text is not a
// well-formed set (the pairs read before the damage have been reported).
bool parseLabelSet(std::string_view text, const std::function<void(std::string_view key, std::string_view value)>& onLabel);

} // namespace gs::text
