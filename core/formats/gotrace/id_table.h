// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/windowed_id_map.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gs::gotrace {

// Maps wire IDs (string, stack IDs, goroutine IDs...) to values. IDs written by the runtime are
// small and dense, so they live in a vector indexed by ID; an ID far beyond the number of
// entries goes to a WindowedIdMap instead, so memory stays proportional to the number of
// entries, never to the largest ID. Lookups are O(1). Inserting or erasing may move the map's
// entries.
//
// Real traces reach the map, and through it most goroutine events of a server: when most
// goroutines have exited, a new goroutine's ID is far beyond the few that are left, and IDs keep
// counting up, which is what the map's window of recent IDs serves without hashing. The vector
// may later grow past an ID in the map, so an ID below the vector's size can still be in the
// map: every lookup that misses the vector asks the map.
template<typename T>
class IdTable
{
public:
    // Returns false if the ID is already present.
    bool insert(uint64_t id, T value)
    {
        if (id < m_dense.size() || id <= 2 * m_count + kSlack) {
            if (id >= m_dense.size()) {
                m_dense.resize(id + 1);
                m_present.resize(id + 1, 0);
            }
            if (m_present[id] || inSparse(id))
                return false;
            m_present[id] = 1;
            m_dense[id] = std::move(value);
        } else if (!m_sparse.insert(id, std::move(value))) {
            return false;
        }
        ++m_count;
        return true;
    }

    const T* find(uint64_t id) const
    {
        // m_present has m_dense's size; its byte elements make the bound check a subtraction
        // instead of a division by sizeof(T).
        if (id < m_present.size() && m_present[id])
            return &m_dense[id];
        return m_sparse.find(id);
    }

    T* find(uint64_t id) { return const_cast<T*>(static_cast<const IdTable*>(this)->find(id)); }


    bool erase(uint64_t id)
    {
        if (id < m_dense.size() && m_present[id]) {
            m_present[id] = 0;
            m_dense[id] = T{};
        } else if (!m_sparse.erase(id)) {
            return false;
        }
        --m_count;
        return true;
    }

    size_t size() const { return m_count; }

    // The largest n such that every ID in [1, n] is present (IDs written by the runtime count
    // up from 1): IDs up to it need no lookup.
    uint64_t presentFromOneTo() const
    {
        uint64_t n = 0;
        while (n + 1 < m_present.size() && m_present[n + 1])
            ++n;
        return n;
    }

    template<typename F>
    void forEach(F&& f) const
    {
        for (size_t id = 0; id < m_dense.size(); ++id)
            if (m_present[id])
                f(uint64_t(id), m_dense[id]);
        m_sparse.forEach(f);
    }

private:
    bool inSparse(uint64_t id) const { return m_sparse.find(id) != nullptr; }

    static constexpr uint64_t kSlack = 4096;
    std::vector<T> m_dense;
    std::vector<uint8_t> m_present;
    WindowedIdMap<T> m_sparse;
    size_t m_count = 0;
};

} // namespace gs::gotrace
