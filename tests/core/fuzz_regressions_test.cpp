// SPDX-License-Identifier: MIT
// Replays every reproducer the fuzzers found (tests/fuzz/regressions/TARGET/*) through the code
// its fuzz target runs, under the normal sanitizer build: each must load or be refused with one
// line, never crash, leak or trip a sanitizer. Session files are replayed by the widget tests.
#include "tests/fuzz/fuzz_support.h"

#include "core/io/file_bytes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

namespace gs::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path kRegressions = fs::path(GOROSCOPE_FUZZ_DIR) / "regressions";

struct Reproducer
{
    std::string target;
    fs::path file;
};

std::vector<Reproducer> reproducers()
{
    std::vector<Reproducer> out;
    for (const Target& t : targets()) {
        const fs::path dir = kRegressions / t.name;
        if (!fs::is_directory(dir))
            continue;
        for (const auto& entry : fs::directory_iterator(dir))
            out.push_back({std::string(t.name), entry.path()});
    }
    std::ranges::sort(out, {}, [](const Reproducer& r) { return r.file; });
    return out;
}

class FuzzRegression : public ::testing::TestWithParam<Reproducer>
{
};
// Until a fuzzer finds something, there is nothing to replay.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FuzzRegression);

TEST_P(FuzzRegression, LoadsOrFailsWithOneLine)
{
    const Reproducer& r = GetParam();
    auto bytes = readFile(r.file.string());
    ASSERT_TRUE(bytes) << bytes.error().describe();
    const std::string error = findTarget(r.target)->run(*bytes);
    EXPECT_EQ(error.find('\n'), std::string::npos) << error;
}

std::string testName(const ::testing::TestParamInfo<Reproducer>& param)
{
    std::string name = param.param.target + "_" + param.param.file.filename().string();
    std::ranges::replace_if(name, [](char c) { return !std::isalnum(uint8_t(c)); }, '_');
    return name;
}

INSTANTIATE_TEST_SUITE_P(Reproducers, FuzzRegression, ::testing::ValuesIn(reproducers()), testName);

// A folder under regressions/ that names no target would never be replayed.
TEST(FuzzRegressions, EveryFolderIsATarget)
{
    if (!fs::is_directory(kRegressions))
        return;
    for (const auto& entry : fs::directory_iterator(kRegressions)) {
        const std::string name = entry.path().filename().string();
        EXPECT_TRUE(name == "session" || findTarget(name)) << "tests/fuzz/regressions/" << name << " is no fuzz target";
    }
}

} // namespace
} // namespace gs::fuzz
