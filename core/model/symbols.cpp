// SPDX-License-Identifier: MIT
#include "core/model/symbols.h"

#include "core/base/memory_bytes.h"

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

size_t StringPool::memoryBytes() const
{
    size_t n = hashMapBytes(m_index);
    for (const std::string& s : m_strings)
        n += sizeof(std::string) + (s.capacity() > 15 ? s.capacity() + 1 : 0); // 15: the inline buffer
    return n;
}

size_t StackTable::memoryBytes() const
{
    return vectorBytes(m_offsets) + vectorBytes(m_frames) + hashMapBytes(m_index);
}

size_t Symbols::memoryBytes() const
{
    size_t n = strings.memoryBytes() + vectorBytes(functions) + vectorBytes(frames) + stacks.memoryBytes() +
               hashMapBytes(m_functionByName) + hashMapBytes(m_frameIndex) + hashMapBytes(m_frameIndexWide);
    for (const auto& entry : m_frameIndexWide)
        n += hashMapBytes(entry.second);
    return n;
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

FunctionId Symbols::addFunction(std::string_view name, std::string_view file)
{
    const StringId nameId = strings.intern(name);
    const auto id = FunctionId(functions.size());
    functions.push_back(Function {nameId, strings.intern(file)});
    m_functionByName.emplace(nameId, id); // keeps the first of a name
    return id;
}

FrameId Symbols::internFrame(FunctionId function, int64_t line, bool inlined)
{
    if (line >= 0 && line < (int64_t(1) << 31)) {
        // Bit 31 of the key is free below 2^31 lines: it holds the inlined flag.
        const uint64_t key = (uint64_t(function) << 32) | (uint64_t(inlined) << 31) | uint64_t(line);
        auto [it, inserted] = m_frameIndex.emplace(key, FrameId(frames.size()));
        if (inserted)
            frames.push_back(Frame {function, line, inlined});
        return it->second;
    }
    // Absurd line numbers (negative, or past 2^31) come only from odd producers: inlined ones are
    // not deduplicated, which costs memory proportional to the input at worst.
    if (inlined) {
        frames.push_back(Frame {function, line, true});
        return FrameId(frames.size() - 1);
    }
    auto [it, inserted] = m_frameIndexWide[function].emplace(line, FrameId(frames.size()));
    if (inserted)
        frames.push_back(Frame {function, line});
    return it->second;
}

} // namespace gs
