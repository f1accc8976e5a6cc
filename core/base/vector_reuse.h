// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <vector>

namespace gs {

// Empties `v` for refilling, keeping its buffer unless it holds more than `maxKeptCapacity`
// elements: records reused for one small item after another then allocate nothing, while a buffer
// grown for a rare large one is given back rather than kept for good.
template<typename T>
void clearForReuse(std::vector<T>& v, size_t maxKeptCapacity)
{
    if (v.capacity() > maxKeptCapacity)
        v = std::vector<T>();
    else
        v.clear();
}

} // namespace gs
