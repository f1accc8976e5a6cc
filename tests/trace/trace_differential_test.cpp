// SPDX-License-Identifier: MIT
// Differential test: for every trace fixture, the whole output of the `goroscope-cli events`
// binary must equal what `go tool trace -d=parsed` prints, byte for byte, stack blocks included
// (Go's own parser is the reference).
#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {

// Splits at '\n', keeping a last empty piece when the text ends with one, so two texts with
// equal pieces are equal bytes.
std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
        lines.push_back(text.substr(start, nl - start));
    lines.push_back(text.substr(start));
    return lines;
}

// Old-format traces: Go's converter reports goroutines created before tracing started, and
// not otherwise described, as runnable in Go map order (random per run). Within each run of
// such lines, put the goroutine IDs in ascending order (times stay where they are), so the
// comparison does not depend on Go's map iteration. These events have no stack, so each is one
// line and a run of them is a run of lines.
void normalizeStartupStatuses(std::vector<std::string>& lines)
{
    const std::string head = "M=-1 P=-1 G=-1 StateTransition Time=";
    auto isStartup = [&](const std::string& l) {
        return l.rfind(head, 0) == 0 && l.find(" Undetermined->Runnable ") != std::string::npos;
    };
    auto goid = [](const std::string& l) {
        const size_t at = l.find(" GoID=") + 6;
        return l.substr(at, l.find(' ', at) - at);
    };
    for (size_t i = 0; i < lines.size();) {
        size_t j = i;
        while (j < lines.size() && isStartup(lines[j]))
            ++j;
        if (j - i > 1) {
            std::vector<std::string> ids;
            for (size_t k = i; k < j; ++k)
                ids.push_back(goid(lines[k]));
            std::sort(ids.begin(), ids.end(), [](const std::string& a, const std::string& b) {
                return a.size() != b.size() ? a.size() < b.size() : a < b;
            });
            for (size_t k = i; k < j; ++k) {
                const size_t at = lines[k].find(" GoID=") + 6;
                lines[k].replace(at, lines[k].find(' ', at) - at, ids[k - i]);
            }
        }
        i = j == i ? i + 1 : j;
    }
}

// Whether a (plain) trace file is in the old format, Go 1.11-1.21: its header says "go 1.NN trace".
bool isOldFormat(const std::string& path)
{
    char header[17] = {};
    std::ifstream(path, std::ios::binary).read(header, 16);
    int minor = 0;
    return std::sscanf(header, "go 1.%d trace", &minor) == 1 && minor < 22;
}

class TraceDifferential : public ::testing::TestWithParam<std::string>
{
};

TEST_P(TraceDifferential, EventsOutputEqualsGoToolTraceParsed)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const std::string go = gs::test::goCommand();
    const std::string& fixture = GetParam();

    // Go's tool does not read gzip: it gets a decompressed copy, we read the fixture itself.
    // Wall-clock times of Sync events print in the local zone there, in UTC here.
    const gs::test::GoReadableTrace goInput(fixture);
    std::string goErr;
    const std::string goText = gs::test::runCommand(
        "TZ=UTC " + gs::test::shellQuote(go) + " tool trace -d=parsed " + gs::test::shellQuote(goInput.path()), &goErr);
    ASSERT_FALSE(goText.empty()) << "go tool trace printed no events: " << goErr;
    std::string ourErr;
    const std::string ourText = gs::test::runCommand(
        gs::test::shellQuote(GOROSCOPE_CLI_BINARY) + " events " + gs::test::shellQuote(fixture), &ourErr);

    std::vector<std::string> want = splitLines(goText);
    std::vector<std::string> got = splitLines(ourText);
    if (isOldFormat(goInput.path())) {
        normalizeStartupStatuses(want);
        normalizeStartupStatuses(got);
    }
    const auto [wantAt, gotAt] = std::mismatch(want.begin(), want.end(), got.begin(), got.end());
    if (wantAt == want.end() && gotAt == got.end())
        return;
    const size_t line = size_t(wantAt - want.begin());
    ADD_FAILURE() << fixture << ": first difference at line " << line + 1 << " of " << want.size() << " (ours has "
                  << got.size() << " lines)\n    go:   " << (wantAt != want.end() ? *wantAt : "<end of output>")
                  << "\n    ours: " << (gotAt != got.end() ? *gotAt : "<end of output>") << "\n  goroscope-cli stderr: "
                  << ourErr;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, TraceDifferential,
                         ::testing::ValuesIn(gs::test::fixtureFiles("trace", {".trace", ".trace.gz"})),
                         [](const auto& param) { return gs::test::testNameOf(param.param); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(TraceDifferential);

} // namespace
