// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <string_view>

namespace gs::text {

// Reads a Go label set as the runtime prints it:
//   {"key":"value", "k2":"v2"}               debug=1 count profiles
//   {"key": "value", "k2": "v2"}             tracebacks, Go 1.26 with GODEBUG=tracebacklabels=1
//   {key: value, "user id": "a, b", k: }     tracebacks, Go 1.27
// A key or value is either Go-quoted (escapes undone) or, as Go 1.27 prints strings made only of
// letters, digits, '.', '/' and '_', bare; the empty string is printed bare, as nothing. Since
// every other string is quoted, ", " and "}" inside a value never end it early. Calls `onLabel`
// per pair; false when the text is not a well-formed set (the pairs read before the damage have
// been reported).
bool parseLabelSet(std::string_view text, const std::function<void(std::string_view key, std::string_view value)>& onLabel);

} // namespace gs::text
