// SPDX-License-Identifier: MIT
#pragma once

#include "core/formats/gotrace/go_time.h"
#include "core/formats/gotrace/id_table.h"

#include <climits>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gs::gotrace {

// One stack frame as the trace's stack table describes it; names are string-table IDs.
struct WireFrame
{
    uint64_t pc = 0;
    uint64_t funcString = 0;
    uint64_t fileString = 0;
    uint64_t line = 0;
};

// The lookup tables of one generation: strings, stacks (as PC lists) and the frame of every PC,
// plus the generation's clock facts. Strings point into the input bytes (zero copy) or into
// `own()` storage. Tables are immutable once the generation is handed to the ordering engine;
// events point at them, and they stay valid until the reader moves past the generation.
class GenerationTables
{
public:
    uint64_t gen = 0;
    bool hasFrequency = false;
    bool hasClockSnapshot = false;
    int64_t snapshotTimeNs = 0;    // trace clock, converted to ns
    uint64_t snapshotMono = 0;
    uint64_t snapshotSec = 0;
    uint64_t snapshotNsec = 0;

    // 1e9 / ticks-per-second, computed as Go's parser does.
    void setNsPerTick(double ns);
    double nsPerTick() const { return m_nsPerTick; }
    // Trace-clock ticks to nanoseconds with the exact arithmetic of Go's parser (a float64
    // product truncated towards zero), so times match Go's to the nanosecond. Out-of-range
    // products give INT64_MIN, as the conversion does on amd64. The runtime's clock counts a
    // whole number of nanoseconds per tick (64 on most platforms); below 2^53 the float64
    // product is then that integer exactly, which is cheaper to compute (once per event).
    int64_t toNs(uint64_t ticks) const
    {
        if (ticks < m_exactBelow)
            return int64_t(ticks) * m_wholeNsPerTick;
        return goInt64(double(ticks) * m_nsPerTick);
    }

    // ID 0 is always the empty string / the empty stack.
    bool hasString(uint64_t id) const { return id == 0 || m_strings.find(id) != nullptr; }
    std::string_view string(uint64_t id) const
    {
        const std::string_view* s = id == 0 ? nullptr : m_strings.find(id);
        return s ? *s : std::string_view();
    }
    bool hasStack(uint64_t id) const { return id == 0 || m_stacks.find(id) != nullptr; }
    // Every string / stack ID up to these is known (see IdTable::presentFromOneTo).
    uint64_t stringsPresentTo() const { return m_strings.presentFromOneTo(); }
    uint64_t stacksPresentTo() const { return m_stacks.presentFromOneTo(); }
    // Leaf-first PCs of a stack; empty for ID 0 or an unknown ID.
    std::span<const uint64_t> stackPcs(uint64_t id) const;
    const WireFrame* frame(uint64_t pc) const
    {
        auto it = m_frames.find(pc);
        return it == m_frames.end() ? nullptr : &it->second;
    }

    bool addString(uint64_t id, std::string_view s) { return id != 0 && m_strings.insert(id, s); }
    bool addStack(uint64_t id, std::span<const uint64_t> pcs);
    // Keeps the first frame seen for a PC, as Go's parser does.
    void addFrame(const WireFrame& f) { m_frames.emplace(f.pc, f); }
    // Copies a string into storage owned by the tables (for strings not in the input).
    std::string_view own(std::string s);
    // Checks every stack's PCs have frames whose names are known strings; returns a message.
    std::string validateStacks() const;

private:
    struct Range
    {
        uint32_t offset = 0;
        uint32_t count = 0;
    };
    double m_nsPerTick = 0;
    int64_t m_wholeNsPerTick = 0;
    uint64_t m_exactBelow = 0; // ticks below it convert in integer arithmetic
    IdTable<std::string_view> m_strings;
    IdTable<Range> m_stacks;
    std::vector<uint64_t> m_pcs;
    std::unordered_map<uint64_t, WireFrame> m_frames;
    std::deque<std::string> m_owned;
};

} // namespace gs::gotrace
