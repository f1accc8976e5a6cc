// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include <sys/mman.h>

namespace gs {

// An append-only list stored in chunks that double in size up to kMaxChunk elements (512 KiB). Unlike a
// vector it never copies its elements as it grows (no 3x peak while reallocating a big one), and
// its unused tail stays below one chunk, so many small lists stay small. drain() hands the elements
// out in order and frees each chunk as soon as it has been read. Large chunks are memory mappings
// of their own: freeing one gives its pages back to the system at once (the C library would keep
// freed heap memory for reuse, and a list drained into a store as big as itself would need both).
template<typename T>
class ChunkedList
{
public:
    // At least 16 elements and 128 bytes: a short-lived goroutine's record fits in one.
    static constexpr uint32_t kFirstChunk = uint32_t(std::max<size_t>(16, 128 / sizeof(T)));
    // Chunks of a fixed size in bytes whatever the element: each large chunk is a mapping, and a
    // process has a bounded number of those.
    static constexpr uint32_t kMaxChunk = uint32_t((size_t(1) << 19) / sizeof(T));

    void push_back(const T& value)
    {
        if (m_chunks.empty() || m_lastSize == m_lastCapacity)
            addChunk();
        ::new (static_cast<void*>(&m_chunks.back()[m_lastSize++])) T(value);
        ++m_size;
    }
    // push_back of values[0, n), n <= Max. When the whole buffer fits in the last chunk it is copied
    // whole, a copy of known size (one call of memcpy per few bytes costs more than the bytes);
    // the elements past n are storage the next appends overwrite.
    template<size_t Max>
    void append(const std::array<T, Max>& values, uint32_t n)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        if (m_chunks.empty() || m_lastCapacity - m_lastSize < Max) {
            for (uint32_t i = 0; i < n; ++i)
                push_back(values[i]);
            return;
        }
        std::memcpy(static_cast<void*>(&m_chunks.back()[m_lastSize]), values.data(), sizeof values);
        m_lastSize += n;
        m_size += n;
    }
    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const T& back() const { return m_chunks.back()[m_lastSize - 1]; }

    // Calls fn(element) for every element in order, freeing the chunks on the way; empty afterwards.
    // The first chunk (kFirstChunk elements) is kept: a list that is drained and filled again, like
    // a builder's record of one short-lived goroutine after another, then allocates nothing.
    template<typename Fn>
    void drain(Fn fn)
    {
        drainRuns([&](const T* elements, uint32_t n) {
            for (uint32_t k = 0; k < n; ++k)
                fn(elements[k]);
        });
    }
    // drain(), a chunk at a time: fn(elements, n) for each chunk's elements in order.
    template<typename Fn>
    void drainRuns(Fn fn)
    {
        for (size_t c = 0; c < m_chunks.size(); ++c) {
            const uint32_t n = c + 1 == m_chunks.size() ? m_lastSize : chunkCapacity(c);
            fn(&m_chunks[c][0], n);
            if (c > 0)
                m_chunks[c] = Chunk();
        }
        if (m_chunks.size() > 1)
            m_chunks.resize(1);
        m_size = 0;
        m_lastSize = 0;
        m_lastCapacity = m_chunks.empty() ? 0 : chunkCapacity(0);
    }

private:
    static uint32_t chunkCapacity(size_t chunk)
    {
        return chunk >= 24 ? kMaxChunk : std::min<uint32_t>(kMaxChunk, kFirstChunk << chunk);
    }
    void addChunk()
    {
        m_lastCapacity = chunkCapacity(m_chunks.size());
        m_chunks.emplace_back(m_lastCapacity);
        m_lastSize = 0;
    }

    // A chunk's storage is not initialised: push_back constructs each element in place.
    class Chunk
    {
        static_assert(std::is_trivially_destructible_v<T>); // elements are never destroyed one by one
        static constexpr size_t kMappedBytes = size_t(64) << 10;

    public:
        Chunk() = default;
        explicit Chunk(size_t capacity)
            : m_bytes(capacity * sizeof(T))
        {
            void* p = nullptr;
            if (m_bytes >= kMappedBytes) {
                p = mmap(nullptr, m_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                if (p == MAP_FAILED)
                    throw std::bad_alloc();
            } else {
                p = ::operator new(m_bytes);
            }
            m_data = static_cast<T*>(p);
        }
        Chunk(Chunk&& other) noexcept
            : m_data(std::exchange(other.m_data, nullptr))
            , m_bytes(std::exchange(other.m_bytes, 0))
        {
        }
        Chunk& operator=(Chunk&& other) noexcept
        {
            std::swap(m_data, other.m_data);
            std::swap(m_bytes, other.m_bytes);
            return *this;
        }
        ~Chunk()
        {
            if (m_data && m_bytes >= kMappedBytes)
                munmap(m_data, m_bytes);
            else if (m_data)
                ::operator delete(m_data);
        }
        T& operator[](size_t i) const { return m_data[i]; }

    private:
        T* m_data = nullptr;
        size_t m_bytes = 0;
    };

    std::vector<Chunk> m_chunks;
    size_t m_size = 0;
    uint32_t m_lastSize = 0;
    uint32_t m_lastCapacity = 0;
};

} // namespace gs
