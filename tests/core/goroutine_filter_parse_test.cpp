// SPDX-License-Identifier: MIT
// The text forms of goroutine-filter values: Go durations (time.ParseDuration's syntax and
// results), state names and transitions, and regex checking.
#include "core/analysis/goroutine_filter.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace gs {
namespace {

TimeNs duration(std::string_view text)
{
    const auto d = parseDuration(text);
    EXPECT_TRUE(d.ok()) << text << ": " << (d.ok() ? "" : d.error().message);
    return d.ok() ? *d : -1;
}

std::string durationError(std::string_view text)
{
    const auto d = parseDuration(text);
    EXPECT_FALSE(d.ok()) << text << " parsed as " << (d.ok() ? *d : 0);
    return d.ok() ? "" : d.error().message;
}

TEST(ParseDuration, GoSyntax)
{
    // Values as Go's time.ParseDuration returns them.
    EXPECT_EQ(duration("10ms"), 10'000'000);
    EXPECT_EQ(duration("1.5s"), 1'500'000'000);
    EXPECT_EQ(duration("250us"), 250'000);
    EXPECT_EQ(duration("250\xC2\xB5s"), 250'000); // µ (micro sign)
    EXPECT_EQ(duration("250\xCE\xBCs"), 250'000); // μ (Greek mu)
    EXPECT_EQ(duration("2m"), 120'000'000'000);
    EXPECT_EQ(duration("100ns"), 100);
    EXPECT_EQ(duration("3h"), 10'800'000'000'000);
    EXPECT_EQ(duration("1h30m"), 5'400'000'000'000);
    EXPECT_EQ(duration("1m2.5s"), 62'500'000'000);
    EXPECT_EQ(duration("7.60512ms"), 7'605'120);
    EXPECT_EQ(duration(".5s"), 500'000'000);
    EXPECT_EQ(duration("1.s"), 1'000'000'000);
    EXPECT_EQ(duration("0.000000001s"), 1);
    EXPECT_EQ(duration("0"), 0);
    EXPECT_EQ(duration("0s"), 0);
    EXPECT_EQ(duration("+5s"), 5'000'000'000);
    EXPECT_EQ(duration("-1.5ms"), -1'500'000);
    EXPECT_EQ(duration("9223372036854775807ns"), INT64_MAX);
    EXPECT_EQ(duration("-9223372036854775808ns"), INT64_MIN);
    EXPECT_EQ(duration("2562047h"), 9'223'369'200'000'000'000);
}

TEST(ParseDuration, ErrorsSayWhatIsWrong)
{
    EXPECT_NE(durationError("").find("invalid duration ''"), std::string::npos);
    EXPECT_NE(durationError("10").find("missing unit in duration '10'"), std::string::npos);
    EXPECT_NE(durationError("1.5").find("missing unit"), std::string::npos);
    EXPECT_NE(durationError("10x").find("unknown unit 'x' in duration '10x'"), std::string::npos);
    EXPECT_NE(durationError("10 ms").find("unknown unit ' ms'"), std::string::npos);
    EXPECT_NE(durationError("ms").find("invalid duration 'ms'"), std::string::npos);
    EXPECT_NE(durationError(".s").find("invalid duration"), std::string::npos);
    EXPECT_NE(durationError("-").find("invalid duration"), std::string::npos);
    EXPECT_NE(durationError("9223372036854775808ns").find("out of range"), std::string::npos);
    EXPECT_NE(durationError("2562048h").find("out of range"), std::string::npos);
    EXPECT_NE(durationError("99999999999999999999s").find("out of range"), std::string::npos);
}

TEST(ParseSpanState, Names)
{
    EXPECT_EQ(parseSpanState("running"), SpanState::Running);
    EXPECT_EQ(parseSpanState("runnable"), SpanState::Runnable);
    EXPECT_EQ(parseSpanState("waiting"), SpanState::Waiting);
    EXPECT_EQ(parseSpanState("syscall"), SpanState::Syscall);
    EXPECT_EQ(parseSpanState("syscall-blocked"), SpanState::SyscallBlocked);
    // Every name spanStateName gives reads back.
    for (SpanState s : {SpanState::Running, SpanState::Runnable, SpanState::Waiting, SpanState::Syscall,
                        SpanState::SyscallBlocked})
        EXPECT_EQ(parseSpanState(spanStateName(s)), s) << spanStateName(s);
    EXPECT_FALSE(parseSpanState(""));
    EXPECT_FALSE(parseSpanState("Running"));
    EXPECT_FALSE(parseSpanState("blocked"));
}

TEST(ParseTransition, ArrowForms)
{
    const auto blocks = parseTransition("running->waiting");
    ASSERT_TRUE(blocks.ok()) << blocks.error().message;
    EXPECT_EQ(*blocks, (StateTransition {SpanState::Running, SpanState::Waiting}));
    const auto woken = parseTransition("waiting\xE2\x86\x92runnable"); // →
    ASSERT_TRUE(woken.ok()) << woken.error().message;
    EXPECT_EQ(*woken, (StateTransition {SpanState::Waiting, SpanState::Runnable}));
    const auto spaced = parseTransition(" syscall -> syscall-blocked ");
    ASSERT_TRUE(spaced.ok()) << spaced.error().message;
    EXPECT_EQ(*spaced, (StateTransition {SpanState::Syscall, SpanState::SyscallBlocked}));
}

TEST(ParseTransition, Errors)
{
    auto message = [](std::string_view text) {
        const auto t = parseTransition(text);
        EXPECT_FALSE(t.ok()) << text;
        return t.ok() ? std::string() : t.error().message;
    };
    EXPECT_NE(message("running").find("expected FROM->TO"), std::string::npos);
    EXPECT_NE(message("running->").find("unknown state ''"), std::string::npos);
    EXPECT_NE(message("blocked->running").find("unknown state 'blocked' in transition 'blocked->running'"),
              std::string::npos);
    EXPECT_NE(message("waiting->waiting").find("two different states"), std::string::npos);
}

} // namespace
} // namespace gs
