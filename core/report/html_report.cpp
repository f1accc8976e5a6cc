// SPDX-License-Identifier: MIT
#include "core/report/html_report.h"

#include "core/report/base64.h"
#include "core/report/html_escape.h"

#include <string_view>

namespace gs::report {

namespace {

// Fixed text only: nothing from a capture goes in here, and it holds no '<' or '&'.
constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #1b1b1b; background: #fff; max-width: 1200px; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 1.7em; margin: 0 0 .3em; }
h2 { font-size: 1.25em; margin: 2em 0 .6em; padding-bottom: .2em; border-bottom: 1px solid #d0d0d0; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: .2em 1.2em; margin: 0 0 1em; }
dl.meta dt { color: #5a5a5a; }
dl.meta dd { margin: 0; }
nav ol { margin: .4em 0; padding-left: 1.4em; }
a { color: #1a56a8; }
pre.notes { font: inherit; white-space: pre-wrap; overflow-wrap: anywhere; background: #f7f7f4;
            border-left: 3px solid #c9b458; padding: .7em 1em; margin: 0 0 1em; }
figure { margin: 0 0 1.5em; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid #d8d8d8; }
figcaption { color: #4a4a4a; font-size: .9em; margin-top: .35em; }
table { border-collapse: collapse; margin: 0 0 1.5em; font-size: .92em; }
caption { text-align: left; font-weight: 600; padding-bottom: .35em; }
th, td { border-bottom: 1px solid #e2e2e2; padding: .25em .7em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; border-bottom: 1px solid #bdbdbd; }
td { overflow-wrap: anywhere; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fafafa; }
footer { margin-top: 3em; color: #777; font-size: .85em; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  figure, tr, pre.notes { break-inside: avoid; }
  thead { display: table-header-group; }
}
)css";

// Appends escaped text: the only way capture and user strings reach the document.
void text(std::string& out, std::string_view s)
{
    out += htmlEscaped(s);
}

std::string_view mimeOf(ReportImage::Kind kind)
{
    return kind == ReportImage::Kind::Png ? "image/png" : "image/svg+xml";
}

void writeHead(std::string& out, const Report& report)
{
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
           "style-src 'unsafe-inline'\" />\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n";
    out += "<meta name=\"generator\" content=\"Goroscope\" />\n<title>";
    text(out, report.title);
    out += "</title>\n<style>";
    out += kStyle;
    out += "</style>\n</head>\n";
}

void writeHeader(std::string& out, const Report& report)
{
    out += "<header>\n<h1>";
    text(out, report.title);
    out += "</h1>\n<dl class=\"meta\">\n";
    for (const ReportCapture& c : report.captures) {
        out += "<dt>Capture</dt><dd>";
        text(out, c.name);
        out += " <span class=\"format\">(";
        text(out, c.format);
        if (!c.detail.empty()) {
            out += ", ";
            text(out, c.detail);
        }
        out += ")</span></dd>\n";
    }
    if (!report.timeRange.empty()) {
        out += "<dt>Time range</dt><dd>";
        text(out, report.timeRange);
        out += "</dd>\n";
    }
    out += "</dl>\n</header>\n";
}

// Sections are numbered in document order: "s1", "s2"… (headings are untrusted, ids are not).
std::string anchorOf(size_t index)
{
    return "s" + std::to_string(index + 1);
}

void writeContents(std::string& out, const Report& report)
{
    if (report.sections.size() < 2)
        return;
    out += "<nav>\n<ol>\n";
    for (size_t i = 0; i < report.sections.size(); ++i) {
        out += "<li><a href=\"#" + anchorOf(i) + "\">";
        text(out, report.sections[i].heading);
        out += "</a></li>\n";
    }
    out += "</ol>\n</nav>\n";
}

void writeImage(std::string& out, const ReportImage& image)
{
    out += "<figure>\n<img src=\"data:";
    out += mimeOf(image.kind);
    out += ";base64,";
    out += base64Encoded(image.bytes);
    out += "\" alt=\"";
    text(out, image.caption);
    out += '"';
    if (image.width > 0 && image.height > 0)
        out += " width=\"" + std::to_string(image.width) + "\" height=\"" + std::to_string(image.height) + '"';
    out += " />\n";
    if (!image.caption.empty()) {
        out += "<figcaption>";
        text(out, image.caption);
        out += "</figcaption>\n";
    }
    out += "</figure>\n";
}

void writeCell(std::string& out, std::string_view tag, const ReportTable& table, size_t column, std::string_view s)
{
    const bool numeric = column < table.numeric.size() && table.numeric[column];
    out += '<';
    out += tag;
    out += numeric ? " class=\"num\">" : ">";
    text(out, s);
    out += "</";
    out += tag;
    out += '>';
}

void writeTable(std::string& out, const ReportTable& table)
{
    out += "<table>\n";
    if (!table.caption.empty()) {
        out += "<caption>";
        text(out, table.caption);
        out += "</caption>\n";
    }
    out += "<thead><tr>";
    for (size_t c = 0; c < table.header.size(); ++c)
        writeCell(out, "th", table, c, table.header[c]);
    out += "</tr></thead>\n<tbody>\n";
    for (const std::vector<std::string>& row : table.rows) {
        out += "<tr>";
        for (size_t c = 0; c < row.size(); ++c)
            writeCell(out, "td", table, c, row[c]);
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
}

void writeSection(std::string& out, const ReportSection& section, size_t index)
{
    out += "<section id=\"" + anchorOf(index) + "\">\n<h2>";
    text(out, section.heading);
    out += "</h2>\n";
    if (!section.text.empty()) {
        // The parser drops one newline right after <pre>: this one, so a note's own first line break stays.
        out += "<pre class=\"notes\">\n";
        text(out, section.text);
        out += "</pre>\n";
    }
    for (const ReportImage& image : section.images)
        writeImage(out, image);
    for (const ReportTable& table : section.tables)
        writeTable(out, table);
    out += "</section>\n";
}

} // namespace

std::string writeHtmlReport(const Report& report)
{
    std::string out;
    writeHead(out, report);
    out += "<body>\n";
    writeHeader(out, report);
    writeContents(out, report);
    for (size_t i = 0; i < report.sections.size(); ++i)
        writeSection(out, report.sections[i], i);
    out += "<footer>Written by Goroscope. Self-contained: no scripts, nothing loaded from elsewhere.</footer>\n";
    out += "</body>\n</html>\n";
    return out;
}

} // namespace gs::report
