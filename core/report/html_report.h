// SPDX-License-Identifier: MIT
#pragma once

#include "core/report/report_model.h"

#include <string>

namespace gs::report {

// The report as one self-contained HTML5 document: inline CSS (readable on screen, paginated
// sensibly when printed), pictures as data: URLs, no script and nothing fetched from anywhere —
// a Content-Security-Policy meta says so to the browser too (default-src 'none'; img-src data:;
// style-src 'unsafe-inline'). Every string of the report goes through htmlEscaped. The markup is
// also well-formed XML (void elements self-closed, only XML's entities), so tools and tests can
// parse it strictly. Deterministic: the same report gives the same bytes.
std::string writeHtmlReport(const Report& report);

} // namespace gs::report
