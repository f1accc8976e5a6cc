// SPDX-License-Identifier: MIT
#include "core/formats/text/stack_samples.h"

#include <algorithm>

namespace gs::text {

StackSampleBuilder::StackSampleBuilder(EventStore& store)
    : m_store(store)
{
}

size_t StackSampleBuilder::sampleType(std::string_view type, std::string_view unit)
{
    for (size_t i = 0; i < m_types.size(); ++i) {
        if (m_types[i].type == type)
            return i;
    }
    m_types.push_back(ValueType {std::string(type), std::string(unit)});
    return m_types.size() - 1;
}

void StackSampleBuilder::pushFrame(std::string_view function)
{
    auto it = m_frameByName.find(function);
    if (it == m_frameByName.end()) {
        Symbols& symbols = m_store.symbols;
        const FunctionId f = symbols.internFunction(function, {});
        it = m_frameByName.emplace(symbols.functionName(f), symbols.internFrame(f, 0)).first;
    }
    m_frames.push_back(it->second);
}

void StackSampleBuilder::addSample(size_t type, int64_t value, bool rootFirst)
{
    if (rootFirst)
        std::reverse(m_frames.begin(), m_frames.end());
    const StackId stack = m_store.symbols.stacks.intern(m_frames);
    m_frames.clear();
    const auto [it, inserted] = m_sampleOf.emplace(stack, m_stacks.size());
    if (inserted) {
        m_stacks.push_back(stack);
        m_values.emplace_back();
    }
    std::vector<int64_t>& values = m_values[it->second];
    if (values.size() <= type)
        values.resize(type + 1, 0);
    if (__builtin_add_overflow(values[type], value, &values[type]) && !m_overflowedType)
        m_overflowedType = type;
}

std::optional<std::string> StackSampleBuilder::finish()
{
    if (m_overflowedType)
        return valueSumMessage(m_types[*m_overflowedType]);
    Profile& p = m_store.profile.emplace();
    p.sampleTypes = m_types;
    if (!m_types.empty())
        p.periodType = m_types[0];
    const size_t width = m_types.size();
    p.sampleStacks = m_stacks;
    p.sampleValues.reserve(m_stacks.size() * width);
    for (const std::vector<int64_t>& values : m_values) {
        for (size_t t = 0; t < width; ++t)
            p.sampleValues.push_back(t < values.size() ? values[t] : 0);
        p.labelOffsets.push_back(0);
    }
    return p.valueSumProblem();
}

} // namespace gs::text
