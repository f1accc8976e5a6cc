// SPDX-License-Identifier: MIT
#include "core/model/goroutine_table.h"

namespace gs {

Goroutine GoroutineTable::operator[](GoroutineRow row) const
{
    Goroutine g;
    g.id = m_ids[row];
    g.creatorId = m_creatorIds[row];
    g.creationStack = m_creationStacks[row];
    g.startFunction = startFunctionOf(row);
    const auto label = m_labels.find(row);
    g.label = label ? *label : 0;
    g.createdNs = m_createdNs[row];
    g.startNs = m_startNs[row];
    g.endNs = m_endNs[row];
    return g;
}

void GoroutineTable::push_back(const Goroutine& g)
{
    const auto row = uint32_t(size());
    m_ids.push_back(g.id);
    m_creatorIds.push_back(g.creatorId);
    m_creationStacks.push_back(g.creationStack);
    m_startFunctions.push_back(g.startFunction + 1);
    if (g.label != 0)
        m_labels.add(row, g.label);
    m_createdNs.push_back(g.createdNs);
    m_startNs.push_back(g.startNs);
    m_endNs.push_back(g.endNs);
}

void GoroutineTable::seal()
{
    m_ids.seal();
    m_creatorIds.seal();
    m_creationStacks.shrink_to_fit();
    m_startFunctions.shrink_to_fit();
    m_labels.seal();
    m_createdNs.seal();
    m_startNs.seal();
    m_endNs.seal();
}

size_t GoroutineTable::memoryBytes() const
{
    return m_ids.memoryBytes() + m_creatorIds.memoryBytes() + m_creationStacks.memoryBytes() +
           m_startFunctions.memoryBytes() + m_labels.memoryBytes() + m_createdNs.memoryBytes() +
           m_startNs.memoryBytes() + m_endNs.memoryBytes();
}

} // namespace gs
