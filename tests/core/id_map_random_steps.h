// SPDX-License-Identifier: MIT
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <vector>

namespace gs::test {

// Drives an ID map (insert(id, value) -> value* or null when present, erase(id) -> bool,
// find(id) -> value* or null, size()) through 200,000 random inserts, erases and finds, checking
// every step against std::map. `newId(random, nextId)` picks the ID of an insert; nextId counts
// up from 1, as goroutine IDs do.
template<typename Map, typename NewId>
void expectAgreesWithAStdMap(Map& map, NewId newId)
{
    std::mt19937_64 random(42);
    std::map<uint64_t, int> reference;
    std::vector<uint64_t> live;
    uint64_t nextId = 1;
    for (int step = 0; step < 200000; ++step) {
        const unsigned action = unsigned(random() % 10);
        if (action < 5 || live.empty()) {
            const uint64_t id = newId(random, nextId);
            const bool fresh = !reference.contains(id);
            EXPECT_EQ(map.insert(id, step) != nullptr, fresh) << "insert " << id;
            if (fresh) {
                reference[id] = step;
                live.push_back(id);
            }
        } else if (action < 9) {
            const size_t at = size_t(random() % live.size());
            const uint64_t id = live[at];
            live[at] = live.back();
            live.pop_back();
            EXPECT_TRUE(map.erase(id)) << "erase " << id;
            reference.erase(id);
        } else {
            const uint64_t id = random() % (nextId + 10);
            const int* found = map.find(id);
            const auto it = reference.find(id);
            ASSERT_EQ(found != nullptr, it != reference.end()) << "find " << id;
            if (found) {
                EXPECT_EQ(*found, it->second);
            }
        }
        ASSERT_EQ(map.size(), reference.size());
    }
}

} // namespace gs::test
