// SPDX-License-Identifier: MIT
#include "core/base/byte_reader.h"

#include <gtest/gtest.h>

#include <vector>

namespace gs {
namespace {

TEST(ByteReader, ReadsMinimalAndPaddedVarints)
{
    // 300 minimally, then 5 padded to 10 bytes as the Go runtime writes batch lengths.
    const std::vector<uint8_t> bytes = {0xac, 0x02, 0x85, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00};
    ByteReader r(bytes);
    EXPECT_EQ(r.readUvarint(), 300u);
    EXPECT_EQ(r.readUvarint(), 5u);
    EXPECT_TRUE(r.atEnd());
}

TEST(ByteReader, MinusOneIsTenBytes)
{
    const std::vector<uint8_t> bytes = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01};
    ByteReader r(bytes);
    EXPECT_EQ(r.readUvarint(), UINT64_MAX);
}

TEST(ByteReader, TruncatedVarintNamesItsStartOffset)
{
    const std::vector<uint8_t> bytes = {0x01, 0x80, 0x80};
    ByteReader r(bytes, 100);
    r.readByte();
    try {
        r.readUvarint();
        FAIL() << "expected DecodeError";
    } catch (const DecodeError& e) {
        EXPECT_EQ(e.offset(), 101u);
        EXPECT_STREQ(e.what(), "truncated varint");
    }
}

TEST(ByteReader, OverlongVarintIsRejected)
{
    const std::vector<uint8_t> bytes(11, 0x80);
    ByteReader r(bytes);
    EXPECT_THROW(r.readUvarint(), DecodeError);
}

TEST(ByteReader, LengthPastEndIsRejectedWithoutAllocating)
{
    const std::vector<uint8_t> bytes = {1, 2, 3};
    ByteReader r(bytes);
    try {
        r.readBytes(uint64_t(1) << 60);
        FAIL() << "expected DecodeError";
    } catch (const DecodeError& e) {
        EXPECT_EQ(e.offset(), 0u);
        EXPECT_NE(std::string(e.what()).find("runs past the end"), std::string::npos);
    }
}

} // namespace
} // namespace gs
