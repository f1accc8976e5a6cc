// SPDX-License-Identifier: MIT
// The postmortem report's writer (core/report): every string from a capture is escaped, the
// document is self-contained and scriptless, and the figures are those of the capture.
#include "core/analysis/blocking_chain.h"
#include "core/formats/folded/folded_decoder.h"
#include "core/report/base64.h"
#include "core/report/html_escape.h"
#include "core/report/html_report.h"
#include "core/report/report_figures.h"
#include "tests/support/chain_fixture.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

namespace gs::report {
namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kScriptEscaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
// A name with every character markup cares about: quotes of both kinds and an ampersand.
const std::string kQuoted = "main.\"quoted\"&'single'";
const std::string kQuotedEscaped = "main.&quot;quoted&quot;&amp;&apos;single&apos;";

// The element names the document uses, in the order they appear; a tag a capture smuggled in
// would show up here.
std::set<std::string> tagNames(const std::string& html)
{
    static const std::regex kTag(R"(<(/?)([!A-Za-z][A-Za-z0-9]*))");
    std::set<std::string> names;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), kTag); it != std::sregex_iterator(); ++it)
        names.insert((*it)[2].str());
    return names;
}

void expectOnlyOwnMarkup(const std::string& html)
{
    const std::set<std::string> allowed = {"!DOCTYPE", "html",    "head",  "meta",    "title",      "style",
                                           "body",     "header",  "h1",    "dl",      "dt",         "dd",
                                           "span",     "nav",     "ol",    "li",      "a",          "section",
                                           "h2",       "pre",     "figure", "img",    "figcaption", "table",
                                           "caption",  "thead",   "tr",    "th",      "tbody",      "td",
                                           "footer"};
    for (const std::string& name : tagNames(html))
        EXPECT_TRUE(allowed.contains(name)) << "unexpected element <" << name << ">";
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("http:"), std::string::npos);
    EXPECT_EQ(html.find("https:"), std::string::npos);
    EXPECT_EQ(html.find("javascript:"), std::string::npos);
    EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                        "style-src 'unsafe-inline'\" />"),
              std::string::npos);
}

TEST(HtmlEscapeTest, EscapesMarkupQuotesAndAmpersands)
{
    EXPECT_EQ(htmlEscaped(kScript), kScriptEscaped);
    EXPECT_EQ(htmlEscaped(kQuoted), kQuotedEscaped);
    EXPECT_EQ(htmlEscaped("a < b > c"), "a &lt; b &gt; c");
    // Already-escaped text is escaped again: the writer never trusts a string to be safe.
    EXPECT_EQ(htmlEscaped("&amp;"), "&amp;amp;");
    EXPECT_EQ(htmlEscaped(""), "");
}

TEST(HtmlEscapeTest, KeepsValidUtf8AndLineBreaksReplacesTheRest)
{
    EXPECT_EQ(htmlEscaped("caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x90\xb9"), "caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x90\xb9");
    EXPECT_EQ(htmlEscaped("line 1\nline 2\tend"), "line 1\nline 2\tend");
    // A stray byte, a truncated sequence, an overlong '<' (0xc0 0xbc) and a control character: each
    // becomes U+FFFD, and none can turn into markup.
    EXPECT_EQ(htmlEscaped("a\xff" "b"), "a\xef\xbf\xbd" "b");
    EXPECT_EQ(htmlEscaped("\xe2\x86"), "\xef\xbf\xbd\xef\xbf\xbd");
    EXPECT_EQ(htmlEscaped("\xc0\xbcscript"), "\xef\xbf\xbd\xef\xbf\xbdscript");
    EXPECT_EQ(htmlEscaped(std::string("nul\0bell\x07", 9)), "nul\xef\xbf\xbd" "bell\xef\xbf\xbd");
}

TEST(Base64Test, MatchesRfc4648Vectors)
{
    EXPECT_EQ(base64Encoded(""), "");
    EXPECT_EQ(base64Encoded("f"), "Zg==");
    EXPECT_EQ(base64Encoded("fo"), "Zm8=");
    EXPECT_EQ(base64Encoded("foo"), "Zm9v");
    EXPECT_EQ(base64Encoded("foob"), "Zm9vYg==");
    EXPECT_EQ(base64Encoded("fooba"), "Zm9vYmE=");
    EXPECT_EQ(base64Encoded("foobar"), "Zm9vYmFy");
    EXPECT_EQ(base64Encoded(std::string("\xff\x00\xfe", 3)), "/wD+");
}

// A report with markup in every field a capture or a person can fill.
Report hostileReport()
{
    Report r;
    r.title = "Postmortem: " + kScript;
    r.captures.push_back({kScript + ".pb.gz", "pprof", kQuoted});
    r.timeRange = kQuoted;
    ReportSection notes {kScript, "first line\n" + kScript + "\n\xff last line", {}, {}};
    ReportSection views {"Views", {}, {{ReportImage::Kind::Png, std::string("\x89PNG\r\n\x1a\n", 8), kScript, 40, 20}},
                         {}};
    ReportTable table {kQuoted, {"Flat", kScript}, {true, false}, {{"1ms", kScript}, {"2ms", kQuoted}}};
    views.tables.push_back(table);
    r.sections = {notes, views};
    return r;
}

TEST(HtmlReportTest, EscapesEveryFieldAndHasNoScript)
{
    const std::string html = writeHtmlReport(hostileReport());
    expectOnlyOwnMarkup(html);
    EXPECT_EQ(html.find(kScript), std::string::npos);
    EXPECT_EQ(html.find("\"quoted\""), std::string::npos);
    EXPECT_NE(html.find("<title>Postmortem: " + kScriptEscaped + "</title>"), std::string::npos);
    EXPECT_NE(html.find("<h1>Postmortem: " + kScriptEscaped + "</h1>"), std::string::npos);
    EXPECT_NE(html.find("<dd>" + kScriptEscaped + ".pb.gz <span class=\"format\">(pprof, " + kQuotedEscaped
                        + ")</span>"),
              std::string::npos);
    EXPECT_NE(html.find("<caption>" + kQuotedEscaped + "</caption>"), std::string::npos);
    EXPECT_NE(html.find("<td>" + kScriptEscaped + "</td>"), std::string::npos);
    EXPECT_NE(html.find("alt=\"" + kScriptEscaped + "\""), std::string::npos);
    // Notes keep their lines; the invalid byte is replaced.
    EXPECT_NE(html.find("<pre class=\"notes\">\nfirst line\n" + kScriptEscaped + "\n\xef\xbf\xbd last line</pre>"),
              std::string::npos);
}

TEST(HtmlReportTest, EmbedsImagesAsDataUrlsWithTheirSize)
{
    const std::string html = writeHtmlReport(hostileReport());
    EXPECT_NE(html.find("<img src=\"data:image/png;base64," + base64Encoded(std::string("\x89PNG\r\n\x1a\n", 8))
                        + "\" alt=\"" + kScriptEscaped + "\" width=\"40\" height=\"20\" />"),
              std::string::npos);
    // Every src is a data: URL; nothing else is referenced.
    static const std::regex kSrc(R"re((src|href)="([^"#][^"]*)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), kSrc); it != std::sregex_iterator(); ++it)
        EXPECT_EQ((*it)[2].str().rfind("data:image/", 0), 0u) << (*it)[0].str();
    Report svg;
    const ReportImage vector {ReportImage::Kind::Svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "", 0, 0};
    svg.sections.push_back({"SVG", {}, {vector}, {}});
    const std::string svgHtml = writeHtmlReport(svg);
    // Inside a data: URL in an <img>: never inlined, so the SVG's own markup is not the document's.
    EXPECT_NE(svgHtml.find("<img src=\"data:image/svg+xml;base64,"), std::string::npos);
    EXPECT_EQ(svgHtml.find("<svg"), std::string::npos);
}

TEST(HtmlReportTest, IsDeterministicAndListsSectionsInOrder)
{
    const std::string html = writeHtmlReport(hostileReport());
    EXPECT_EQ(html, writeHtmlReport(hostileReport()));
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_LT(html.find("<section id=\"s1\">"), html.find("<section id=\"s2\">"));
    EXPECT_NE(html.find("<li><a href=\"#s1\">" + kScriptEscaped + "</a></li>"), std::string::npos);
}

// Folded stacks whose function names carry markup, loaded with the project's decoder.
StorePtr hostileCapture()
{
    const std::string text = "main.main;" + kScript + " 7\nmain.main;" + kQuoted + " 3\nmain.main;a&b<c 1\n";
    LoadContext context;
    auto store = decodeFolded(std::span(reinterpret_cast<const uint8_t*>(text.data()), text.size()), context);
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? StorePtr(*store) : nullptr;
}

TEST(ReportFiguresTest, CaptureWithMarkupInFunctionNamesIsEscaped)
{
    const StorePtr store = hostileCapture();
    ASSERT_TRUE(store);
    const auto top = topFunctionsSection(*store);
    ASSERT_TRUE(top.has_value());
    const ReportTable& table = top->tables.at(0);
    ASSERT_EQ(table.rows.size(), 4u);
    // pprof's order: flat descending; the names are kept as they are until written.
    EXPECT_EQ(table.rows[0].back(), kScript);
    EXPECT_EQ(table.rows[0][0], "7");
    EXPECT_EQ(table.rows[1].back(), kQuoted);
    EXPECT_EQ(table.rows[3].back(), "main.main");
    EXPECT_EQ(table.rows[3][3], "11");
    EXPECT_EQ(table.rows[3][4], "100%");

    Report r;
    r.title = "Postmortem";
    r.captures.push_back(describeCapture(*store, kScript + ".folded"));
    r.sections.push_back(*top);
    const std::string html = writeHtmlReport(r);
    expectOnlyOwnMarkup(html);
    EXPECT_EQ(html.find(kScript), std::string::npos);
    EXPECT_EQ(html.find("a&b<c"), std::string::npos);
    EXPECT_NE(html.find("<td>" + kScriptEscaped + "</td>"), std::string::npos);
    EXPECT_NE(html.find("<td>" + kQuotedEscaped + "</td>"), std::string::npos);
    EXPECT_NE(html.find("<td>a&amp;b&lt;c</td>"), std::string::npos);
    EXPECT_NE(html.find(kScriptEscaped + ".folded <span class=\"format\">(folded, samples)"), std::string::npos);
}

TEST(ReportFiguresTest, TraceHasTopFunctionsStatesAndTheFollowedChain)
{
    const StorePtr store = test::loadChainTrace("go126_chain");
    ASSERT_TRUE(store);
    const auto scenarios = test::readChainScenarios("go126_chain");
    ASSERT_FALSE(scenarios.empty());
    const TraceData& trace = *store->trace;

    const auto top = topFunctionsSection(*store);
    ASSERT_TRUE(top.has_value());
    EXPECT_FALSE(top->tables.at(0).rows.empty());
    EXPECT_LE(top->tables.at(0).rows.size(), 15u);

    const auto states = goroutineStatesSection(*store);
    ASSERT_TRUE(states.has_value());
    const ReportTable& st = states->tables.at(0);
    ASSERT_FALSE(st.rows.empty());
    EXPECT_EQ(st.rows[0][0], "running");
    int64_t running = 0;
    for (GoroutineRow row = 0; row < trace.goroutines.size(); ++row)
        running += trace.goroutineStats(row).execNs > 0;
    EXPECT_EQ(st.rows[0][2], std::to_string(running));
    EXPECT_TRUE(std::ranges::any_of(st.rows, [](const auto& row) { return row[0] == "waiting" && !row[1].empty(); }));

    const std::vector<int64_t>& expected = scenarios.front().chain;
    const GoroutineRow row = trace.rowOf(expected.front());
    const auto wait = findWait(trace, row);
    ASSERT_TRUE(wait.has_value());
    const FollowedWait waits[] = {{row, *wait}, {kNoRow, 0}};
    const auto chains = followedChainsSection(*store, waits);
    ASSERT_TRUE(chains.has_value());
    ASSERT_EQ(chains->tables.size(), 1u) << "the invalid wait is skipped";
    const ReportTable& chain = chains->tables[0];
    ASSERT_EQ(chain.rows.size(), expected.size());
    for (size_t k = 0; k < expected.size(); ++k)
        EXPECT_EQ(chain.rows[k][1], "G" + std::to_string(expected[k]));
    EXPECT_EQ(chain.rows[0][2], "waiting");
    EXPECT_EQ(chain.rows[0][6].rfind("woken by G" + std::to_string(expected[1]) + " at ", 0), 0u);
    EXPECT_EQ(captureTimeRange(*store).find(" traced"), captureTimeRange(*store).size() - 7);
}

TEST(ReportFiguresTest, DumpGroupsGoroutinesByStatus)
{
    LoadContext context;
    auto loaded = loadFile(GOROSCOPE_TEST_DATA_DIR "/dumps/leak_after.txt", context);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const auto states = goroutineStatesSection(**loaded);
    ASSERT_TRUE(states.has_value());
    const ReportTable& table = states->tables.at(0);
    ASSERT_FALSE(table.rows.empty());
    int64_t sum = 0;
    for (const auto& row : table.rows)
        sum += std::stoll(row[1]);
    EXPECT_EQ(int64_t((*loaded)->dump->goroutines.size()), sum);
    EXPECT_FALSE(followedChainsSection(**loaded, {}).has_value());
}

} // namespace
} // namespace gs::report
