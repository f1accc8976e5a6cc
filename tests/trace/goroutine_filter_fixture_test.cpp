// SPDX-License-Identifier: MIT
// Every goroutine-filter condition against the traces of tests/data/gen/filter, whose expected
// answers come from the program that wrote them: which goroutine blocked where, on what, and for
// how long at least and at most (the JSON sidecars). Each condition is checked both ways: the
// goroutines that did the thing are kept, the ones that by construction did not are not.
#include "core/analysis/goroutine_filter.h"
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/support/filter_fixture.h"

#include <gtest/gtest.h>

#include <functional>
#include <regex>
#include <set>
#include <string>

namespace gs {
namespace {

using fixtures::GoroutineFact;
using Ids = std::set<int64_t>;

// Bounds are taken on the program's monotonic clock, span durations on the trace clock (CPU ticks
// scaled by a measured frequency, in 64-tick steps): allow 1% and 1 us between the two.
TimeNs lowered(TimeNs ns)
{
    return ns - ns / 100 - 1000;
}
TimeNs raised(TimeNs ns)
{
    return ns + ns / 100 + 1000;
}

std::string exactly(const std::string& name)
{
    static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
    return "^" + std::regex_replace(name, special, R"(\$&)") + "$";
}

class GoroutineFilterFixtureTest : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        m_fixture = fixtures::readFilterFixture(GetParam());
        LoadContext ctx;
        auto loaded = loadFile(GetParam(), ctx);
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        m_store = *loaded;
        ASSERT_TRUE(m_store->trace);
    }

    const TraceData& trace() const { return *m_store->trace; }
    const GoroutineFact& role(const std::string& name) const { return m_fixture.role(name); }

    GoroutineFilterResult run(const GoroutineFilter& filter) const
    {
        auto result = filterGoroutines(*m_store, filter);
        EXPECT_TRUE(result.ok()) << result.error().message;
        return result.ok() ? *result : GoroutineFilterResult {};
    }

    // IDs of all kept goroutines.
    Ids kept(const GoroutineFilter& filter) const
    {
        const GoroutineFilterResult result = run(filter);
        Ids ids;
        for (GoroutineRow r = 0; r < result.keep.size(); ++r) {
            if (result.keep[r])
                ids.insert(trace().goroutines[r].id);
        }
        return ids;
    }

    // The kept goroutines among the program's roles (the only ones whose behaviour is known).
    Ids keptRoles(const GoroutineFilter& filter) const
    {
        const Ids all = roles([](const GoroutineFact&) { return true; });
        Ids ids;
        for (int64_t id : kept(filter)) {
            if (all.count(id))
                ids.insert(id);
        }
        return ids;
    }

    Ids roles(const std::function<bool(const GoroutineFact&)>& pick) const
    {
        Ids ids;
        for (const GoroutineFact& f : m_fixture.goroutines) {
            if (pick(f))
                ids.insert(f.id);
        }
        return ids;
    }

    Ids rolesNamed(std::initializer_list<const char*> names) const
    {
        Ids ids;
        for (const char* name : names)
            ids.insert(role(name).id);
        return ids;
    }

    Ids waitingRoles() const
    {
        return roles([](const GoroutineFact& f) { return f.state == "waiting"; });
    }

    // Time of the user log the program wrote with this category and message.
    TimeNs logTime(const std::string& category, const std::string& message) const
    {
        const StringPool& strings = m_store->symbols.strings;
        for (const UserLog& log : trace().logs) {
            if (strings.get(log.category) == category && strings.get(log.message) == message)
                return log.time;
        }
        ADD_FAILURE() << "no log " << category << "=" << message;
        return trace().startNs;
    }

    fixtures::FilterFixture m_fixture;
    StorePtr m_store;
};

TEST_P(GoroutineFilterFixtureTest, SidecarNamesTheTracesGoroutines)
{
    ASSERT_EQ(m_fixture.goroutines.size(), 9u);
    for (const GoroutineFact& f : m_fixture.goroutines) {
        const GoroutineRow row = trace().rowOf(f.id);
        ASSERT_NE(row, kNoRow) << f.role << " " << f.id;
        const Goroutine& g = trace().goroutines[row];
        ASSERT_TRUE(g.hasStartFunction()) << f.role;
        EXPECT_EQ(m_store->symbols.functionName(g.startFunction), f.startFunction) << f.role;
    }
}

TEST_P(GoroutineFilterFixtureTest, StateEverEntered)
{
    GoroutineFilter waiting;
    waiting.spanStates = {SpanState::Waiting};
    EXPECT_EQ(keptRoles(waiting), waitingRoles());

    GoroutineFilter syscall;
    syscall.spanStates = {SpanState::Syscall, SpanState::SyscallBlocked};
    EXPECT_EQ(keptRoles(syscall), rolesNamed({"pipe_reader"}));

    GoroutineFilter running;
    running.spanStates = {SpanState::Running};
    EXPECT_EQ(keptRoles(running), roles([](const GoroutineFact&) { return true; }));
}

TEST_P(GoroutineFilterFixtureTest, CurrentStateAtTheEndOfTheTraceOrRange)
{
    // Only the leaked receiver is still there when the trace ends; the others have exited and
    // have no state at all.
    GoroutineFilter waiting;
    waiting.currentStates = {SpanState::Waiting};
    EXPECT_EQ(keptRoles(waiting), rolesNamed({"leaked_receiver"}));
    GoroutineFilter any;
    any.currentStates = {SpanState::Running, SpanState::Runnable, SpanState::Waiting, SpanState::Syscall,
                         SpanState::SyscallBlocked};
    EXPECT_EQ(keptRoles(any), rolesNamed({"leaked_receiver"}));

    // At the end of the window the late receiver is blocked too.
    waiting.toNs = logTime("window", "end");
    EXPECT_EQ(keptRoles(waiting), rolesNamed({"late_receiver", "leaked_receiver"}));
    GoroutineFilter running;
    running.currentStates = {SpanState::Running, SpanState::Runnable};
    running.toNs = waiting.toNs;
    EXPECT_EQ(keptRoles(running), Ids {});
}

TEST_P(GoroutineFilterFixtureTest, Transition)
{
    GoroutineFilter blocks;
    blocks.transition = StateTransition {SpanState::Running, SpanState::Waiting};
    EXPECT_EQ(keptRoles(blocks), waitingRoles());

    GoroutineFilter syscalls;
    syscalls.transition = StateTransition {SpanState::Running, SpanState::Syscall};
    EXPECT_EQ(keptRoles(syscalls), rolesNamed({"pipe_reader"}));

    // Woken: every role that blocked and was released, not the one blocked until the end.
    GoroutineFilter woken;
    woken.transition = StateTransition {SpanState::Waiting, SpanState::Runnable};
    EXPECT_EQ(keptRoles(woken), roles([](const GoroutineFact& f) { return f.state == "waiting" && f.phase != "whole"; }));

    // Span conditions hold for the same span: blocking on a mutex, not blocking and then a mutex.
    blocks.reasons = {"sync"};
    EXPECT_EQ(keptRoles(blocks), rolesNamed({"mutex_waiter"}));
    syscalls.reasons = {"chan receive"};
    EXPECT_EQ(keptRoles(syscalls), Ids {});
}

TEST_P(GoroutineFilterFixtureTest, WaitReason)
{
    std::set<std::string> reasons;
    for (const GoroutineFact& f : m_fixture.goroutines) {
        if (f.state == "waiting")
            reasons.insert(f.reason);
    }
    ASSERT_EQ(reasons, (std::set<std::string> {"chan receive", "sync", "sleep", "select"}));
    for (const std::string& reason : reasons) {
        GoroutineFilter filter;
        filter.reasons = {reason};
        EXPECT_EQ(keptRoles(filter), roles([&](const GoroutineFact& f) { return f.reason == reason; })) << reason;
    }
    GoroutineFilter either;
    either.reasons = {"sleep", "select"};
    EXPECT_EQ(keptRoles(either), rolesNamed({"sleeper", "selector"}));
}

TEST_P(GoroutineFilterFixtureTest, EachBlockLastsWithinTheProgramsBounds)
{
    for (const GoroutineFact& f : m_fixture.goroutines) {
        if (f.state != "waiting")
            continue;
        SCOPED_TRACE(f.role);
        GoroutineFilter filter;
        filter.startFunctionRegex = exactly(f.startFunction);
        filter.spanStates = {SpanState::Waiting};
        filter.reasons = {f.reason};
        filter.stackRegex = exactly(f.blockFunction);
        const GoroutineFilterResult result = run(filter);
        ASSERT_EQ(result.kept, 1u);
        // The role blocks once: one span, as long as the program says.
        ASSERT_EQ(result.matchedSpans.size(), 1u);
        const TimeNs duration = trace().spans.durationOf(result.matchedSpans[0]);
        EXPECT_GE(duration, lowered(f.minNs));
        if (f.maxNs > 0) {
            EXPECT_LE(duration, raised(f.maxNs));
        }

        filter.minDurationNs = lowered(f.minNs);
        EXPECT_EQ(run(filter).kept, 1u);
    }
}

TEST_P(GoroutineFilterFixtureTest, MinAndMaxDuration)
{
    // 10 ms splits the roles: each blocked either surely longer or surely shorter.
    constexpr TimeNs kSplit = 10'000'000;
    const Ids longer = roles([&](const GoroutineFact& f) { return f.state == "waiting" && lowered(f.minNs) >= kSplit; });
    const Ids shorter = roles([&](const GoroutineFact& f) {
        return f.state == "waiting" && f.maxNs > 0 && raised(f.maxNs) <= kSplit;
    });
    ASSERT_EQ(longer.size() + shorter.size(), waitingRoles().size()) << "a role's bounds straddle 10 ms";
    ASSERT_EQ(shorter, rolesNamed({"quick_receiver"}));

    GoroutineFilter atLeast;
    atLeast.spanStates = {SpanState::Waiting};
    atLeast.minDurationNs = kSplit;
    EXPECT_EQ(keptRoles(atLeast), longer);

    GoroutineFilter atMost;
    atMost.spanStates = {SpanState::Waiting};
    atMost.maxDurationNs = kSplit;
    EXPECT_EQ(keptRoles(atMost), shorter);

    // Both on one span: no block lasted between the quick receiver's and 10 ms.
    atMost.minDurationNs = raised(role("quick_receiver").maxNs);
    EXPECT_EQ(keptRoles(atMost), Ids {});
}

TEST_P(GoroutineFilterFixtureTest, FunctionOnTheStackAtTheTransition)
{
    for (const GoroutineFact& f : m_fixture.goroutines) {
        if (f.blockFunction.empty())
            continue;
        GoroutineFilter filter;
        filter.stackRegex = exactly(f.blockFunction);
        filter.spanStates = {*parseSpanState(f.state)};
        EXPECT_EQ(keptRoles(filter), roles([&](const GoroutineFact& o) {
                      return o.blockFunction == f.blockFunction && o.state == f.state;
                  }))
            << f.role;
    }
    // The blocking call is on the stack where the goroutine blocks, not where it is woken (the
    // waker's stack) or created.
    GoroutineFilter woken;
    woken.stackRegex = "main\\.awaitMessage";
    woken.spanStates = {SpanState::Runnable};
    EXPECT_EQ(keptRoles(woken), Ids {});
}

TEST_P(GoroutineFilterFixtureTest, StartFunction)
{
    for (const GoroutineFact& f : m_fixture.goroutines) {
        GoroutineFilter filter;
        filter.startFunctionRegex = exactly(f.startFunction);
        EXPECT_EQ(kept(filter), Ids {f.id}) << f.role;
    }
    GoroutineFilter receivers;
    receivers.startFunctionRegex = "^main\\..*Receiver$";
    EXPECT_EQ(kept(receivers), rolesNamed({"slow_receiver", "quick_receiver", "late_receiver", "leaked_receiver"}));
}

TEST_P(GoroutineFilterFixtureTest, LabelOnlyOnTheGcWorkers)
{
    // The program forces a GC cycle, and the runtime labels its mark workers ("GC (idle)"). It
    // cannot name them (runtime.Stack hides system goroutines), so the check is by start function.
    GoroutineFilter gc;
    gc.labelRegex = "^GC \\(";
    const Ids labelled = kept(gc);
    EXPECT_FALSE(labelled.empty());
    for (int64_t id : labelled)
        EXPECT_EQ(m_store->symbols.functionName(trace().goroutines[trace().rowOf(id)].startFunction),
                  "runtime.gcBgMarkWorker");
    GoroutineFilter anyLabel;
    anyLabel.labelRegex = ".";
    EXPECT_EQ(keptRoles(anyLabel), Ids {});
}

TEST_P(GoroutineFilterFixtureTest, TimeRange)
{
    GoroutineFilter window;
    window.fromNs = logTime("window", "begin");
    window.toNs = logTime("window", "end");
    EXPECT_EQ(keptRoles(window), rolesNamed({"late_receiver", "leaked_receiver"}));
    window.reasons = {"chan receive"};
    window.minDurationNs = 10'000'000;
    EXPECT_EQ(keptRoles(window), rolesNamed({"late_receiver", "leaked_receiver"}));

    GoroutineFilter early;
    early.toNs = logTime("phase", "late");
    early.reasons = {"chan receive"};
    EXPECT_EQ(keptRoles(early), rolesNamed({"slow_receiver", "quick_receiver", "leaked_receiver"}));
}

TEST_P(GoroutineFilterFixtureTest, TheIssuesExampleShape)
{
    // goroutines FILE --state waiting --transition running->waiting --reason "chan receive"
    //     --min-duration 10ms --stack-regex main\.awaitMessage
    GoroutineFilter filter;
    filter.spanStates = {SpanState::Waiting};
    filter.transition = StateTransition {SpanState::Running, SpanState::Waiting};
    filter.reasons = {"chan receive"};
    filter.minDurationNs = 10'000'000;
    filter.stackRegex = "main\\.awaitMessage";
    const GoroutineFilterResult result = run(filter);
    EXPECT_EQ(kept(filter), rolesNamed({"slow_receiver", "late_receiver", "leaked_receiver"}));
    EXPECT_EQ(result.matchedSpans.size(), 3u);
    const std::vector<TimeNs> durations = spanDurations(trace(), result, SpanState::Waiting);
    ASSERT_EQ(durations.size(), 3u);
    for (TimeNs d : durations)
        EXPECT_GE(d, 10'000'000);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoroutineFilterFixtureTest, ::testing::ValuesIn(fixtures::filterFixtureTraces()),
                         [](const auto& test) {
                             const std::string& p = test.param;
                             const size_t slash = p.rfind('/') + 1;
                             return p.substr(slash, p.find('_', slash) - slash);
                         });

} // namespace
} // namespace gs
