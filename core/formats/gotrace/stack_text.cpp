// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/stack_text.h"

#include <charconv>

namespace gs::gotrace {

std::string_view StackTextCache::frames(const GenerationTables& tables, uint64_t stack)
{
    if (&tables != m_tables || tables.gen != m_gen) {
        m_tables = &tables;
        m_gen = tables.gen;
        m_ranges = {};
        m_text.clear();
    }
    const Range* r = m_ranges.find(stack);
    if (!r) {
        const size_t offset = m_text.size();
        appendFrames(tables, stack);
        m_ranges.insert(stack, Range{offset, m_text.size() - offset});
        r = m_ranges.find(stack);
    }
    return std::string_view(m_text).substr(r->offset, r->size);
}

void StackTextCache::appendFrames(const GenerationTables& tables, uint64_t stack)
{
    char buf[24];
    for (const uint64_t pc : tables.stackPcs(stack)) {
        // The reader checked every PC of every stack has a frame (validateStacks); a missing one
        // prints as Go's zero frame would.
        const WireFrame* found = tables.frame(pc);
        const WireFrame f = found ? *found : WireFrame{};
        m_text += '\t';
        m_text += tables.string(f.funcString);
        m_text += " @ 0x";
        m_text.append(buf, size_t(std::to_chars(buf, buf + sizeof buf, f.pc, 16).ptr - buf));
        m_text += "\n\t\t";
        m_text += tables.string(f.fileString);
        m_text += ':';
        m_text.append(buf, size_t(std::to_chars(buf, buf + sizeof buf, f.line).ptr - buf));
        m_text += '\n';
    }
}

} // namespace gs::gotrace
