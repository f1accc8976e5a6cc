// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace gs::report {

// `text` made safe for HTML (and XML) character data and quoted attribute values alike: & < > " '
// become entities, invalid UTF-8 and the control characters markup forbids become U+FFFD. The one
// function every string of a report that came from a capture (function names, labels, reasons,
// file names) or from the user goes through; it shares writeXmlEscaped's rules with the SVG
// exports, so a name reads the same in both.
std::string htmlEscaped(std::string_view text);

} // namespace gs::report
