// SPDX-License-Identifier: MIT
#pragma once

#include "core/formats/gotrace/generation_tables.h"
#include "core/formats/gotrace/id_table.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace gs::gotrace {

// The frames of a stack as Go's internal/trace prints them inside Event.String(): per frame
// "\t<func> @ 0x<pc hex>\n\t\t<file>:<line>\n", leaf first. A trace refers to the same few
// stacks over and over, so each stack is formatted once per generation and its text reused;
// the cache starts over when events move to another generation's tables.
class StackTextCache
{
public:
    // The frames text of `stack` in `tables` (empty for ID 0). Valid until the next call.
    std::string_view frames(const GenerationTables& tables, uint64_t stack);

private:
    struct Range
    {
        size_t offset = 0;
        size_t size = 0;
    };
    void appendFrames(const GenerationTables& tables, uint64_t stack);

    const GenerationTables* m_tables = nullptr;
    uint64_t m_gen = 0; // with the pointer: a later generation's tables may reuse the address
    IdTable<Range> m_ranges;
    std::string m_text;
};

} // namespace gs::gotrace
