// SPDX-License-Identifier: MIT
#include "core/io/file_bytes.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <vector>

namespace gs {
namespace {

std::vector<uint8_t> gzip(const std::vector<uint8_t>& data)
{
    z_stream zs {};
    EXPECT_EQ(deflateInit2(&zs, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    std::vector<uint8_t> out(deflateBound(&zs, uLong(data.size())) + 32);
    zs.next_in = const_cast<Bytef*>(data.data());
    zs.avail_in = uInt(data.size());
    zs.next_out = out.data();
    zs.avail_out = uInt(out.size());
    EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

std::vector<uint8_t> pattern(size_t n, uint8_t seed)
{
    std::vector<uint8_t> v(n);
    for (size_t i = 0; i < n; ++i)
        v[i] = uint8_t((i * 131 + seed) % 251);
    return v;
}

TEST(Gunzip, ExactSizeFromTrailer)
{
    const auto data = pattern(100000, 7);
    auto out = gunzip(gzip(data), 1 << 30);
    ASSERT_TRUE(out.ok()) << out.error().describe();
    EXPECT_EQ(*out, data);
}

TEST(Gunzip, HighRatioGrowsPastTheHint)
{
    // 8 MiB of zeros compress about 1000:1, far past the 16x cap on the trailer's size hint.
    const std::vector<uint8_t> zeros(8 << 20, 0);
    auto out = gunzip(gzip(zeros), 1 << 30);
    ASSERT_TRUE(out.ok()) << out.error().describe();
    EXPECT_EQ(out->size(), zeros.size());
}

TEST(Gunzip, ConcatenatedMembers)
{
    const auto a = pattern(5000, 1), b = pattern(70000, 2);
    auto gz = gzip(a);
    const auto gzb = gzip(b);
    gz.insert(gz.end(), gzb.begin(), gzb.end());
    auto out = gunzip(gz, 1 << 30);
    ASSERT_TRUE(out.ok()) << out.error().describe();
    std::vector<uint8_t> both = a;
    both.insert(both.end(), b.begin(), b.end());
    EXPECT_EQ(*out, both);
}

TEST(Gunzip, TruncatedAndBombAreErrors)
{
    auto gz = gzip(pattern(50000, 3));
    auto cut = gz;
    cut.resize(cut.size() / 2);
    auto truncated = gunzip(cut, 1 << 30);
    ASSERT_FALSE(truncated.ok());
    EXPECT_EQ(truncated.error().message, "gzip data is truncated");
    auto bomb = gunzip(gzip(std::vector<uint8_t>(1 << 20, 0)), 1 << 16);
    ASSERT_FALSE(bomb.ok());
    EXPECT_NE(bomb.error().message.find("expands beyond"), std::string::npos);
}

} // namespace
} // namespace gs
