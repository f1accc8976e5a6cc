// SPDX-License-Identifier: MIT
#include "core/findings/stack_names.h"

#include "core/analysis/go_packages.h"

#include <array>

namespace gs::findings {

namespace {

// Packages whose frames only say how a goroutine blocked or woke, never why.
bool isPlumbing(std::string_view package)
{
    constexpr std::array<std::string_view, 6> kPackages = {"runtime", "sync", "sync/atomic", "time", "syscall", "iter"};
    for (std::string_view p : kPackages)
        if (package == p)
            return true;
    return package.starts_with("internal/");
}

} // namespace

std::string_view recognisableFunction(const Symbols& symbols, StackId stack)
{
    const auto frames = symbols.stacks.frames(stack);
    if (frames.empty())
        return {};
    auto nameOf = [&](FrameId f) { return symbols.functionName(symbols.frameFunction(f)); };
    for (FrameId f : frames)
        if (!isGoStandardLibraryFunction(nameOf(f)))
            return nameOf(f);
    for (FrameId f : frames)
        if (!isPlumbing(goPackage(nameOf(f))))
            return nameOf(f);
    return nameOf(frames.front());
}

std::string_view goroutineFunction(const EventStore& store, int64_t id, StackId stack)
{
    if (const std::string_view f = recognisableFunction(store.symbols, stack); !f.empty())
        return f;
    const GoroutineRow row = store.trace->rowOf(id);
    if (row != kNoRow && store.trace->goroutines.startFunctionOf(row) != UINT32_MAX)
        return store.symbols.functionName(store.trace->goroutines.startFunctionOf(row));
    return "an unknown function";
}

std::string_view cachedFunction(std::unordered_map<StackId, std::string_view>& cache, const EventStore& store,
                                int64_t id, StackId stack)
{
    if (stack == 0)
        return goroutineFunction(store, id, stack);
    auto [named, isNew] = cache.try_emplace(stack);
    if (isNew)
        named->second = goroutineFunction(store, id, stack);
    return named->second;
}

std::string waitObject(const Symbols& symbols, StackId stack, std::string_view reason)
{
    // Since Go 1.24 sync.Mutex's slow path is internal/sync's: "internal/sync.(*Mutex).lockSlow".
    for (FrameId f : symbols.stacks.frames(stack)) {
        const std::string_view name = symbols.functionName(symbols.frameFunction(f));
        const std::string_view package = goPackage(name);
        if (package != "sync" && package != "internal/sync")
            continue;
        const std::string_view method = name.substr(package.size());
        if (!method.starts_with(".(*"))
            continue;
        const size_t close = method.find(')');
        if (close != std::string_view::npos)
            return "sync." + std::string(method.substr(3, close - 3));
    }
    return std::string(reason);
}

} // namespace gs::findings
