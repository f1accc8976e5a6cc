// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/memory_bytes.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace gs {

// A column of nanosecond times at 32 bits a value: each block of kBlock values stores its smallest
// value in full and the others as unsigned offsets from it. A block spreading over more than 2^32 ns
// (4.3 s) keeps its values in full instead, so any sequence is exact; sorted or nearly sorted ones
// (span starts, cumulative sums) nearly never need that. Append, seal(), then read.
class TimeColumn
{
public:
    static constexpr uint32_t kBlock = 64;

    int64_t operator[](size_t i) const
    {
        const Block& b = m_blocks[i / kBlock];
        return b.wide == kNarrow ? b.base + int64_t(m_offsets[i]) : m_wide[b.wide + i % kBlock];
    }
    size_t size() const { return m_offsets.size(); }
    void reserve(size_t n) { m_offsets.reserve(n); }

    void push_back(int64_t value)
    {
        m_pending.push_back(value);
        if (m_pending.size() == kBlock)
            flush();
    }
    // Stores the last, partial block and frees the slack of the vectors.
    void seal()
    {
        flush();
        m_pending = {};
        m_offsets.shrink_to_fit();
        m_blocks.shrink_to_fit();
        m_wide.shrink_to_fit();
    }
    size_t memoryBytes() const { return vectorBytes(m_offsets) + vectorBytes(m_blocks) + vectorBytes(m_wide); }

private:
    static constexpr uint32_t kNarrow = UINT32_MAX;
    struct Block
    {
        int64_t base = 0;
        uint32_t wide = kNarrow; // else: where the block's values start in m_wide
    };

    void flush()
    {
        if (m_pending.empty())
            return;
        const auto [lo, hi] = std::minmax_element(m_pending.begin(), m_pending.end());
        Block b{*lo, kNarrow};
        if (uint64_t(*hi) - uint64_t(*lo) > UINT32_MAX) {
            b.wide = uint32_t(m_wide.size());
            m_wide.insert(m_wide.end(), m_pending.begin(), m_pending.end());
        }
        m_blocks.push_back(b);
        for (int64_t v : m_pending)
            m_offsets.push_back(b.wide == kNarrow ? uint32_t(uint64_t(v) - uint64_t(b.base)) : 0);
        m_pending.clear();
    }

    std::vector<uint32_t> m_offsets;
    std::vector<Block> m_blocks;
    std::vector<int64_t> m_wide;
    std::vector<int64_t> m_pending; // values of the block being filled
};

// Values for a minority of the indexes of a dense index space: a bitmap with the count of values
// before each 64-bit word, so finding an index's value is O(1) and costs 12 bytes per 64 indexes
// beyond the values themselves. Indexes are added in increasing order.
template<typename T>
class SparseColumn
{
public:
    void add(uint32_t index, const T& value)
    {
        const size_t word = index / 64;
        while (m_bits.size() <= word) {
            m_bits.push_back(0);
            m_before.push_back(uint32_t(m_values.size()));
        }
        m_bits[word] |= uint64_t(1) << (index % 64);
        m_values.push_back(value);
    }
    const T* find(uint32_t index) const
    {
        const size_t word = index / 64;
        if (word >= m_bits.size())
            return nullptr;
        const uint64_t bit = uint64_t(1) << (index % 64);
        if (!(m_bits[word] & bit))
            return nullptr;
        return &m_values[m_before[word] + uint32_t(std::popcount(m_bits[word] & (bit - 1)))];
    }
    size_t size() const { return m_values.size(); }
    void shrink_to_fit()
    {
        m_bits.shrink_to_fit();
        m_before.shrink_to_fit();
        m_values.shrink_to_fit();
    }
    size_t memoryBytes() const { return vectorBytes(m_bits) + vectorBytes(m_before) + vectorBytes(m_values); }

private:
    std::vector<uint64_t> m_bits;
    std::vector<uint32_t> m_before; // values in the words before this one
    std::vector<T> m_values;
};

// A hash of integer keys for Interner: a multiply and a fold, so the low bits used for the slot
// depend on all bits of the key (std::hash of an integer is the integer itself).
struct IntegerHash
{
    size_t operator()(uint64_t key) const
    {
        const uint64_t h = key * 0x9e3779b97f4a7c15ULL;
        return size_t(h ^ (h >> 32));
    }
};

// Dense 32-bit codes for distinct values, in order of first appearance: an open-addressing hash
// table of codes (no node per entry), which keeps interning one value per span cheap.
template<typename T, typename Hash>
class Interner
{
public:
    uint32_t intern(const T& value)
    {
        if (2 * (m_values.size() + 1) > m_slots.size())
            rehash(std::max<size_t>(64, 2 * m_slots.size()));
        const size_t mask = m_slots.size() - 1;
        for (size_t s = Hash{}(value) & mask;; s = (s + 1) & mask) {
            if (m_slots[s] == 0) {
                m_values.push_back(value);
                m_slots[s] = uint32_t(m_values.size());
                return m_slots[s] - 1;
            }
            if (m_values[m_slots[s] - 1] == value)
                return m_slots[s] - 1;
        }
    }
    const T& operator[](uint32_t code) const { return m_values[code]; }
    // The distinct values by code; the interner is empty afterwards.
    std::vector<T> take()
    {
        m_slots = {};
        std::vector<T> values = std::move(m_values);
        m_values = {};
        return values;
    }

private:
    // (Not named "slots": Qt defines that as a macro.)
    void rehash(size_t slotCount)
    {
        m_slots.assign(slotCount, 0);
        for (uint32_t code = 0; code < m_values.size(); ++code) {
            size_t s = Hash{}(m_values[code]) & (slotCount - 1);
            while (m_slots[s] != 0)
                s = (s + 1) & (slotCount - 1);
            m_slots[s] = code + 1;
        }
    }

    std::vector<T> m_values;
    std::vector<uint32_t> m_slots; // code + 1; 0: empty. A power of two, at most half full.
};

} // namespace gs
