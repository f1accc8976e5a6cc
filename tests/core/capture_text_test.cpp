// SPDX-License-Identifier: MIT
#include "core/base/capture_text.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace gs {
namespace {

using Cases = std::vector<std::pair<std::string, std::string>>; // capture text, how it is shown

void expectShown(const Cases& cases, size_t maxChars = 0)
{
    for (const auto& [text, shown] : cases)
        EXPECT_EQ(escapeCaptureText(text, maxChars), shown) << "for \"" << text << '"';
}

TEST(CaptureText, OrdinaryTextIsUnchanged)
{
    expectShown({
        {"net/http.(*conn).serve", "net/http.(*conn).serve"},
        {"<b>%1 & %2</b>", "<b>%1 & %2</b>"},
        {"caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x98\x80", "caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x98\x80"},
        {"", ""},
    });
}

TEST(CaptureText, ControlCharactersBecomeEscapes)
{
    expectShown({
        {"a\nb\rc\td", "a\\nb\\rc\\td"},
        {std::string("\x1b[31m\x07\x7f\0z", 9), "\\x1b[31m\\x07\\x7f\\x00z"},
        // C1 controls are two bytes in UTF-8 and as invisible as C0 ones.
        {"x\xc2\x85y\xc2\x9b", "x\\u0085y\\u009b"},
    });
}

TEST(CaptureText, BidiControlsAndLineSeparatorsBecomeEscapes)
{
    expectShown({
        // RLO, PDF, LRI, PDI, RLM, ALM, LINE SEPARATOR: none may reorder or break the text around them.
        {"a\u202eevil\u202c\u2066b\u2069\u200f\u061c\u2028c", "a\\u202eevil\\u202c\\u2066b\\u2069\\u200f\\u061c\\u2028c"},
        // Neighbouring characters that only look alike stay.
        {"\u2026\u2030\u2070\u200d", "\u2026\u2030\u2070\u200d"},
    });
}

TEST(CaptureText, InvalidUtf8BecomesByteEscapes)
{
    expectShown({
        {"a\xff\xfe" "b", "a\\xff\\xfeb"},
        {"\xc3", "\\xc3"},                      // a truncated sequence
        {"\xc0\xaf", "\\xc0\\xaf"},             // an overlong '/'
        {"\xed\xa0\x80", "\\xed\\xa0\\x80"},    // a surrogate
        {"\x80z", "\\x80z"},                    // a stray continuation byte
    });
}

TEST(CaptureText, LongTextIsCutByCharacters)
{
    // Multi-byte characters and escapes count as one character each; the cut never splits them.
    expectShown({{"abcde", "abcde"}, {"abcdef", "abcde\u2026"}, {std::string(10000, 'w'), "wwwww\u2026"}}, 5);
    expectShown({{"\xc3\xa9\xc3\xa9\xc3\xa9", "\xc3\xa9\xc3\xa9\u2026"}}, 2);
    expectShown({{"\n\xff\u202ez", "\\n\\xff\\u202e\u2026"}}, 3);
    EXPECT_EQ(escapeCaptureText(std::string(10000, 'w')).size(), 10000u) << "0 never cuts";
}

TEST(CaptureText, QuotedForMessagesOnOneLine)
{
    EXPECT_EQ(quoteCaptureText("main.main"), "\"main.main\"");
    const std::string garbage = std::string("\x1f\x8b\x08\x00", 4) + "\n" + std::string(300, '\xff');
    const std::string quoted = quoteCaptureText(garbage);
    EXPECT_EQ(quoted.substr(0, 23), "\"\\x1f\\x8b\\x08\\x00\\n\\xff");
    EXPECT_EQ(quoted.find('\n'), std::string::npos);
    EXPECT_TRUE(quoted.ends_with("\\xff\u2026\"")) << quoted;
    // 5 escaped bytes, then 75 of the 300 0xff bytes, 4 characters each.
    EXPECT_EQ(quoted.size(), 2 + 18 + 75 * 4 + std::string_view("\u2026").size());
}

} // namespace
} // namespace gs
