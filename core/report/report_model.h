// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace gs::report {

// A postmortem report as plain values, before it is written (html_report.h). Every string may
// come from a capture or from the user and is stored as it is: the writer escapes, never the
// builder, so no text is escaped twice or not at all.

// A picture of a view, already encoded. It is embedded as a data: URL in an <img>, never inlined:
// a browser runs no script and loads nothing from an SVG shown that way.
struct ReportImage
{
    enum class Kind
    {
        Png,
        Svg,
    };
    Kind kind = Kind::Png;
    std::string bytes;   // the PNG file, or the SVG document's text
    std::string caption; // what the picture shows
    int width = 0;       // logical size, so a 2x PNG shows at its layout size; 0: natural size
    int height = 0;
};

// A table of figures; every cell is text.
struct ReportTable
{
    std::string caption;
    std::vector<std::string> header;
    std::vector<bool> numeric; // per column: right-aligned (values); missing columns are text
    std::vector<std::vector<std::string>> rows;
};

// One part of the report under its heading: a preformatted text (notes keep their line breaks),
// then pictures, then tables; empty parts are left out.
struct ReportSection
{
    std::string heading;
    std::string text;
    std::vector<ReportImage> images;
    std::vector<ReportTable> tables;
};

// A file the investigation looked at.
struct ReportCapture
{
    std::string name;   // the file name
    std::string format; // "pprof", "go-trace", ...
    std::string detail; // what else identifies it: the sample type, the goroutine count
};

struct Report
{
    std::string title;
    std::vector<ReportCapture> captures;
    std::string timeRange; // the span of time the capture covers; empty when it has none
    std::vector<ReportSection> sections;
};

} // namespace gs::report
