// SPDX-License-Identifier: MIT
#include "widgets/common/go_names.h"
#include "widgets/common/value_format.h"

#include <gtest/gtest.h>

namespace gs::ui {
namespace {

TEST(ValueFormat, TimeUsesThreeSignificantDigits)
{
    EXPECT_EQ(formatValue(1'200'000'000, "nanoseconds"), QStringLiteral("1.2 s"));
    EXPECT_EQ(formatValue(1'234'567, "nanoseconds"), QStringLiteral("1.23 ms"));
    EXPECT_EQ(formatValue(999, "nanoseconds"), QStringLiteral("999 ns"));
    EXPECT_EQ(formatValue(45'600, "nanoseconds"), QStringLiteral("45.6 \u00b5s"));
    EXPECT_EQ(formatValue(250, "milliseconds"), QStringLiteral("250 ms"));
}

TEST(ValueFormat, BytesUseBinaryUnits)
{
    EXPECT_EQ(formatValue(512, "bytes"), QStringLiteral("512 B"));
    EXPECT_EQ(formatValue(1536, "bytes"), QStringLiteral("1.5 KiB"));
    EXPECT_EQ(formatValue(5 * 1024 * 1024, "bytes"), QStringLiteral("5 MiB"));
}

TEST(ValueFormat, CountsAndDeltas)
{
    EXPECT_EQ(formatValue(1234567, "count"), QStringLiteral("1,234,567"));
    EXPECT_EQ(formatDelta(2'000'000, "nanoseconds"), QStringLiteral("+2 ms"));
    EXPECT_EQ(formatDelta(-3072, "bytes"), QStringLiteral("-3 KiB"));
    EXPECT_EQ(formatDelta(0, "bytes"), QStringLiteral("0"));
    EXPECT_EQ(formatValue(0, "nanoseconds"), QStringLiteral("0"));
    EXPECT_EQ(formatPercent(0.2345), QStringLiteral("23.4%"));
}

TEST(GoNames, PackagesAndShortNames)
{
    EXPECT_EQ(goPackage("net/http.(*conn).serve"), "net/http");
    EXPECT_EQ(goPackage("main.main"), "main");
    EXPECT_EQ(goPackage("github.com/x/y.F[go.shape.string,example.com/z.T]"), "github.com/x/y");
    EXPECT_EQ(goShortName("github.com/a/b.(*T).M"), "b.(*T).M");
    EXPECT_TRUE(isRuntimeFunction("runtime.mallocgc"));
    EXPECT_TRUE(isRuntimeFunction("runtime/internal/atomic.Load"));
    EXPECT_FALSE(isRuntimeFunction("main.runtime"));
    EXPECT_FALSE(isRuntimeFunction("runtime/pprof.Do"));
    EXPECT_EQ(escapeRegex("net/http.(*conn).serve"), "net\\/http\\.\\(\\*conn\\)\\.serve");
}

} // namespace
} // namespace gs::ui
