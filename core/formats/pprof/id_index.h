// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace gs::pprof {

// Maps the ids a profile gives its locations, functions and mappings (Go numbers them 1..N) to
// dense row numbers. Ids that are dense enough go into a vector for one-load look-ups; sparse ids
// (other producers hash addresses into ids) fall back to a hash map, so memory stays proportional
// to the number of entries whatever the ids are.
class IdIndex
{
public:
    static constexpr uint32_t kMissing = UINT32_MAX;

    // `maxId` and `count` describe the ids about to be added.
    void prepare(uint64_t maxId, size_t count)
    {
        m_dense = maxId <= 2 * uint64_t(count) + 64;
        if (m_dense)
            m_rows.assign(size_t(maxId) + 1, kMissing);
        else
            m_map.reserve(count);
    }

    // Returns false if the id was already present.
    bool add(uint64_t id, uint32_t row)
    {
        if (m_dense) {
            if (m_rows[size_t(id)] != kMissing)
                return false;
            m_rows[size_t(id)] = row;
            return true;
        }
        return m_map.emplace(id, row).second;
    }

    uint32_t find(uint64_t id) const
    {
        if (m_dense)
            return id < m_rows.size() ? m_rows[size_t(id)] : kMissing;
        auto it = m_map.find(id);
        return it == m_map.end() ? kMissing : it->second;
    }

private:
    bool m_dense = true;
    std::vector<uint32_t> m_rows;
    std::unordered_map<uint64_t, uint32_t> m_map;
};

} // namespace gs::pprof
