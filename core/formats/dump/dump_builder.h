// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace gs::dump {

// What the two dump parsers (tracebacks and debug=1 count profiles) share: interning frames
// into the store's Symbols and appending label sets. A dump repeats the same few thousand
// frames millions of times, so frames are cached in a flat open-addressing table keyed by a hash
// of (function text, line): one probe per frame instead of a string-pool intern, a function
// lookup and a frame lookup in node-based maps (which took half the parse time).
class DumpBuilder
{
public:
    explicit DumpBuilder(EventStore& store);

    EventStore& store() { return m_store; }
    GoroutineDumpData& dump() { return *m_store.dump; }

    FrameId frame(std::string_view function, std::string_view file, int64_t line);
    StringId string(std::string_view s) { return m_store.symbols.strings.intern(s); }
    // Appends the pairs of a printed label set; returns the [begin, end) range in dump().labels,
    // and whether the set was well formed.
    bool addLabels(std::string_view set, uint32_t& begin, uint32_t& end);

private:
    struct Slot
    {
        uint64_t hash = 0;
        FrameId frame = kNoFrame; // kNoFrame: empty
    };
    FrameId internSlow(std::string_view function, std::string_view file, int64_t line);
    void grow();

    EventStore& m_store;
    std::unordered_map<std::string_view, FunctionId> m_functions; // views into the string pool
    std::vector<Slot> m_slots; // size is a power of two, at most half full
    size_t m_used = 0;
};

// Builds store.profile from store.dump: one sample per stack (and, for tracebacks, per status and
// label set, kept as a "state" label and the goroutine's own labels) weighted by its number of
// goroutines, so the flame graph, top table and label filters serve dumps unchanged.
void buildDumpProfile(EventStore& store);

} // namespace gs::dump
