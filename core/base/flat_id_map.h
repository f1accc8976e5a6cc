// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/integer_hash.h"

#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace gs {

// A hash map from 64-bit IDs to values, stored inline in one array (open addressing, linear
// probing): a lookup is one multiply and usually one cache line, where std::unordered_map chases
// a node per entry. Erasing shifts the following entries of the probe run back (no tombstones), so
// a table that sees millions of short-lived IDs (goroutines of a server) stays as small and fast
// as the number of live ones. Inserting or erasing may move entries: pointers returned by find()
// are valid until the next insert or erase.
template<typename T>
class FlatIdMap
{
public:
    // Inserts (id, value); returns the entry, or nullptr if the ID is already present.
    T* insert(uint64_t id, T value)
    {
        if (4 * (m_count + 1) > 3 * m_slots.size())
            rehash(m_slots.empty() ? 16 : 2 * m_slots.size());
        size_t s = home(id);
        for (; m_slots[s].used; s = next(s)) {
            if (m_slots[s].id == id)
                return nullptr;
        }
        m_slots[s] = Slot{id, true, std::move(value)};
        ++m_count;
        return &m_slots[s].value;
    }

    const T* find(uint64_t id) const
    {
        if (m_count == 0)
            return nullptr;
        for (size_t s = home(id); m_slots[s].used; s = next(s)) {
            if (m_slots[s].id == id)
                return &m_slots[s].value;
        }
        return nullptr;
    }
    T* find(uint64_t id) { return const_cast<T*>(static_cast<const FlatIdMap*>(this)->find(id)); }

    bool erase(uint64_t id)
    {
        if (m_count == 0)
            return false;
        size_t hole = home(id);
        for (; m_slots[hole].id != id || !m_slots[hole].used; hole = next(hole)) {
            if (!m_slots[hole].used)
                return false;
        }
        // Backward shift: an entry later in the run moves into the hole unless its home lies
        // cyclically within (hole, entry], where it must stay to remain reachable.
        for (size_t s = next(hole); m_slots[s].used; s = next(s)) {
            const size_t h = home(m_slots[s].id);
            const bool reachable = hole < s ? (h <= hole || h > s) : (h <= hole && h > s);
            if (reachable) {
                m_slots[hole] = std::move(m_slots[s]);
                hole = s;
            }
        }
        m_slots[hole] = Slot{};
        --m_count;
        return true;
    }

    size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    // Forgets every entry, keeping the slots' memory.
    void clear()
    {
        std::fill(m_slots.begin(), m_slots.end(), Slot{});
        m_count = 0;
    }

    template<typename F>
    void forEach(F&& f) const
    {
        for (const Slot& slot : m_slots)
            if (slot.used)
                f(slot.id, slot.value);
    }

    size_t memoryBytes() const { return m_slots.capacity() * sizeof(Slot); }

private:
    struct Slot
    {
        uint64_t id = 0;
        bool used = false;
        T value{};
    };

    size_t home(uint64_t id) const { return IntegerHash{}(id) & m_mask; }
    size_t next(size_t s) const { return (s + 1) & m_mask; }

    void rehash(size_t slotCount)
    {
        std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(slotCount));
        m_mask = slotCount - 1;
        m_count = 0;
        for (Slot& slot : old)
            if (slot.used)
                insert(slot.id, std::move(slot.value));
    }

    std::vector<Slot> m_slots; // a power of two, at most three quarters full
    // m_slots.size() - 1, kept: computing the size divides by sizeof(Slot) on every probe.
    size_t m_mask = 0;
    size_t m_count = 0;
};

} // namespace gs
