// SPDX-License-Identifier: MIT
#include "core/report/html_escape.h"

#include "core/export/flame_svg.h"

#include <sstream>

namespace gs::report {

std::string htmlEscaped(std::string_view text)
{
    // HTML5 knows every entity XML predefines (&apos; included), so the SVG writer's escaping is
    // exactly right here too, and keeping one implementation keeps the two outputs in step.
    std::ostringstream out;
    writeXmlEscaped(out, text);
    return std::move(out).str();
}

} // namespace gs::report
