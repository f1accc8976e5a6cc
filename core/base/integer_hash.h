// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>

namespace gs {

// A hash of integer keys for hash tables indexed by the low bits: a multiply and a fold, so those
// bits depend on all bits of the key (std::hash of an integer is the integer itself).
struct IntegerHash
{
    size_t operator()(uint64_t key) const
    {
        const uint64_t h = key * 0x9e3779b97f4a7c15ULL;
        return size_t(h ^ (h >> 32));
    }
};

} // namespace gs
