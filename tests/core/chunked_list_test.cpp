// SPDX-License-Identifier: MIT
#include "core/base/chunked_list.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <vector>

using gs::ChunkedList;

namespace {

std::vector<uint8_t> drained(ChunkedList<uint8_t>& list)
{
    std::vector<uint8_t> out;
    list.drain([&](uint8_t b) { out.push_back(b); });
    return out;
}

} // namespace

// Records of 1 to 7 bytes, appended from a buffer of 8, over many chunks: every record's bytes
// and only those come back, in order, whether the record fit its chunk or was cut by its end.
TEST(ChunkedList, AppendsRecordsAcrossChunksInOrder)
{
    ChunkedList<uint8_t> list;
    std::vector<uint8_t> expected;
    uint8_t next = 0;
    for (uint32_t record = 0; record < 20000; ++record) {
        std::array<uint8_t, 8> buffer;
        buffer.fill(0xee); // what lies past the record must not show up
        const uint32_t n = 1 + record % 7;
        for (uint32_t i = 0; i < n; ++i) {
            buffer[i] = next;
            expected.push_back(next);
            next = uint8_t(next + 1 == 0xee ? 0 : next + 1);
        }
        list.append(buffer, n);
    }
    EXPECT_EQ(list.size(), expected.size());
    EXPECT_EQ(drained(list), expected);
    EXPECT_TRUE(list.empty());
}

// A drained list is filled again from its kept first chunk, as the builder's recycled records are.
TEST(ChunkedList, FillsAgainAfterADrain)
{
    ChunkedList<uint32_t> list;
    for (uint32_t round = 0; round < 3; ++round) {
        std::vector<uint32_t> expected;
        for (uint32_t i = 0; i < 1000 * (round + 1); ++i) {
            list.push_back(i * 7 + round);
            expected.push_back(i * 7 + round);
        }
        std::vector<uint32_t> out;
        list.drain([&](uint32_t v) { out.push_back(v); });
        EXPECT_EQ(out, expected) << "round " << round;
        EXPECT_EQ(list.size(), 0u);
    }
}
