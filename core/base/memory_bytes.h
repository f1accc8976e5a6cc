// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <vector>

namespace gs {

// Heap bytes of containers, for the store's memory budget. Estimates, not allocator truth.
template<typename T>
size_t vectorBytes(const std::vector<T>& v)
{
    return v.capacity() * sizeof(T);
}

// A node-based hash table: the bucket array plus one node (value, next pointer, cached hash)
// per entry.
template<typename Map>
size_t hashMapBytes(const Map& m)
{
    return m.bucket_count() * sizeof(void*) + m.size() * (sizeof(typename Map::value_type) + 2 * sizeof(void*));
}

} // namespace gs
