// SPDX-License-Identifier: MIT
#include "core/analysis/dump_filter.h"

#include <array>
#include <utility>

namespace gs {

namespace {

constexpr std::array<std::pair<const char*, DumpState>, 5> kNames {{
    {"running", DumpState::Running},
    {"runnable", DumpState::Runnable},
    {"waiting", DumpState::Waiting},
    {"syscall", DumpState::Syscall},
    {"other", DumpState::Other},
}};

bool anyFunctionIn(const Symbols& symbols, StackId stack, const std::vector<uint8_t>& mask)
{
    for (FrameId f : symbols.stacks.frames(stack)) {
        if (mask[symbols.frameFunction(f)])
            return true;
    }
    return false;
}

} // namespace

DumpState dumpStateOf(std::string_view status)
{
    if (status == "running")
        return DumpState::Running;
    if (status == "runnable")
        return DumpState::Runnable;
    if (status == "syscall")
        return DumpState::Syscall;
    if (status == "idle" || status == "dead" || status == "copystack" || status == "preempted" || status == "???")
        return DumpState::Other;
    return DumpState::Waiting; // "waiting" or a wait reason
}

const char* dumpStateName(DumpState s)
{
    for (const auto& [name, state] : kNames) {
        if (state == s)
            return name;
    }
    return "other";
}

std::optional<DumpState> parseDumpState(std::string_view name)
{
    for (const auto& [n, state] : kNames) {
        if (name == n)
            return state;
    }
    return std::nullopt;
}

Result<std::vector<DumpEntry>> filterDump(const Symbols& symbols, std::span<const DumpEntry> entries,
                                          const DumpFilter& filter)
{
    std::vector<uint8_t> mask;
    if (!filter.functionRegex.empty()) {
        auto matched = matchFunctions(symbols, filter.functionRegex);
        if (!matched)
            return matched.error();
        mask = std::move(*matched);
    }
    const bool needsState = filter.state || !filter.waitReason.empty() || filter.minWaitMinutes > 0;
    std::vector<DumpEntry> out;
    for (const DumpEntry& e : entries) {
        if (needsState && e.state == 0)
            continue;
        const std::string_view status = symbols.strings.get(e.state);
        if (filter.state && dumpStateOf(status) != *filter.state)
            continue;
        if (!filter.waitReason.empty() && status != filter.waitReason)
            continue;
        if (e.waitMinutes < filter.minWaitMinutes)
            continue;
        if (!mask.empty() && !anyFunctionIn(symbols, e.stack, mask))
            continue;
        out.push_back(e);
    }
    return out;
}

} // namespace gs
