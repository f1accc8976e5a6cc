// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/integer_hash.h"
#include "core/base/pod_buffer.h"
#include "core/base/memory_bytes.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <type_traits>
#include <vector>

namespace gs {

// A column of 64-bit values (nanosecond times, goroutine IDs, counts) in blocks of kBlock: each
// block stores its smallest value in full and the others as unsigned offsets from it, in as few
// bytes as the block's spread needs (0 when all are equal, 1, 2, 3, 4 or 8). Values that are close
// to their neighbours (span starts, a server's goroutine IDs, cumulative sums) take 2 to 4 bytes;
// any sequence is exact. A read is one unaligned 8-byte load and a mask. Append, seal(), then read.
class TimeColumn
{
public:
    static constexpr uint32_t kBlock = 64;

    int64_t operator[](size_t i) const
    {
        static_assert(std::endian::native == std::endian::little, "offsets are read as little-endian words");
        const Block& b = m_blocks[i / kBlock];
        const uint32_t width = uint32_t(b.offsetAndWidth & 0xff);
        uint64_t word = 0;
        std::memcpy(&word, m_bytes.data() + (b.offsetAndWidth >> 8) + (i % kBlock) * width, sizeof word);
        return int64_t(uint64_t(b.base) + (word & kMasks[width]));
    }
    size_t size() const { return m_count; }
    void reserve(size_t n) { m_bytes.reserve(n * 4); }

    void push_back(int64_t value)
    {
        m_pending[m_count % kBlock] = value;
        if (++m_count % kBlock == 0)
            flush(kBlock);
    }
    // Stores the last, partial block and frees the slack of the vectors.
    void seal()
    {
        flush(m_count % kBlock);
        // Padding, so that the 8-byte load of a block's last narrow value stays in the vector.
        m_bytes.resize(m_bytes.size() + sizeof(uint64_t));
        m_bytes.shrink_to_fit();
        m_blocks.shrink_to_fit();
    }
    size_t memoryBytes() const { return m_bytes.memoryBytes() + m_blocks.memoryBytes(); }

private:
    static constexpr uint64_t kMasks[9] = {0,           0xff,         0xffff,         0xffffff,          0xffffffff,
                                           0xffffffffff, 0xffffffffffff, 0xffffffffffffff, ~uint64_t(0)};
    struct Block
    {
        int64_t base = 0;
        uint64_t offsetAndWidth = 0; // where its offsets start in m_bytes << 8 | bytes per offset
    };

    static uint32_t widthFor(uint64_t spread)
    {
        uint32_t width = 0;
        while (width < 4 && spread > kMasks[width])
            ++width;
        return spread > kMasks[width] ? 8 : width;
    }

    void flush(size_t n)
    {
        if (n == 0)
            return;
        const auto [lo, hi] = std::minmax_element(m_pending, m_pending + n);
        const uint32_t width = widthFor(uint64_t(*hi) - uint64_t(*lo));
        const size_t at = m_bytes.size();
        m_blocks.push_back({*lo, uint64_t(at) << 8 | width});
        if (width == 0)
            return; // every value is the base
        m_bytes.resize(at + n * width);
        // One loop per width, so that each copy is a store of known size rather than a call.
        switch (width) {
        case 1: storeOffsets<1>(m_bytes.data() + at, n, *lo); break;
        case 2: storeOffsets<2>(m_bytes.data() + at, n, *lo); break;
        case 3: storeOffsets<3>(m_bytes.data() + at, n, *lo); break;
        case 4: storeOffsets<4>(m_bytes.data() + at, n, *lo); break;
        default: storeOffsets<8>(m_bytes.data() + at, n, *lo); break;
        }
    }
    template<size_t Width>
    void storeOffsets(uint8_t* out, size_t n, int64_t base) const
    {
        for (size_t k = 0; k < n; ++k) {
            const uint64_t offset = uint64_t(m_pending[k]) - uint64_t(base);
            std::memcpy(out + k * Width, &offset, Width);
        }
    }

    PodBuffer<uint8_t> m_bytes;
    PodBuffer<Block> m_blocks;
    int64_t m_pending[kBlock] = {}; // values of the block being filled
    size_t m_count = 0;
};

// A TimeColumn whose values may be absent (reported as -1): a bit per value says which are
// present, and an absent one is stored as the value before it, so that blocks stay narrow (a -1
// among trace-clock times would make its block wide).
class OptionalTimeColumn
{
public:
    static constexpr int64_t kAbsent = -1;

    int64_t operator[](size_t i) const { return (m_present[i / 64] >> (i % 64)) & 1 ? m_values[i] : kAbsent; }
    size_t size() const { return m_count; }

    void push_back(int64_t value)
    {
        const size_t i = m_count++;
        if (i % 64 == 0)
            m_present.push_back(0);
        if (value != kAbsent) {
            m_present.back() |= uint64_t(1) << (i % 64);
            m_last = value;
        }
        m_values.push_back(m_last);
    }
    void seal()
    {
        m_values.seal();
        m_present.shrink_to_fit();
    }
    size_t memoryBytes() const { return m_values.memoryBytes() + vectorBytes(m_present); }

private:
    TimeColumn m_values;
    std::vector<uint64_t> m_present;
    int64_t m_last = 0;
    size_t m_count = 0;
};

// Dense codes (of interned values) at 16 bits each while every code fits, 32 bits once one does
// not: a trace has a few thousand distinct span traits, so most tables never widen.
class CodeColumn
{
public:
    uint32_t operator[](size_t i) const { return m_wide.empty() ? m_narrow[i] : m_wide[i]; }
    size_t size() const { return m_wide.empty() ? m_narrow.size() : m_wide.size(); }
    void reserve(size_t n) { m_narrow.reserve(n); }

    void push_back(uint32_t code)
    {
        if (m_wide.empty() && code <= UINT16_MAX) {
            m_narrow.push_back(uint16_t(code));
            return;
        }
        if (m_wide.empty()) {
            m_wide.reserve(std::max(m_narrow.capacity(), m_narrow.size() + 1));
            for (uint16_t narrow : m_narrow)
                m_wide.push_back(narrow);
            m_narrow = {};
        }
        m_wide.push_back(code);
    }
    void shrink_to_fit()
    {
        m_narrow.shrink_to_fit();
        m_wide.shrink_to_fit();
    }
    size_t memoryBytes() const { return m_narrow.memoryBytes() + m_wide.memoryBytes(); }

private:
    PodBuffer<uint16_t> m_narrow;
    PodBuffer<uint32_t> m_wide; // once a code needed it; m_narrow is then empty
};

// Values for a minority of the indexes of a dense index space: a bitmap with the count of values
// before each 64-bit word, so finding an index's value is O(1) and costs 12 bytes per 64 indexes
// beyond the values themselves. Indexes are added in increasing order. `Values` holds the values
// in order: a PodBuffer, or a TimeColumn for times (read only once sealed).
template<typename T, typename Values = PodBuffer<T>>
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
    std::optional<T> find(uint32_t index) const
    {
        const size_t word = index / 64;
        if (word >= m_bits.size())
            return std::nullopt;
        const uint64_t bit = uint64_t(1) << (index % 64);
        if (!(m_bits[word] & bit))
            return std::nullopt;
        return m_values[m_before[word] + uint32_t(std::popcount(m_bits[word] & (bit - 1)))];
    }
    size_t size() const { return m_values.size(); }
    // Frees the slack of the vectors (and seals a TimeColumn of values).
    void seal()
    {
        m_bits.shrink_to_fit();
        m_before.shrink_to_fit();
        if constexpr (std::is_same_v<Values, TimeColumn>)
            m_values.seal();
        else
            m_values.shrink_to_fit();
    }
    size_t memoryBytes() const
    {
        return m_bits.memoryBytes() + m_before.memoryBytes() + m_values.memoryBytes();
    }

private:
    PodBuffer<uint64_t> m_bits;
    PodBuffer<uint32_t> m_before; // values in the words before this one
    Values m_values;
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
