// SPDX-License-Identifier: MIT
// Minimum mutator utilisation on small utilisation functions with known answers, the band search
// against a brute force over every window, and the replay of recorded GC events under each option.
#include "core/analysis/mmu.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace gs {
namespace {

constexpr TimeNs kMs = 1'000'000;

// One processor, stopped for 1 ms at 4 ms of a 10 ms trace.
UtilSeries oneStw()
{
    return {{0, 1}, {4 * kMs, 0}, {5 * kMs, 1}, {10 * kMs, 0}};
}

TEST(MmuCurve, SingleStopTheWorld)
{
    const MmuCurve curve({oneStw()});
    EXPECT_EQ(curve.mmu(kMs / 2), 0);
    EXPECT_EQ(curve.mmu(kMs), 0);
    EXPECT_EQ(curve.mmu(2 * kMs), 0.5);
    EXPECT_EQ(curve.mmu(4 * kMs), 0.75);
    EXPECT_DOUBLE_EQ(curve.mmu(10 * kMs), 0.9);
    // A window longer than the trace is the whole trace.
    EXPECT_DOUBLE_EQ(curve.mmu(1000 * kMs), 0.9);
    EXPECT_EQ(curve.mmu(0), 0);
    EXPECT_EQ(curve.span(), 10 * kMs);
}

TEST(MmuCurve, OneOfTwoProcessorsInGc)
{
    const MmuCurve curve({{{0, 1}, {2 * kMs, 0.5}, {4 * kMs, 1}, {10 * kMs, 0}}});
    EXPECT_EQ(curve.mmu(kMs), 0.5);
    EXPECT_EQ(curve.mmu(2 * kMs), 0.5);
    EXPECT_EQ(curve.mmu(4 * kMs), 0.75);
}

TEST(MmuCurve, PerProcessorFunctionsTakeTheLowest)
{
    const UtilSeries busy = {{0, 1}, {10 * kMs, 0}};
    const UtilSeries half = {{0, 1}, {6 * kMs, 0}, {7 * kMs, 1}, {10 * kMs, 0}};
    const MmuCurve curve({busy, half});
    EXPECT_EQ(curve.mmu(kMs), 0);
    EXPECT_EQ(curve.mmu(2 * kMs), 0.5);
    EXPECT_EQ(MmuCurve({busy}).mmu(kMs), 1);
    EXPECT_EQ(MmuCurve({}).mmu(kMs), 1);
}

TEST(MmuCurve, WorstWindowsAreDisjointAndLowestFirst)
{
    const MmuCurve curve({{{0, 1},
                           {2 * kMs, 0},
                           {3 * kMs, 1},
                           {6 * kMs, 0},
                           {7 * kMs, 1},
                           {8 * kMs, 0.5},
                           {9 * kMs, 1},
                           {12 * kMs, 0}}});
    const auto worst = curve.worstWindows(kMs, 3);
    ASSERT_EQ(worst.size(), 3u);
    EXPECT_EQ(worst[0].start, 2 * kMs);
    EXPECT_EQ(worst[0].util, 0);
    EXPECT_EQ(worst[1].start, 6 * kMs);
    EXPECT_EQ(worst[1].util, 0);
    EXPECT_EQ(worst[2].start, 8 * kMs);
    EXPECT_EQ(worst[2].util, 0.5);
    EXPECT_EQ(curve.worstWindows(kMs, 2).size(), 2u);
}

TEST(MmuCurve, PlotWindowsSpanSixDecadesUpToTheTrace)
{
    const MmuCurve curve({oneStw()});
    const auto windows = curve.plotWindows();
    ASSERT_EQ(windows.size(), 100u);
    // MMU(1 s) (the whole trace) is 0.9, MMU(1 ms) is 0: the plot starts at 1 ms.
    EXPECT_NEAR(double(windows.front()), double(kMs), 1);
    EXPECT_EQ(windows.back(), 10 * kMs);
    for (size_t i = 1; i < windows.size(); ++i)
        EXPECT_LE(windows[i - 1], windows[i]);
    EXPECT_TRUE(MmuCurve({}).plotWindows().empty());
}

// The starts of the windows go tool trace's search measures, beyond those of every window within
// a function of `points` steps over [0, length): the start of each band it bounds. Bands are of
// rounded-up length, so the last few can start after length - w; their windows reach past the
// end, where the function is 0. MmuCurve keeps that, for Go's numbers.
std::vector<TimeNs> startsPastTheEnd(TimeNs length, size_t points, TimeNs w)
{
    const auto cut = TimeNs(std::min<size_t>(1000, points));
    const TimeNs band = std::max<TimeNs>(1, (length + cut - 1) / cut);
    const TimeNs most = (w + 2 * (band - 1)) / band; // bands a window can touch
    std::vector<TimeNs> out;
    for (TimeNs i = 0; i <= cut + 1 - most; ++i) {
        if (i * band > length - w)
            out.push_back(i * band);
    }
    return out;
}

// Random step functions in quarters, against the mean of every window computed exactly.
TEST(MmuCurve, BandSearchFindsTheLowestOfAllWindows)
{
    std::mt19937_64 rng(18);
    int pastTheEnd = 0;
    for (int round = 0; round < 60; ++round) {
        const TimeNs length = 200 + TimeNs(rng() % 4000);
        const size_t steps = 1 + rng() % (round < 30 ? 40 : 1500);
        UtilSeries f;
        std::vector<int> quarters(static_cast<size_t>(length)); // per nanosecond
        TimeNs t = 0;
        for (size_t s = 0; s < steps && t < length; ++s) {
            const int q = int(rng() % 5);
            const TimeNs next = std::min(length, t + 1 + TimeNs(rng() % TimeNs(2 * length / TimeNs(steps) + 1)));
            f.push_back({t, q / 4.0});
            for (TimeNs k = t; k < next; ++k)
                quarters[size_t(k)] = q;
            t = next;
        }
        f.push_back({t, 0});
        std::vector<int64_t> before(size_t(t) + 1, 0); // sum of quarters over [0, k)
        for (TimeNs k = 0; k < t; ++k)
            before[size_t(k) + 1] = before[size_t(k)] + quarters[size_t(k)];
        auto mean = [&](TimeNs start, TimeNs w) {
            return double(before[size_t(std::min(start + w, t))] - before[size_t(std::min(start, t))]) / 4.0 / double(w);
        };

        const MmuCurve curve({f});
        for (TimeNs window : {TimeNs(1), TimeNs(2), TimeNs(7), t / 9 + 1, t / 3 + 1, t - 1, t}) {
            if (window <= 0 || window > t)
                continue;
            std::vector<TimeNs> starts = startsPastTheEnd(t, f.size(), window);
            pastTheEnd += int(starts.size());
            for (TimeNs s = 0; s + window <= t; ++s)
                starts.push_back(s);
            double expected = 1;
            for (TimeNs s : starts)
                expected = std::min(expected, mean(s, window));
            ASSERT_NEAR(curve.mmu(window), expected, 1e-12) << "round " << round << ", window " << window;

            const auto worst = curve.worstWindows(window, 5);
            ASSERT_FALSE(worst.empty());
            EXPECT_NEAR(worst[0].util, expected, 1e-12) << "round " << round << ", window " << window;
            // (Their means are not checked one by one: at the last start of a band that begins past
            // length - w, Go's integrators read backwards, and a window can show less than it has.)
            for (size_t i = 0; i < worst.size(); ++i) {
                ASSERT_TRUE(std::find(starts.begin(), starts.end(), worst[i].start) != starts.end());
                if (i > 0) {
                    EXPECT_LE(worst[i - 1].util, worst[i].util);
                }
            }
        }
    }
    EXPECT_GT(pastTheEnd, 0); // the case is exercised
}

// The recorded events of a two-processor trace: a GC stop-the-world, a dedicated background
// worker, a mark assist and a sweep, one after the other.
TraceData gcPhases()
{
    using K = MmuEvent::Kind;
    TraceData t;
    t.startNs = 0;
    t.endNs = 1000;
    t.mmuEvents = {
        {0, 2, -1, K::Procs, 0},
        {100, 0, 0, K::StwBegin, 0},
        {200, 0, 0, K::StwEnd, 0},
        {300, 10, 1, K::WorkerLabel, MmuEvent::kDedicated},
        {400, 10, 1, K::Stop, 0},
        {500, 20, 0, K::AssistBegin, 0},
        {600, 20, 0, K::AssistEnd, 0},
        {700, 0, 1, K::SweepBegin, 0},
        {800, 0, 1, K::SweepEnd, 0},
    };
    return t;
}

std::vector<std::pair<TimeNs, double>> steps(const UtilSeries& s)
{
    std::vector<std::pair<TimeNs, double>> out;
    for (const UtilPoint& p : s)
        out.emplace_back(p.time, p.util);
    return out;
}

using Steps = std::vector<std::pair<TimeNs, double>>;

TEST(MutatorUtilization, SystemViewCountsTheChosenKinds)
{
    const TraceData t = gcPhases();
    auto util = mutatorUtilization(t, kMmuDefaultFlags);
    ASSERT_EQ(util.size(), 1u);
    EXPECT_EQ(steps(util[0]), (Steps {{0, 1}, {100, 0}, {200, 1}, {300, 0.5}, {400, 1}, {500, 0.5}, {600, 1}, {1000, 0}}));

    util = mutatorUtilization(t, kMmuDefaultFlags | kMmuSweep);
    EXPECT_EQ(steps(util[0]), (Steps {{0, 1}, {100, 0}, {200, 1}, {300, 0.5}, {400, 1}, {500, 0.5}, {600, 1},
                                      {700, 0.5}, {800, 1}, {1000, 0}}));

    util = mutatorUtilization(t, kMmuAssist);
    EXPECT_EQ(steps(util[0]), (Steps {{0, 1}, {500, 0.5}, {600, 1}, {1000, 0}}));
}

TEST(MutatorUtilization, PerProcessorLeavesOutDedicatedWorkers)
{
    const auto util = mutatorUtilization(gcPhases(), kMmuDefaultFlags | kMmuPerProc);
    ASSERT_EQ(util.size(), 2u);
    EXPECT_EQ(steps(util[0]), (Steps {{0, 1}, {100, 0}, {200, 1}, {500, 0}, {600, 1}, {1000, 0}}));
    EXPECT_EQ(steps(util[1]), (Steps {{0, 1}, {100, 0}, {200, 1}, {1000, 0}}));
}

TEST(MutatorUtilization, ProcessorsRemovedEndTheirFunction)
{
    using K = MmuEvent::Kind;
    TraceData t;
    t.endNs = 1000;
    t.mmuEvents = {{0, 2, -1, K::Procs, 0}, {400, 1, -1, K::Procs, 0}, {600, 2, -1, K::Procs, 0}};
    const auto util = mutatorUtilization(t, kMmuDefaultFlags | kMmuPerProc);
    ASSERT_EQ(util.size(), 3u);
    EXPECT_EQ(steps(util[1]), (Steps {{0, 1}, {400, 0}}));
    EXPECT_EQ(steps(util[2]), (Steps {{600, 1}, {1000, 0}}));
    EXPECT_EQ(MmuCurve(util).span(), 1000);
}

TEST(MutatorUtilization, AssistRunningBeforeTheTraceLowersItsStart)
{
    using K = MmuEvent::Kind;
    TraceData t;
    t.endNs = 1000;
    t.mmuEvents = {{0, 2, -1, K::Procs, 0},
                   {50, 5, 0, K::AssistBegin, MmuEvent::kRestated | MmuEvent::kExecuting},
                   {300, 5, 0, K::AssistEnd, 0}};
    auto util = mutatorUtilization(t, kMmuDefaultFlags);
    EXPECT_EQ(steps(util[0]), (Steps {{0, 0.5}, {300, 1}, {1000, 0}}));
    // A goroutine that was not running then took nothing from the mutator before its event.
    t.mmuEvents[1].flags = MmuEvent::kRestated;
    util = mutatorUtilization(t, kMmuDefaultFlags);
    EXPECT_EQ(steps(util[0]), (Steps {{0, 1}, {50, 0.5}, {300, 1}, {1000, 0}}));
}

TEST(MutatorUtilization, NothingBeforeGomaxprocs)
{
    using K = MmuEvent::Kind;
    TraceData t;
    t.endNs = 1000;
    t.mmuEvents = {{50, 0, 0, K::StwBegin, 0}, {100, 1, -1, K::Procs, 0}, {200, 0, 0, K::StwEnd, 0}};
    // The stop-the-world began before the analysis knew the processors: its end alone counts.
    const auto util = mutatorUtilization(t, kMmuDefaultFlags);
    ASSERT_EQ(util.size(), 1u);
    EXPECT_EQ(steps(util[0]), (Steps {{100, 1}, {1000, 0}}));
    EXPECT_TRUE(mutatorUtilization(TraceData {}, kMmuDefaultFlags).empty());
}

} // namespace
} // namespace gs
