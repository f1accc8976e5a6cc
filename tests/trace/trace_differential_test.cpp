// SPDX-License-Identifier: MIT
// Differential test: for every trace fixture, our event lines must equal the first line of
// every event `go tool trace -d=parsed` prints (Go's own parser is the reference).
#include "core/base/load_context.h"
#include "core/formats/gotrace/event_format.h"
#include "core/formats/gotrace/trace_reader.h"
#include "core/io/file_bytes.h"

#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kTraceDir = fs::path(GOROSCOPE_TEST_DATA_DIR) / "trace";

std::vector<std::string> listFixtures()
{
    std::vector<std::string> names;
    if (!fs::is_directory(kTraceDir))
        return names;
    for (const auto& entry : fs::directory_iterator(kTraceDir)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".trace") || name.ends_with(".trace.gz"))
            names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

// Runs `go tool trace -d=parsed` and keeps the first line of each event (they start with
// "M="; stack lines follow them). Wall clock times print in UTC, as ours do.
std::vector<std::string> goEventLines(const fs::path& trace, std::string& stderrText)
{
    const std::string output = gs::test::runCommand("TZ=UTC " + gs::test::shellQuote(gs::test::goCommand())
                                                        + " tool trace -d=parsed " + gs::test::shellQuote(trace.string()),
                                                    &stderrText);
    std::vector<std::string> lines;
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("M=", 0) == 0)
            lines.push_back(line);
    }
    return lines;
}

// Old-format traces: Go's converter reports goroutines created before tracing started, and
// not otherwise described, as runnable in Go map order (random per run). Within each run of
// such lines, put the goroutine IDs in ascending order (times stay where they are), so the
// comparison does not depend on Go's map iteration.
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

class TraceDifferential : public ::testing::TestWithParam<std::string>
{
};

TEST_P(TraceDifferential, MatchesGoToolTraceParsed)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const fs::path path = kTraceDir / GetParam();
    gs::Result<gs::InputBytes> input = gs::readInput(path.string());
    ASSERT_TRUE(input.ok()) << input.error().describe();

    // Go's tool does not read gzip: give it the decompressed bytes.
    fs::path goInput = path;
    if (input->compressed) {
        goInput = fs::temp_directory_path() / ("goroscope_trace_" + std::to_string(::getpid()) + ".trace");
        std::ofstream(goInput, std::ios::binary)
            .write(reinterpret_cast<const char*>(input->data.data()), std::streamsize(input->data.size()));
    }
    std::string goErr;
    std::vector<std::string> want = goEventLines(goInput, goErr);
    if (input->compressed)
        fs::remove(goInput);
    ASSERT_FALSE(want.empty()) << "go tool trace printed no events: " << goErr;

    std::vector<std::string> got;
    gs::LoadContext ctx;
    std::string line;
    auto result = gs::gotrace::readTrace(input->span(), ctx, [&](const gs::gotrace::Event& ev) {
        line.clear();
        gs::gotrace::appendEventLine(ev, line);
        got.push_back(line);
    });
    EXPECT_TRUE(result.ok()) << result.error().describe();
    if (input->data.size() >= 16 && std::string(input->data.begin(), input->data.begin() + 16) < "go 1.22") {
        normalizeStartupStatuses(want);
        normalizeStartupStatuses(got);
    }

    size_t identical = 0;
    std::vector<size_t> differing;
    for (size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
        if (i < want.size() && i < got.size() && want[i] == got[i])
            ++identical;
        else
            differing.push_back(i);
    }
    const double share = 100.0 * double(identical) / double(std::max(want.size(), got.size()));
    std::ostringstream report;
    report << GetParam() << ": " << identical << " of " << want.size() << " Go lines identical (" << share
           << "%), ours has " << got.size() << " lines";
    for (size_t k = 0; k < std::min<size_t>(differing.size(), 5); ++k) {
        const size_t i = differing[k];
        report << "\n  line " << i + 1 << "\n    go:   " << (i < want.size() ? want[i] : "<none>")
               << "\n    ours: " << (i < got.size() ? got[i] : "<none>");
    }
    std::cout << "[ share ] " << GetParam() << ": " << share << "% identical (" << identical << "/" << want.size()
              << ")\n";
    EXPECT_TRUE(differing.empty()) << report.str();
}

std::string fixtureTestName(const ::testing::TestParamInfo<std::string>& info)
{
    std::string name = info.param;
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, TraceDifferential, ::testing::ValuesIn(listFixtures()), fixtureTestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(TraceDifferential);

} // namespace
