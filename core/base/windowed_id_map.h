// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/flat_id_map.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace gs {

// A map from 64-bit IDs to values for IDs that are handed out in increasing order and mostly
// released soon after: the goroutines of a server, millions of them, a few hundred alive at a
// time. The most recent kWindow IDs live in a ring indexed by the ID itself (a lookup is a
// subtraction, a compare and one load, no hashing and no probing); an ID that arrives beyond
// the window slides it forward, moving the few entries still alive at its old end into a
// FlatIdMap, where IDs older than the window are looked up. Sliding costs one slot per ID it
// passes (at most kWindow per slide), so memory stays kWindow slots plus the old survivors,
// never proportional to the largest ID. Inserting or erasing may move entries: pointers
// returned by find() are valid until the next insert or erase.
template<typename T>
class WindowedIdMap
{
public:
    static constexpr uint64_t kWindow = uint64_t(1) << 14;

    // Inserts (id, value); returns the entry, or nullptr if the ID is already present.
    T* insert(uint64_t id, T value)
    {
        if (id < m_base)
            return m_old.insert(id, std::move(value));
        if (id - m_base >= kWindow)
            slideTo(id - (kWindow - 1));
        if (m_slots.empty())
            m_slots.resize(kWindow);
        Slot& slot = m_slots[id & kMask];
        if (slot.used)
            return nullptr;
        slot = Slot{std::move(value), true};
        ++m_inWindow;
        return &slot.value;
    }

    const T* find(uint64_t id) const
    {
        // IDs below the base wrap around to a large difference: they are not in the window.
        if (id - m_base < kWindow) {
            if (m_inWindow == 0)
                return nullptr;
            const Slot& slot = m_slots[id & kMask];
            return slot.used ? &slot.value : nullptr;
        }
        return id < m_base ? m_old.find(id) : nullptr;
    }
    T* find(uint64_t id) { return const_cast<T*>(static_cast<const WindowedIdMap*>(this)->find(id)); }

    bool erase(uint64_t id)
    {
        if (id - m_base < kWindow) {
            if (m_inWindow == 0)
                return false;
            Slot& slot = m_slots[id & kMask];
            if (!slot.used)
                return false;
            slot = Slot{};
            --m_inWindow;
            return true;
        }
        return id < m_base && m_old.erase(id);
    }

    size_t size() const { return m_inWindow + m_old.size(); }
    bool empty() const { return size() == 0; }

    // Forgets every entry, keeping the slots' memory.
    void clear()
    {
        std::fill(m_slots.begin(), m_slots.end(), Slot{});
        m_inWindow = 0;
        m_base = 0;
        m_old.clear();
    }

    // Every entry, in no particular order.
    template<typename F>
    void forEach(F&& f) const
    {
        if (m_inWindow != 0) {
            for (uint64_t id = m_base; id - m_base < kWindow; ++id) {
                const Slot& slot = m_slots[id & kMask];
                if (slot.used)
                    f(id, slot.value);
            }
        }
        m_old.forEach(f);
    }

private:
    static constexpr uint64_t kMask = kWindow - 1;
    struct Slot
    {
        T value{};
        bool used = false;
    };

    // Moves the window's start to `base` (later than the current one): the entries of the IDs
    // it passes go to m_old.
    void slideTo(uint64_t base)
    {
        const uint64_t passed = base - m_base;
        for (uint64_t k = 0; m_inWindow != 0 && k < passed && k < kWindow; ++k) {
            const uint64_t id = m_base + k;
            Slot& slot = m_slots[id & kMask];
            if (slot.used) {
                m_old.insert(id, std::move(slot.value));
                slot = Slot{};
                --m_inWindow;
            }
        }
        m_base = base;
    }

    std::vector<Slot> m_slots; // kWindow of them once the first ID arrives; slot = ID & kMask
    uint64_t m_base = 0;       // the window holds IDs [m_base, m_base + kWindow)
    size_t m_inWindow = 0;
    FlatIdMap<T> m_old; // IDs below m_base
};

} // namespace gs
