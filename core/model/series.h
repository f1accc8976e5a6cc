// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/compact_columns.h"

#include <cstddef>
#include <cstdint>

namespace gs {

struct SeriesPoint
{
    int64_t time = 0;
    int64_t value = 0;
};

// A time series (heap in use, live goroutines...) in a few bytes a point: times and values each in
// a TimeColumn, whose offsets from a block's smallest value suit both (a server's goroutine count
// changes millions of times, by one each, so its values take a byte). Append, seal(), then read.
class Series
{
public:
    SeriesPoint operator[](size_t i) const { return {m_times[i], m_values[i]}; }
    size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }

    void push_back(const SeriesPoint& p)
    {
        m_times.push_back(p.time);
        m_values.push_back(p.value);
        ++m_count;
    }
    void seal()
    {
        m_times.seal();
        m_values.seal();
    }
    size_t memoryBytes() const { return m_times.memoryBytes() + m_values.memoryBytes(); }

private:
    TimeColumn m_times;
    TimeColumn m_values;
    size_t m_count = 0;
};

} // namespace gs
