// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gs {

using StringId = uint32_t;   // row in StringPool; 0 is the empty string
using FunctionId = uint32_t; // row in Symbols::functions
using FrameId = uint32_t;    // row in Symbols::frames
using StackId = uint32_t;    // row in StackTable; 0 is the empty stack

// Interned strings. Ids are dense and stable; id 0 is "".
class StringPool
{
public:
    StringPool();
    StringId intern(std::string_view s);
    std::string_view get(StringId id) const { return m_strings[id]; }
    size_t size() const { return m_strings.size(); }
    size_t memoryBytes() const;

private:
    std::deque<std::string> m_strings; // deque: element addresses stay valid as it grows
    std::unordered_map<std::string_view, StringId> m_index;
};

// A function is identified by its fully qualified name, as pprof's function granularity does;
// the file is kept from the first occurrence for display.
struct Function
{
    StringId name = 0;
    StringId file = 0;
};

// One logical frame: a function and a line in it (inlined frames are separate frames).
struct Frame
{
    FunctionId function = 0;
    int64_t line = 0;
    // The call into this frame was inlined by the compiler: its caller is in the same machine
    // frame (pprof: not the last Line of its Location). pprof labels such functions "(inline)".
    bool inlined = false;
};

// Deduplicated call stacks stored flat: stack i is frames[offsets[i] .. offsets[i+1]),
// innermost (leaf) frame first, as Go and pprof write them.
class StackTable
{
public:
    StackTable();
    StackId intern(std::span<const FrameId> leafFirst);
    std::span<const FrameId> frames(StackId id) const
    {
        return std::span<const FrameId>(m_frames).subspan(m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
    }
    size_t size() const { return m_offsets.size() - 1; }
    size_t memoryBytes() const;

private:
    std::vector<uint32_t> m_offsets; // size() + 1 entries
    std::vector<FrameId> m_frames;
    std::unordered_multimap<uint64_t, StackId> m_index; // content hash -> candidates
};

// The shared symbol tables every source (pprof, traces, dumps, folded stacks) lands in, so one
// flame-tree builder and one "function in stack" filter serve them all.
struct Symbols
{
    StringPool strings;
    std::vector<Function> functions;
    std::vector<Frame> frames;
    StackTable stacks;

    FunctionId internFunction(std::string_view name, std::string_view file);
    // A new function even when one of the same name exists: pprof's nodes of other granularities
    // can share a printed name (one source file's functions that start on different lines).
    FunctionId addFunction(std::string_view name, std::string_view file);
    FrameId internFrame(FunctionId function, int64_t line, bool inlined = false);

    std::string_view functionName(FunctionId f) const { return strings.get(functions[f].name); }
    FunctionId frameFunction(FrameId f) const { return frames[f].function; }
    size_t memoryBytes() const;

private:
    std::unordered_map<StringId, FunctionId> m_functionByName;
    std::unordered_map<uint64_t, FrameId> m_frameIndex; // (function << 32 | line) for small lines
    std::unordered_map<FunctionId, std::unordered_map<int64_t, FrameId>> m_frameIndexWide;
};

} // namespace gs
