// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/generation_tables.h"

namespace gs::gotrace {

void GenerationTables::setNsPerTick(double ns)
{
    m_nsPerTick = ns;
    m_wholeNsPerTick = 0;
    m_exactBelow = 0;
    if (ns >= 1 && ns <= 1 << 20 && ns == double(int64_t(ns))) {
        m_wholeNsPerTick = int64_t(ns);
        m_exactBelow = (uint64_t(1) << 53) / uint64_t(m_wholeNsPerTick);
    }
}

std::span<const uint64_t> GenerationTables::stackPcs(uint64_t id) const
{
    const Range* r = id == 0 ? nullptr : m_stacks.find(id);
    if (!r)
        return {};
    return std::span<const uint64_t>(m_pcs).subspan(r->offset, r->count);
}

bool GenerationTables::addStack(uint64_t id, std::span<const uint64_t> pcs)
{
    if (id == 0)
        return true; // Go's table treats 0 as always present; a record for it changes nothing
    Range r{uint32_t(m_pcs.size()), uint32_t(pcs.size())};
    if (!m_stacks.insert(id, r))
        return false;
    m_pcs.insert(m_pcs.end(), pcs.begin(), pcs.end());
    return true;
}

std::string_view GenerationTables::own(std::string s)
{
    m_owned.push_back(std::move(s));
    return m_owned.back();
}

std::string GenerationTables::validateStacks() const
{
    std::string problem;
    m_stacks.forEach([&](uint64_t id, const Range& r) {
        if (!problem.empty())
            return;
        for (uint32_t i = 0; i < r.count; ++i) {
            const uint64_t pc = m_pcs[r.offset + i];
            const WireFrame* f = frame(pc);
            if (!f) {
                problem = "found unknown pc for stack " + std::to_string(id);
                return;
            }
            if (!hasString(f->funcString)) {
                problem = "found invalid func string ID " + std::to_string(f->funcString) + " for stack "
                          + std::to_string(id);
                return;
            }
            if (!hasString(f->fileString)) {
                problem = "found invalid file string ID " + std::to_string(f->fileString) + " for stack "
                          + std::to_string(id);
                return;
            }
        }
    });
    return problem;
}

} // namespace gs::gotrace
