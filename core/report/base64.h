// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace gs::report {

// Standard base64 (RFC 4648, with '=' padding, no line breaks): images embedded in a report as
// data: URLs.
std::string base64Encoded(std::string_view bytes);

} // namespace gs::report
