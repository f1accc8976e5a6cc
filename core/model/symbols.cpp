// SPDX-License-Identifier: MIT
#include "core/model/symbols.h"

#include <algorithm>

namespace gs {

StringPool::StringPool()
{
    intern("");
}

StringId StringPool::intern(std::string_view s)
{
    if (auto it = m_index.find(s); it != m_index.end())
        return it->second;
    const auto id = StringId(m_strings.size());
    const std::string& stored = m_strings.emplace_back(s);
    m_index.emplace(std::string_view(stored), id);
    return id;
}

namespace {
uint64_t hashFrames(std::span<const FrameId> frames)
{
    // FNV-1a over the frame ids: cheap, and collisions are resolved by comparing contents.
    uint64_t h = 1469598103934665603ull;
    for (FrameId f : frames) {
        h ^= f;
        h *= 1099511628211ull;
    }
    return h;
}
} // namespace

StackTable::StackTable()
    : m_offsets {0, 0} // stack 0: the empty stack
{
}

StackId StackTable::intern(std::span<const FrameId> leafFirst)
{
    if (leafFirst.empty())
        return 0;
    const uint64_t h = hashFrames(leafFirst);
    auto [first, last] = m_index.equal_range(h);
    for (auto it = first; it != last; ++it) {
        auto existing = frames(it->second);
        if (std::equal(existing.begin(), existing.end(), leafFirst.begin(), leafFirst.end()))
            return it->second;
    }
    const auto id = StackId(size());
    m_frames.insert(m_frames.end(), leafFirst.begin(), leafFirst.end());
    m_offsets.push_back(uint32_t(m_frames.size()));
    m_index.emplace(h, id);
    return id;
}

FunctionId Symbols::internFunction(std::string_view name, std::string_view file)
{
    const StringId nameId = strings.intern(name);
    if (auto it = m_functionByName.find(nameId); it != m_functionByName.end())
        return it->second;
    const auto id = FunctionId(functions.size());
    functions.push_back(Function {nameId, strings.intern(file)});
    m_functionByName.emplace(nameId, id);
    return id;
}

FrameId Symbols::internFrame(FunctionId function, int64_t line)
{
    if (line >= 0 && line < (int64_t(1) << 31)) {
        const uint64_t key = (uint64_t(function) << 32) | uint64_t(line);
        auto [it, inserted] = m_frameIndex.emplace(key, FrameId(frames.size()));
        if (inserted)
            frames.push_back(Frame {function, line});
        return it->second;
    }
    auto [it, inserted] = m_frameIndexWide[function].emplace(line, FrameId(frames.size()));
    if (inserted)
        frames.push_back(Frame {function, line});
    return it->second;
}

} // namespace gs
