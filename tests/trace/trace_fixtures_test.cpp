// SPDX-License-Identifier: MIT
// The trace fixtures are exactly the files tests/data/trace/README.md lists (its table's first
// column), so what README claims to be tested is what the differential tests run on.
#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// The file names in the first column of README's table ("| `go126_sched.trace` | ...").
std::vector<std::string> listedInReadme()
{
    std::ifstream readme(fs::path(GOROSCOPE_TEST_DATA_DIR) / "trace" / "README.md");
    std::vector<std::string> names;
    for (std::string line; std::getline(readme, line);) {
        if (!line.starts_with("| `"))
            continue;
        const size_t end = line.find('`', 3);
        if (end != std::string::npos)
            names.push_back(line.substr(3, end - 3));
    }
    std::sort(names.begin(), names.end());
    return names;
}

TEST(TraceFixtures, AreTheFilesReadmeLists)
{
    std::vector<std::string> present;
    for (const std::string& path : gs::test::fixtureFiles("trace", {".trace", ".trace.gz"}))
        present.push_back(fs::path(path).filename().string());
    const std::vector<std::string> listed = listedInReadme();
    ASSERT_FALSE(listed.empty()) << "no table of fixtures in tests/data/trace/README.md";
    EXPECT_EQ(present, listed);
}

} // namespace
