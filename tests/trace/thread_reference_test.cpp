// SPDX-License-Identifier: MIT
// The threads (Ms) of the store against Go's parser: every goroutine that began running or entered
// a syscall on a thread, as `go tool trace -d=parsed` prints the transition with its M, is a span
// on that thread's list, and the lists hold nothing else (go tool trace's thread view puts a
// goroutine's execution, and its syscalls, on the thread of the transition that began them).
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <tuple>

namespace gs {
namespace {

// Thread, goroutine, "Running" or "Syscall".
using Key = std::tuple<int64_t, int64_t, std::string>;

// The transitions into Running and Syscall of Go's parsed listing, by (thread, goroutine, state):
// those from a known state by time; those from Undetermined (began before the trace or the
// generation; the store dates them back) counted without one.
struct Expected
{
    std::map<std::pair<Key, TimeNs>, int> timed;
    std::map<Key, int> undated;
    size_t total = 0;
};

// A field "NAME=value" of a listing line, or "" without it.
std::string field(const std::string& line, const std::string& name)
{
    const size_t at = line.rfind(name + "=", 0) == 0 ? 0 : line.find(" " + name + "=");
    if (at == std::string::npos)
        return {};
    const size_t from = line.find('=', at) + 1;
    return line.substr(from, line.find(' ', from) - from);
}

Expected parseGoListing(const std::string& text)
{
    Expected want;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("M=", 0) != 0 || line.find(" StateTransition ") == std::string::npos)
            continue;
        const std::string goid = field(line, "GoID");
        if (goid.empty())
            continue; // a processor's transition
        const size_t arrow = line.find("->", line.find(" GoID="));
        const size_t space = line.rfind(' ', arrow);
        const std::string from = line.substr(space + 1, arrow - space - 1);
        const std::string to = line.substr(arrow + 2, line.find(' ', arrow) - arrow - 2);
        const int64_t m = std::stoll(field(line, "M"));
        if (from == to || (to != "Running" && to != "Syscall") || m < 0)
            continue;
        const Key key{m, std::stoll(goid), to};
        if (from == "Undetermined")
            ++want.undated[key];
        else
            ++want.timed[{key, std::stoll(field(line, "Time"))}];
        ++want.total;
    }
    return want;
}

class ThreadReference : public ::testing::TestWithParam<std::string>
{
};

TEST_P(ThreadReference, ThreadsHoldTheRunsAndSyscallsGoPutsOnThem)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const std::string& fixture = GetParam();
    const gs::test::GoReadableTrace goInput(fixture);
    std::string goErr;
    const std::string listing = gs::test::runCommand(
        gs::test::shellQuote(gs::test::goCommand()) + " tool trace -d=parsed " + gs::test::shellQuote(goInput.path()), &goErr);
    ASSERT_FALSE(listing.empty()) << "go tool trace printed no events: " << goErr;
    Expected want = parseGoListing(listing);

    LoadContext context;
    auto loaded = loadFile(fixture, context);
    ASSERT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
    const TraceData& t = *(*loaded)->trace;
    ASSERT_EQ(t.threads.empty(), want.total == 0);

    size_t matched = 0;
    for (size_t m = 0; m < t.threads.size(); ++m) {
        const ResourceSpans& thread = t.threadSpans(m);
        EXPECT_EQ(thread.id, t.threads[m].id);
        if (m > 0) {
            EXPECT_LT(t.threads[m - 1].id, thread.id) << "threads sorted by ID";
        }
        TimeNs busy = 0;
        for (uint32_t k = 0; k < thread.spans.size(); ++k) {
            const uint32_t s = thread.spans[k];
            const SpanState state = t.spans.stateOf(s);
            const int64_t goroutine = t.goroutines.idOf(t.spans.rowOfSpan(s));
            busy += t.spans.durationOf(s);
            if (k > 0) {
                EXPECT_LE(t.spans.endOf(thread.spans[k - 1]), t.spans.startOf(s))
                    << "M" << thread.id << ": one thing at a time, in time order (span " << k << ")";
            }
            if (state == SpanState::SyscallBlocked) {
                // The rest of a syscall whose P was taken, on the thread that made it: it follows
                // the syscall's start, unless it began blocked before the trace.
                if (s > t.spans.rowRange(t.spans.rowOfSpan(s)).first) {
                    EXPECT_EQ(t.spans.stateOf(s - 1), SpanState::Syscall) << "M" << thread.id << " G" << goroutine;
                }
                continue;
            }
            ASSERT_TRUE(state == SpanState::Running || state == SpanState::Syscall)
                << "M" << thread.id << " G" << goroutine << ": " << spanStateName(state);
            const Key key{thread.id, goroutine, state == SpanState::Running ? "Running" : "Syscall"};
            if (auto it = want.timed.find({key, t.spans.startOf(s)}); it != want.timed.end() && it->second > 0) {
                --it->second;
            } else {
                auto undated = want.undated.find(key);
                ASSERT_TRUE(undated != want.undated.end() && undated->second > 0)
                    << "M" << thread.id << " G" << goroutine << " " << std::get<2>(key) << " at "
                    << t.spans.startOf(s) << ": Go's listing has no such transition on this thread";
                --undated->second;
            }
            ++matched;
        }
        EXPECT_EQ(thread.busyNs(t.spans, 0, uint32_t(thread.spans.size())), busy) << "M" << thread.id;
    }
    EXPECT_EQ(matched, want.total) << "transitions of Go's listing missing from the threads";
    for (const auto& [key, count] : want.timed) {
        if (count > 0)
            ADD_FAILURE() << "missing: M" << std::get<0>(key.first) << " G" << std::get<1>(key.first) << " "
                          << std::get<2>(key.first) << " at " << key.second;
    }
}

TEST(ThreadReferenceOldFormat, TracesBeforeGo122HaveNoThreads)
{
    for (const std::string& f : gs::test::fixtureFiles("trace", {".trace", ".trace.gz"})) {
        const std::string name = f.substr(f.find_last_of('/') + 1);
        if (name.rfind("go119_", 0) != 0 && name.rfind("go121_", 0) != 0)
            continue;
        LoadContext context;
        auto loaded = loadFile(f, context);
        ASSERT_TRUE(loaded.ok()) << name;
        EXPECT_TRUE((*loaded)->trace->threads.empty()) << name;
        EXPECT_FALSE((*loaded)->trace->processors.empty()) << name;
    }
}

// Every fixture of the current format (Go 1.22 and later), whose every event belongs to a thread's
// batch.
std::vector<std::string> currentFormatFixtures()
{
    std::vector<std::string> out;
    for (const std::string& f : gs::test::fixtureFiles("trace", {".trace", ".trace.gz"})) {
        const std::string name = f.substr(f.find_last_of('/') + 1);
        if (name.rfind("go119_", 0) != 0 && name.rfind("go121_", 0) != 0)
            out.push_back(f);
    }
    return out;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ThreadReference, ::testing::ValuesIn(currentFormatFixtures()),
                         [](const auto& param) { return gs::test::testNameOf(param.param); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ThreadReference);

} // namespace
} // namespace gs
