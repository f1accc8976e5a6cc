// SPDX-License-Identifier: MIT
#include "core/analysis/goroutine_links.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace gs {

namespace {

// The trace's function ids of `names`; nothing if one of them never occurs in the trace.
std::optional<std::vector<FunctionId>> functionIds(const Symbols& symbols, std::span<const std::string> names)
{
    std::unordered_map<std::string_view, FunctionId> byName;
    for (FunctionId f = 0; f < symbols.functions.size(); ++f)
        byName.emplace(symbols.functionName(f), f);
    std::vector<FunctionId> ids;
    for (const std::string& n : names) {
        auto it = byName.find(n);
        if (it == byName.end())
            return std::nullopt;
        ids.push_back(it->second);
    }
    return ids;
}

// Whether the stack, read from the tree's root, starts with `path`.
bool stackHasPath(const Symbols& symbols, StackId stack, std::span<const FunctionId> path, FlameDirection direction)
{
    const auto frames = symbols.stacks.frames(stack); // leaf first
    if (frames.size() < path.size())
        return false;
    for (size_t i = 0; i < path.size(); ++i) {
        const FrameId f = direction == FlameDirection::TopDown ? frames[frames.size() - 1 - i] : frames[i];
        if (symbols.frameFunction(f) != path[i])
            return false;
    }
    return true;
}

} // namespace

std::vector<FrameContribution> frameContributors(const EventStore& traceStore, TraceProfileKind kind,
                                                 std::span<const std::string> path, FlameDirection direction,
                                                 std::span<const uint8_t> keep)
{
    std::vector<FrameContribution> out;
    const auto ids = functionIds(traceStore.symbols, path);
    if (!ids || !traceStore.trace)
        return out;
    std::unordered_map<StackId, bool> matches; // many stretches share a stack
    std::unordered_map<GoroutineRow, size_t> slot;
    forEachProfileStretch(traceStore, kind, keep, [&](const ProfileStretch& s) {
        auto [m, fresh] = matches.try_emplace(s.stack, false);
        if (fresh)
            m->second = stackHasPath(traceStore.symbols, s.stack, *ids, direction);
        if (!m->second)
            return;
        auto [it, added] = slot.try_emplace(s.goroutine, out.size());
        if (added)
            out.push_back({s.goroutine, 0, 0, {}});
        FrameContribution& c = out[it->second];
        c.value += kind == TraceProfileKind::Cpu ? 1 : s.end - s.start;
        c.count += 1;
        c.stretches.emplace_back(s.start, s.end);
    });
    std::stable_sort(out.begin(), out.end(),
                     [](const FrameContribution& a, const FrameContribution& b) { return a.value > b.value; });
    return out;
}

std::vector<GoroutineRow> goroutinesRunning(const EventStore& traceStore, std::string_view function)
{
    std::vector<GoroutineRow> rows;
    if (!traceStore.trace)
        return rows;
    const Symbols& symbols = traceStore.symbols;
    const TraceData& trace = *traceStore.trace;
    std::unordered_map<StackId, bool> matches;
    auto contains = [&](StackId stack) {
        auto [it, fresh] = matches.try_emplace(stack, false);
        if (fresh) {
            for (FrameId f : symbols.stacks.frames(stack))
                it->second = it->second || symbols.functionName(symbols.frameFunction(f)) == function;
        }
        return it->second;
    };
    std::vector<uint8_t> found(trace.goroutines.size(), 0);
    for (GoroutineRow row = 0; row < trace.goroutines.size(); ++row) {
        const auto [first, last] = trace.spans.rowRange(row);
        // A wake-up's span holds the waker's stack, not the goroutine's own: skip those.
        for (uint32_t i = first; i < last && !found[row]; ++i)
            found[row] = trace.spans.wakerOf(i) == kNoGoroutineId && contains(trace.spans.stackOf(i));
    }
    for (const CpuSample& s : trace.cpuSamples) {
        const GoroutineRow row = s.goroutine == kNoGoroutineId ? kNoRow : trace.rowOf(s.goroutine);
        if (row != kNoRow && !found[row])
            found[row] = contains(s.stack);
    }
    for (GoroutineRow row = 0; row < trace.goroutines.size(); ++row)
        if (found[row])
            rows.push_back(row);
    return rows;
}

} // namespace gs
