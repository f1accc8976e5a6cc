// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace gs::gotrace {

// Maps wire IDs (string, stack IDs, goroutine IDs...) to values. IDs written by the runtime are
// small and dense, so they live in a vector indexed by ID; an ID far beyond the number of
// entries goes to a hash map instead, so memory stays proportional to the number of entries,
// never to the largest ID. Lookups are O(1).
//
// Real traces reach the hash map too: when most goroutines have exited, a new goroutine's ID is
// far beyond the few that are left. The vector may later grow past such an ID, so an ID below the
// vector's size can still be in the map: every lookup that misses the vector asks the map.
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
        } else if (!m_sparse.emplace(id, std::move(value)).second) {
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
        if (m_sparse.empty())
            return nullptr;
        auto it = m_sparse.find(id);
        return it == m_sparse.end() ? nullptr : &it->second;
    }

    T* find(uint64_t id) { return const_cast<T*>(static_cast<const IdTable*>(this)->find(id)); }


    bool erase(uint64_t id)
    {
        if (id < m_dense.size() && m_present[id]) {
            m_present[id] = 0;
            m_dense[id] = T{};
        } else if (m_sparse.empty() || m_sparse.erase(id) == 0) {
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
        for (const auto& [id, v] : m_sparse)
            f(id, v);
    }

private:
    bool inSparse(uint64_t id) const { return !m_sparse.empty() && m_sparse.count(id) != 0; }

    static constexpr uint64_t kSlack = 4096;
    std::vector<T> m_dense;
    std::vector<uint8_t> m_present;
    std::unordered_map<uint64_t, T> m_sparse;
    size_t m_count = 0;
};

} // namespace gs::gotrace
