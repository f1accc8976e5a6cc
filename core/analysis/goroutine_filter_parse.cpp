// SPDX-License-Identifier: MIT
// The text forms of goroutine-filter values (states, transitions, Go durations) that the command
// line and the filter chips share.
#include "core/analysis/goroutine_filter.h"

#include <cstdint>
#include <utility>

namespace gs {

namespace {

constexpr const char* kStateList = "running, runnable, waiting, syscall, syscall-blocked";
constexpr const char* kUnitList = "ns, us, ms, s, m, h";

Error error(std::string message)
{
    return Error {std::move(message), std::nullopt};
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Nanoseconds per unit, as time.ParseDuration knows them (µs as U+00B5 or U+03BC); 0 if unknown.
uint64_t unitNs(std::string_view unit)
{
    static constexpr std::pair<std::string_view, uint64_t> kUnits[] = {
        {"ns", 1},
        {"us", 1'000},
        {"\xC2\xB5s", 1'000},
        {"\xCE\xBCs", 1'000},
        {"ms", 1'000'000},
        {"s", 1'000'000'000},
        {"m", 60'000'000'000},
        {"h", 3'600'000'000'000},
    };
    for (const auto& [name, ns] : kUnits) {
        if (name == unit)
            return ns;
    }
    return 0;
}

constexpr uint64_t kMaxMagnitude = uint64_t(1) << 63; // |INT64_MIN|

// Leading decimal digits of `s` (consumed); nothing on overflow past kMaxMagnitude.
std::optional<uint64_t> leadingInt(std::string_view& s)
{
    uint64_t x = 0;
    while (!s.empty() && isDigit(s.front())) {
        if (x > kMaxMagnitude / 10)
            return std::nullopt;
        x = x * 10 + uint64_t(s.front() - '0');
        if (x > kMaxMagnitude)
            return std::nullopt;
        s.remove_prefix(1);
    }
    return x;
}

// Digits after a decimal point (consumed): their value and 10^(digits kept). Digits beyond int64
// precision are dropped, as Go's leadingFraction does.
std::pair<uint64_t, double> leadingFraction(std::string_view& s)
{
    uint64_t x = 0;
    double scale = 1;
    bool overflow = false;
    while (!s.empty() && isDigit(s.front())) {
        const uint64_t digit = uint64_t(s.front() - '0');
        s.remove_prefix(1);
        if (overflow || x > (kMaxMagnitude - 1) / 10 || x * 10 + digit > kMaxMagnitude) {
            overflow = true;
            continue;
        }
        x = x * 10 + digit;
        scale *= 10;
    }
    return {x, scale};
}

} // namespace

std::optional<SpanState> parseSpanState(std::string_view text)
{
    static constexpr std::pair<std::string_view, SpanState> kNames[] = {
        {"running", SpanState::Running},
        {"runnable", SpanState::Runnable},
        {"waiting", SpanState::Waiting},
        {"syscall", SpanState::Syscall},
        {"syscall-blocked", SpanState::SyscallBlocked},
        {"syscall (blocked)", SpanState::SyscallBlocked}, // spanStateName's spelling
    };
    for (const auto& [name, state] : kNames) {
        if (name == text)
            return state;
    }
    return std::nullopt;
}

Result<StateTransition> parseTransition(std::string_view text)
{
    size_t arrow = text.find("->");
    size_t arrowLength = 2;
    if (arrow == std::string_view::npos) {
        arrow = text.find("\xE2\x86\x92"); // →
        arrowLength = 3;
    }
    if (arrow == std::string_view::npos)
        return error("expected FROM->TO (e.g. running->waiting), got '" + std::string(text) + "'");
    const std::string_view from = trim(text.substr(0, arrow));
    const std::string_view to = trim(text.substr(arrow + arrowLength));
    StateTransition t;
    for (auto [name, state] : {std::pair {from, &t.from}, std::pair {to, &t.to}}) {
        const auto parsed = parseSpanState(name);
        if (!parsed)
            return error("unknown state '" + std::string(name) + "' in transition '" + std::string(text) + "' ("
                         + kStateList + ")");
        *state = *parsed;
    }
    if (t.from == t.to)
        return error("a transition needs two different states, got '" + std::string(text) + "'");
    return t;
}

// time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+, or "0".
Result<TimeNs> parseDuration(std::string_view text)
{
    const std::string quoted = "'" + std::string(text) + "'";
    auto invalid = [&] { return error("invalid duration " + quoted + " (e.g. 10ms, 1.5s, 250us)"); };
    auto outOfRange = [&] { return error("duration " + quoted + " is out of range"); };
    std::string_view s = text;
    bool negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    if (s == "0")
        return TimeNs(0);
    if (s.empty())
        return invalid();
    uint64_t total = 0;
    while (!s.empty()) {
        if (s.front() != '.' && !isDigit(s.front()))
            return invalid();
        const size_t before = s.size();
        const auto whole = leadingInt(s);
        if (!whole)
            return outOfRange();
        const bool hadWhole = s.size() != before;
        uint64_t fraction = 0;
        double scale = 1;
        bool hadFraction = false;
        if (!s.empty() && s.front() == '.') {
            s.remove_prefix(1);
            const size_t fractionStart = s.size();
            std::tie(fraction, scale) = leadingFraction(s);
            hadFraction = s.size() != fractionStart;
        }
        if (!hadWhole && !hadFraction)
            return invalid();
        size_t unitLength = 0;
        while (unitLength < s.size() && s[unitLength] != '.' && !isDigit(s[unitLength]))
            ++unitLength;
        if (unitLength == 0)
            return error("missing unit in duration " + quoted + " (" + kUnitList + ")");
        const std::string_view unitText = s.substr(0, unitLength);
        s.remove_prefix(unitLength);
        const uint64_t unit = unitNs(unitText);
        if (unit == 0)
            return error("unknown unit '" + std::string(unitText) + "' in duration " + quoted + " (" + kUnitList + ")");
        if (*whole > kMaxMagnitude / unit)
            return outOfRange();
        uint64_t v = *whole * unit;
        if (fraction > 0) {
            // Go computes the fractional part in float64 too; the sum is checked below.
            v += uint64_t(double(fraction) * (double(unit) / scale));
            if (v > kMaxMagnitude)
                return outOfRange();
        }
        total += v;
        if (total > kMaxMagnitude)
            return outOfRange();
    }
    if (negative)
        return total == kMaxMagnitude ? INT64_MIN : -TimeNs(total);
    if (total > kMaxMagnitude - 1)
        return outOfRange();
    return TimeNs(total);
}

} // namespace gs
