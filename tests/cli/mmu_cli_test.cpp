// SPDX-License-Identifier: MIT
// `mmu FILE [--exclude KINDS] [--include sweep] [--per-processor] [--worst WINDOW] [--json]`: the
// options select go tool trace's flags, and the output is the core's curve (whose numbers the trace
// reference test checks against go tool trace).
#include "core/analysis/mmu.h"
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/cli/cli_test_support.h"

#include <gtest/gtest.h>

namespace gs::cli::test {
namespace {

const std::string kTrace = std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/go126_sched.trace";

MmuCurve coreCurve(unsigned flags)
{
    LoadContext ctx;
    auto store = loadFile(kTrace, ctx);
    EXPECT_TRUE(store.ok());
    return MmuCurve(mutatorUtilization(*(*store)->trace, flags));
}

std::vector<std::pair<int64_t, double>> jsonCurve(const std::string& json)
{
    static const std::regex kPoint(R"re(\{\s*"window_ns": (\d+),\s*"mmu": ([-0-9.e+]+)\s*\})re");
    std::vector<std::pair<int64_t, double>> out;
    for (auto it = std::sregex_iterator(json.begin(), json.end(), kPoint); it != std::sregex_iterator(); ++it)
        out.emplace_back(std::stoll((*it)[1]), std::stod((*it)[2]));
    return out;
}

void expectCurve(const std::vector<std::string>& options, unsigned flags)
{
    std::vector<std::string> argv = {"mmu", kTrace, "--json"};
    argv.insert(argv.end(), options.begin(), options.end());
    const CliRun r = runCliCaptured(argv);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto points = jsonCurve(r.out);
    const MmuCurve curve = coreCurve(flags);
    const auto windows = curve.plotWindows();
    ASSERT_EQ(points.size(), windows.size()) << r.out;
    for (size_t i = 0; i < points.size(); ++i) {
        EXPECT_EQ(points[i].first, windows[i]);
        EXPECT_EQ(points[i].second, curve.mmu(windows[i])) << "window " << windows[i];
    }
}

TEST(MmuCli, DefaultIsGoToolTracesDefaultView)
{
    expectCurve({}, kMmuStw | kMmuBackground | kMmuAssist);
}

TEST(MmuCli, OptionsSelectWhatCountsAgainstTheMutator)
{
    expectCurve({"--exclude", "stw,assist"}, kMmuBackground);
    expectCurve({"--exclude", "stw", "--include", "sweep", "--per-processor"},
                kMmuBackground | kMmuAssist | kMmuSweep | kMmuPerProc);
    expectCurve({"--exclude", "stw,background,assist"}, 0);
}

TEST(MmuCli, TextTableHasEveryWindow)
{
    const CliRun r = runCliCaptured({"mmu", kTrace, "--per-processor"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("per processor; counted against the mutator: STW, background workers, mark assists"),
              std::string::npos)
        << r.out;
    static const std::regex kRow(R"(\n  \S+ +[01]\.\d{4})");
    EXPECT_EQ(std::distance(std::sregex_iterator(r.out.begin(), r.out.end(), kRow), std::sregex_iterator()), 100)
        << r.out;
}

TEST(MmuCli, WorstWindowsOfOneSize)
{
    const CliRun r = runCliCaptured({"mmu", kTrace, "--worst", "1ms", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    static const std::regex kWindow(R"re("start_ns": (\d+),\s*"end_ns": (\d+),\s*"mmu": ([-0-9.e+]+))re");
    std::vector<std::smatch> windows;
    for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), kWindow); it != std::sregex_iterator(); ++it)
        windows.push_back(*it);
    ASSERT_EQ(windows.size(), 10u) << r.out;
    for (const auto& w : windows)
        EXPECT_EQ(std::stoll(w[2]) - std::stoll(w[1]), 1'000'000);
    EXPECT_EQ(std::stod(windows[0][3]), coreCurve(kMmuDefaultFlags).mmu(1'000'000));

    const CliRun text = runCliCaptured({"mmu", kTrace, "--worst", "1ms"});
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_EQ(text.out.rfind("Lowest mutator utilisation in 1ms windows:\n", 0), 0u) << text.out;
}

TEST(MmuCli, ReadableErrors)
{
    const CliRun kind = runCliCaptured({"mmu", kTrace, "--exclude", "gc"});
    EXPECT_EQ(kind.code, 2);
    EXPECT_NE(kind.err.find("unknown kind 'gc'"), std::string::npos) << kind.err;
    EXPECT_EQ(runCliCaptured({"mmu", kTrace, "--worst", "0s"}).code, 2);
    EXPECT_EQ(runCliCaptured({"mmu", kTrace, "--worst", "soon"}).code, 2);
    EXPECT_EQ(runCliCaptured({"mmu"}).code, 2);
    const CliRun profile =
        runCliCaptured({"mmu", std::string(GOROSCOPE_TEST_DATA_DIR) + "/dumps/deadlock.txt"});
    EXPECT_EQ(profile.code, 1);
    EXPECT_NE(profile.err.find("needs an execution trace"), std::string::npos) << profile.err;
}

} // namespace
} // namespace gs::cli::test
