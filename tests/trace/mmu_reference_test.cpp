// SPDX-License-Identifier: MIT
// Differential test: the minimum mutator utilisation against go tool trace's MMU page, on every
// trace fixture and for each of its options: the plotted curve (/mmu?mode=plot&flags=...: window
// sizes and MMU) and the worst windows of several sizes (/mmu?mode=details&flags=...&window=N).
//
// The MMU is a ratio of sums of floating-point products. Ours are the same products summed in the
// same order, so the values agree to the last bit on these fixtures; the 1e-12 tolerance only
// leaves room for a compiler that fuses a multiply and an add, and is a millionth of the smallest
// difference a nanosecond makes in a millisecond window. Go prints them with strconv's shortest
// round-trip form, which reads back as the same double.
#include "core/analysis/mmu.h"
#include "tests/support/go_reference.h"
#include "tests/support/trace_server_reference.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace gs {
namespace {

constexpr double kTolerance = 1e-12;

struct Option
{
    const char* goFlags; // as go tool trace's page sends them
    unsigned flags;
};

// go tool trace's default view, each kind alone, sweeps added, and the per-processor view.
constexpr Option kOptions[] = {
    {"stw|background|assist", kMmuDefaultFlags},
    {"perProc|stw|background|assist", kMmuDefaultFlags | kMmuPerProc},
    {"stw|background|assist|sweep", kMmuDefaultFlags | kMmuSweep},
    {"perProc|stw|background|assist|sweep", kMmuDefaultFlags | kMmuSweep | kMmuPerProc},
    {"stw", kMmuStw},
    {"background", kMmuBackground},
    {"assist", kMmuAssist},
    {"sweep", kMmuSweep},
    {"perProc|background", kMmuBackground | kMmuPerProc},
    {"perProc|assist", kMmuAssist | kMmuPerProc},
};

std::string query(const char* goFlags)
{
    return std::regex_replace(goFlags, std::regex("\\|"), "%7C");
}

struct GoPlot
{
    int64_t xMax = -1;
    std::vector<std::pair<int64_t, double>> curve;
};

GoPlot goPlot(const test::GoTraceServer& server, const char* goFlags)
{
    const std::string json = server.get("/mmu?mode=plot&flags=" + query(goFlags));
    GoPlot plot;
    static const std::regex point(R"re(\[([-0-9.e+]+),([-0-9.e+]+)\])re");
    for (auto it = std::sregex_iterator(json.begin(), json.end(), point); it != std::sregex_iterator(); ++it)
        plot.curve.emplace_back(int64_t(std::stod((*it)[1])), std::stod((*it)[2]));
    static const std::regex xMax(R"re("xMax":(\d+))re");
    if (std::smatch m; std::regex_search(json, m, xMax))
        plot.xMax = std::stoll(m[1]);
    return plot;
}

std::vector<UtilWindow> goWorst(const test::GoTraceServer& server, const char* goFlags, TimeNs window)
{
    const std::string json =
        server.get("/mmu?mode=details&flags=" + query(goFlags) + "&window=" + std::to_string(window));
    std::vector<UtilWindow> out;
    static const std::regex entry(R"re("Time":(\d+),"MutatorUtil":([-0-9.e+]+))re");
    for (auto it = std::sregex_iterator(json.begin(), json.end(), entry); it != std::sregex_iterator(); ++it)
        out.push_back({std::stoll((*it)[1]), std::stod((*it)[2])});
    return out;
}

using MmuReference = test::TraceServerReference;

TEST_P(MmuReference, CurveAndWorstWindowsMatchGoToolTrace)
{
    const TraceData& trace = this->trace();
    const test::GoTraceServer& server = this->server();

    for (const Option& option : kOptions) {
        SCOPED_TRACE(option.goFlags);
        const MmuCurve curve(mutatorUtilization(trace, option.flags));
        const GoPlot plot = goPlot(server, option.goFlags);
        ASSERT_EQ(plot.curve.size(), 100u) << "no curve read from go tool trace";

        // The windows: Go's exp(log(x)) of the largest one may fall a nanosecond short of xMax,
        // where ours is xMax itself.
        const std::vector<TimeNs> windows = curve.plotWindows();
        ASSERT_EQ(windows.size(), plot.curve.size());
        for (size_t i = 0; i + 1 < windows.size(); ++i)
            EXPECT_EQ(windows[i], plot.curve[i].first) << "window " << i;
        EXPECT_EQ(windows.back(), plot.xMax);
        EXPECT_LE(plot.xMax - plot.curve.back().first, 1);

        for (const auto& [window, mmu] : plot.curve)
            EXPECT_NEAR(curve.mmu(window), mmu, kTolerance) << "window " << window << " ns";

        for (size_t i : {0, 33, 66, 99}) {
            const TimeNs window = plot.curve[i].first;
            const auto expected = goWorst(server, option.goFlags, window);
            ASSERT_FALSE(expected.empty()) << "no worst windows read from go tool trace";
            const auto worst = curve.worstWindows(window, 10);
            ASSERT_EQ(worst.size(), expected.size()) << "window " << window << " ns";
            for (size_t k = 0; k < worst.size(); ++k) {
                EXPECT_EQ(worst[k].start, expected[k].start) << "window " << window << " ns, #" << k;
                EXPECT_NEAR(worst[k].util, expected[k].util, kTolerance) << "window " << window << " ns, #" << k;
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, MmuReference, ::testing::ValuesIn(test::referenceTraces()),
                         [](const auto& param) { return test::testNameOf(param.param); });

} // namespace
} // namespace gs
