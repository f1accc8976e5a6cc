// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>

#include <sys/mman.h>
#include <unistd.h>

namespace gs {

// A growable array of trivially copyable values, for the store's largest columns. std::vector
// grows and shrinks by copying into a new block, so a 100 MB column briefly needs twice that. Here
// a large buffer is its own memory mapping, which grows and shrinks by remapping its pages
// (mremap) without copying them; small ones use malloc.
template<typename T>
class PodBuffer
{
    static_assert(std::is_trivially_copyable_v<T>);

public:
    PodBuffer() = default;
    PodBuffer(const PodBuffer& other) { *this = other; }
    PodBuffer(PodBuffer&& other) noexcept { swap(other); }
    PodBuffer& operator=(const PodBuffer& other)
    {
        if (this != &other) {
            clear();
            reserve(other.m_size);
            if (other.m_size)
                std::memcpy(m_data, other.m_data, other.m_size * sizeof(T));
            m_size = other.m_size;
        }
        return *this;
    }
    PodBuffer& operator=(PodBuffer&& other) noexcept
    {
        PodBuffer(std::move(other)).swap(*this);
        return *this;
    }
    ~PodBuffer() { release(); }

    T& operator[](size_t i) { return m_data[i]; }
    const T& operator[](size_t i) const { return m_data[i]; }
    T* data() { return m_data; }
    const T* data() const { return m_data; }
    const T* begin() const { return m_data; }
    const T* end() const { return m_data + m_size; }
    T& back() { return m_data[m_size - 1]; }
    size_t size() const { return m_size; }
    size_t capacity() const { return m_capacity; }
    bool empty() const { return m_size == 0; }

    void push_back(const T& value)
    {
        if (m_size == m_capacity)
            reallocate(std::max<size_t>({16, m_size + 1, m_capacity * 2}));
        m_data[m_size++] = value;
    }
    void reserve(size_t n)
    {
        if (n > m_capacity)
            reallocate(n);
    }
    // New elements are value-initialised. Grows geometrically like push_back: columns that append
    // a few bytes at a time through resize would otherwise remap their buffer for every page.
    void resize(size_t n)
    {
        if (n > m_capacity)
            reallocate(std::max(n, m_capacity * 2));
        if (n > m_size)
            std::memset(static_cast<void*>(m_data + m_size), 0, (n - m_size) * sizeof(T));
        m_size = n;
    }
    void clear() { m_size = 0; }
    void shrink_to_fit()
    {
        if (m_size < m_capacity)
            reallocate(m_size);
    }
    size_t memoryBytes() const { return m_capacity * sizeof(T); }

    void swap(PodBuffer& other) noexcept
    {
        std::swap(m_data, other.m_data);
        std::swap(m_size, other.m_size);
        std::swap(m_capacity, other.m_capacity);
        std::swap(m_mapped, other.m_mapped);
    }

private:
    static constexpr size_t kMappedBytes = size_t(1) << 20; // from this size on, a mapping

    void release()
    {
        if (m_mapped)
            munmap(m_data, m_capacity * sizeof(T));
        else
            std::free(m_data);
        m_data = nullptr;
        m_capacity = 0;
        m_mapped = false;
    }

    void reallocate(size_t capacity)
    {
        if (capacity == 0) {
            release();
            return;
        }
        if (capacity > SIZE_MAX / sizeof(T) - kMappedBytes)
            throw std::bad_alloc();
        size_t bytes = capacity * sizeof(T);
        void* moved = nullptr;
        if (bytes < kMappedBytes && !m_mapped) {
            moved = std::realloc(m_data, bytes);
            if (!moved)
                throw std::bad_alloc();
        } else {
            const auto page = size_t(sysconf(_SC_PAGESIZE));
            bytes = (bytes + page - 1) / page * page;
            if (m_mapped) {
                moved = mremap(m_data, m_capacity * sizeof(T), bytes, MREMAP_MAYMOVE);
            } else {
                moved = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                if (moved != MAP_FAILED && m_size > 0)
                    std::memcpy(moved, m_data, m_size * sizeof(T));
                if (moved != MAP_FAILED)
                    std::free(m_data);
            }
            if (moved == MAP_FAILED)
                throw std::bad_alloc();
            m_mapped = true;
        }
        m_data = static_cast<T*>(moved);
        m_capacity = bytes / sizeof(T);
    }

    T* m_data = nullptr;
    size_t m_size = 0;
    size_t m_capacity = 0;
    bool m_mapped = false;
};

} // namespace gs
