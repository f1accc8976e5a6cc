// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/symbols.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace gs::pprof {

// Remembers which stack a sequence of location ids became. Most samples of a large profile repeat
// a stack seen before (with other labels or values), so looking the raw location ids up here
// skips expanding inlined frames and hashing the longer frame list in the StackTable.
// Open addressing over flat arrays: no per-entry allocation; memory is proportional to the
// distinct sequences actually seen, so bounded by the input size.
class LocationStackCache
{
public:
    static constexpr StackId kMissing = UINT32_MAX;

    static uint64_t hash(std::span<const uint64_t> ids)
    {
        uint64_t h = 0x9e3779b97f4a7c15ull ^ ids.size();
        for (uint64_t id : ids) {
            h ^= id + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
        }
        return h * 0xff51afd7ed558ccdull;
    }

    StackId find(std::span<const uint64_t> ids, uint64_t h) const
    {
        if (m_slots.empty())
            return kMissing;
        const auto fingerprint = uint32_t(h >> 32);
        for (size_t i = h & m_mask;; i = (i + 1) & m_mask) {
            const Slot s = m_slots[i];
            if (s.offset == kEmpty)
                return kMissing;
            if (s.fingerprint != fingerprint)
                continue;
            const uint64_t* e = m_data.data() + s.offset;
            if (e[0] == ids.size() && std::equal(ids.begin(), ids.end(), e + 3))
                return StackId(e[1]);
        }
    }

    void insert(std::span<const uint64_t> ids, uint64_t h, StackId stack)
    {
        // Offsets are 32-bit: past 4G words stop caching (the StackTable still deduplicates).
        if (m_data.size() + ids.size() + 2 >= kEmpty)
            return;
        if ((m_count + 1) * 4 > m_slots.size() * 3)
            grow();
        const auto offset = uint32_t(m_data.size());
        m_data.push_back(ids.size());
        m_data.push_back(stack);
        m_data.push_back(h);
        m_data.insert(m_data.end(), ids.begin(), ids.end());
        place(offset, h);
        ++m_count;
    }

private:
    static constexpr uint32_t kEmpty = UINT32_MAX;

    // Slots are 8 bytes so the probed table stays small; the 32-bit fingerprint (high hash bits)
    // makes touching a different sequence rare. Each sequence is stored as [length, stack, hash,
    // ids...], so checking a candidate reads one place in memory.
    struct Slot
    {
        uint32_t fingerprint = 0;
        uint32_t offset = kEmpty;
    };

    void place(uint32_t offset, uint64_t h)
    {
        size_t i = h & m_mask;
        while (m_slots[i].offset != kEmpty)
            i = (i + 1) & m_mask;
        m_slots[i] = Slot {uint32_t(h >> 32), offset};
    }

    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot {});
        m_mask = m_slots.size() - 1;
        for (const Slot& s : old) {
            if (s.offset != kEmpty)
                place(s.offset, m_data[s.offset + 2]);
        }
    }

    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    size_t m_count = 0;
    std::vector<uint64_t> m_data;
};

} // namespace gs::pprof
