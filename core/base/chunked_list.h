// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace gs {

// An append-only list stored in chunks that double in size up to kMaxChunk elements. Unlike a
// vector it never copies its elements as it grows (no 3x peak while reallocating a big one), and
// its unused tail stays below one chunk, so many small lists stay small. drain() hands the elements
// out in order and frees each chunk as soon as it has been read.
template<typename T>
class ChunkedList
{
public:
    static constexpr uint32_t kFirstChunk = 16;
    static constexpr uint32_t kMaxChunk = 1u << 16;

    void push_back(const T& value)
    {
        if (m_chunks.empty() || m_lastSize == m_lastCapacity)
            addChunk();
        m_chunks.back()[m_lastSize++] = value;
        ++m_size;
    }
    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const T& back() const { return m_chunks.back()[m_lastSize - 1]; }

    // Calls fn(element) for every element in order, freeing the chunks on the way; empty afterwards.
    template<typename Fn>
    void drain(Fn fn)
    {
        for (size_t c = 0; c < m_chunks.size(); ++c) {
            const uint32_t n = c + 1 == m_chunks.size() ? m_lastSize : chunkCapacity(c);
            for (uint32_t k = 0; k < n; ++k)
                fn(m_chunks[c][k]);
            m_chunks[c].reset();
        }
        m_chunks.clear();
        m_size = 0;
        m_lastSize = m_lastCapacity = 0;
    }

private:
    static uint32_t chunkCapacity(size_t chunk)
    {
        return chunk >= 12 ? kMaxChunk : std::min<uint32_t>(kMaxChunk, kFirstChunk << chunk);
    }
    void addChunk()
    {
        m_lastCapacity = chunkCapacity(m_chunks.size());
        m_chunks.push_back(std::make_unique_for_overwrite<T[]>(m_lastCapacity));
        m_lastSize = 0;
    }

    std::vector<std::unique_ptr<T[]>> m_chunks;
    size_t m_size = 0;
    uint32_t m_lastSize = 0;
    uint32_t m_lastCapacity = 0;
};

} // namespace gs
