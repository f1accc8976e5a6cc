// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/windowed_id_map.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace gs {

// A map from 64-bit IDs to values for IDs that a counter hands out, mostly released soon after
// but some kept for long: the goroutines of a server, millions of them, a few hundred alive at a
// time, of which some (connection handlers, workers) live for the whole trace and make most of
// its events. IDs index pages of kPageSize slots through a directory of page pointers, so every
// lookup, of an old ID as of a new one, is a compare and two dependent loads, without hashing;
// a WindowedIdMap would hash each ID that its window has passed.
//
// Memory follows the input, never the largest ID: a page exists only while one of its IDs is
// present (the pages of released IDs go away, but for one kept for reuse), and the directory
// grows to cover an ID only while it stays within kSlackPages entries plus one per ID ever
// inserted. IDs beyond that (a trace that starts with IDs in the billions, or damage) go to a
// WindowedIdMap, which a lookup missing the pages asks only when it holds something. Inserting
// or erasing may move that map's entries: pointers returned by find() are valid until the next
// insert or erase.
template<typename T>
class PagedIdMap
{
public:
    static constexpr unsigned kPageBits = 8;
    static constexpr uint64_t kPageSize = uint64_t(1) << kPageBits;
    static constexpr size_t kSlackPages = 4096; // IDs up to a million before anything is inserted

    PagedIdMap() = default;
    PagedIdMap(const PagedIdMap&) = delete;
    PagedIdMap& operator=(const PagedIdMap&) = delete;
    ~PagedIdMap()
    {
        for (Page* page : m_directory)
            if (page != &s_noPage)
                delete page;
        delete m_spare;
    }

    // Inserts (id, value); returns the entry, or nullptr if the ID is already present. An ID the
    // directory reaches, nearly every one, takes no call.
    T* insert(uint64_t id, T value)
    {
        const uint64_t page = id >> kPageBits;
        if (page >= m_pageCount)
            return insertBeyond(id, std::move(value));
        Page*& p = m_directory[page];
        if (p->slots[id & kMask].used || (!m_far.empty() && m_far.find(id)))
            return nullptr;
        if (p == &s_noPage)
            p = m_spare ? std::exchange(m_spare, nullptr) : new Page();
        Slot& slot = p->slots[id & kMask];
        slot.value = std::move(value);
        slot.used = true;
        ++p->count;
        ++m_inserted;
        ++m_size;
        return &slot.value;
    }

    const T* find(uint64_t id) const
    {
        const uint64_t page = id >> kPageBits;
        if (page < m_pageCount) {
            const Slot& slot = m_directory[page]->slots[id & kMask];
            if (slot.used)
                return &slot.value;
        }
        return m_far.empty() ? nullptr : m_far.find(id);
    }
    T* find(uint64_t id) { return const_cast<T*>(static_cast<const PagedIdMap*>(this)->find(id)); }

    bool erase(uint64_t id)
    {
        const uint64_t page = id >> kPageBits;
        if (page < m_pageCount) {
            Page*& p = m_directory[page];
            Slot& slot = p->slots[id & kMask];
            if (slot.used) {
                slot = Slot{};
                --m_size;
                if (--p->count == 0)
                    release(p);
                return true;
            }
        }
        return m_far.erase(id);
    }

    size_t size() const { return m_size + m_far.size(); }
    bool empty() const { return size() == 0; }

private:
    static constexpr uint64_t kMask = kPageSize - 1;
    struct Slot
    {
        T value{};
        bool used = false;
    };
    struct Page
    {
        Slot slots[kPageSize];
        size_t count = 0; // slots used
    };

    // insert() of an ID past the directory: the directory grows to reach it if the bound allows
    // it, else the ID goes to m_far.
    [[gnu::noinline]] T* insertBeyond(uint64_t id, T value)
    {
        const uint64_t page = id >> kPageBits;
        if (page >= kSlackPages + m_inserted) {
            T* stored = m_far.insert(id, std::move(value));
            m_inserted += stored != nullptr;
            return stored;
        }
        m_directory.resize(page + 1, &s_noPage);
        m_pageCount = m_directory.size();
        return insert(id, std::move(value));
    }

    // `p` has no entries left: its directory entry goes back to s_noPage, its memory to m_spare
    // (a server's IDs move on to a new page every kPageSize goroutines).
    void release(Page*& p)
    {
        if (m_spare)
            delete p;
        else
            m_spare = p;
        p = &s_noPage;
    }

    // The page of every directory entry without one: no slot used, so lookups need no null
    // check. Never written: insert gives an entry a page of its own first.
    static inline Page s_noPage{};

    std::vector<Page*> m_directory; // page k holds IDs [k * kPageSize, (k + 1) * kPageSize)
    // m_directory.size(), kept apart: a lookup compares the page with it, one load, where the
    // vector's size takes two loads, a subtraction and a shift.
    size_t m_pageCount = 0;
    Page* m_spare = nullptr;        // an empty page, kept for the next one needed
    size_t m_size = 0;              // entries in pages
    size_t m_inserted = 0;          // successful inserts ever: the directory's bound
    WindowedIdMap<T> m_far;         // IDs the directory does not reach
};

} // namespace gs
