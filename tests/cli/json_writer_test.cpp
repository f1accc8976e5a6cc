// SPDX-License-Identifier: MIT
#include "app/cli/json_writer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace gs::cli {
namespace {

std::string escaped(std::string_view s)
{
    std::ostringstream out;
    JsonWriter::writeString(out, s);
    return out.str();
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControls)
{
    EXPECT_EQ(escaped("a\"b\\c"), R"("a\"b\\c")");
    EXPECT_EQ(escaped("line\nnext\ttab\r"), R"("line\nnext\ttab\r")");
    EXPECT_EQ(escaped(std::string_view("\x01\x1f", 2)), R"("\u0001\u001f")");
    EXPECT_EQ(escaped(std::string_view("nul\0x", 5)), R"("nul\u0000x")");
}

TEST(JsonWriter, KeepsValidUtf8AndReplacesInvalidBytes)
{
    EXPECT_EQ(escaped("µs → 😀"), "\"µs → 😀\"");
    EXPECT_EQ(escaped("\xff"), "\"\xef\xbf\xbd\"");
    EXPECT_EQ(escaped("\xc0\xaf"), "\"\xef\xbf\xbd\xef\xbf\xbd\""); // overlong '/'
    EXPECT_EQ(escaped("\xed\xa0\x80"), "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""); // a surrogate
    EXPECT_EQ(escaped("ab\xe2\x82"), "\"ab\xef\xbf\xbd\xef\xbf\xbd\""); // truncated at the end
}

TEST(JsonWriter, NestsWithCommas)
{
    std::ostringstream out;
    JsonWriter j(out, 0);
    j.beginObject();
    j.key("a");
    j.beginArray();
    j.value(int64_t(1));
    j.value("x");
    j.value(true);
    j.null();
    j.value(0.5);
    j.endArray();
    j.key("empty");
    j.beginObject();
    j.endObject();
    j.endObject();
    EXPECT_EQ(out.str(), "{\"a\":[1,\"x\",true,null,0.5],\"empty\":{}}\n");
}

} // namespace
} // namespace gs::cli
