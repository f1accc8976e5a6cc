// SPDX-License-Identifier: MIT
// Filter patterns mean what they mean in Go (and so in go tool pprof): RE2 syntax, searched.
#include "core/base/go_regex.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace gs {
namespace {

bool matches(const std::string& pattern, std::string_view text)
{
    const auto re = GoRegex::compile(pattern, "test");
    EXPECT_TRUE(re.ok()) << pattern << ": " << re.error().message;
    return re.ok() && re->search(text);
}

struct Case
{
    const char* pattern;
    const char* text;
    bool matches;
};

// Searched anywhere in the text (not anchored), with the syntax of Go's regexp package, which
// std::regex (ECMAScript) does not read: (?i), \z, \pL, \Q...\E, POSIX classes, (?s).
TEST(GoRegex, ReadsGoSyntaxAndSearches)
{
    const Case cases[] = {
        {"conn", "net/http.(*conn).serve", true},
        {"net/http\\.\\(\\*conn\\)\\.serve$", "net/http.(*conn).serve", true},
        {"^serve", "net/http.(*conn).serve", false},
        {"", "anything", true},
        {"(?i)SERVEHTTP", "net/http.HandlerFunc.ServeHTTP", true},
        {"serve\\z", "net/http.(*conn).serve", true},
        {"serve\\z", "net/http.(*conn).serve\n", false},
        {"^\\pL+\\.", "main.work", true},
        {"\\p{Greek}", "main.\u03b1\u03b2", true},
        {"\\Q(*conn)\\E", "net/http.(*conn).serve", true},
        {"[[:upper:]]", "main.Work", true},
        {"(?s)a.b", "a\nb", true},
        {"a.b", "a\nb", false},
    };
    for (const Case& c : cases)
        EXPECT_EQ(matches(c.pattern, c.text), c.matches) << c.pattern << " in " << c.text;
}

TEST(GoRegex, InvalidUtf8TextIsSearchedNotRefused)
{
    EXPECT_TRUE(matches("main", "\xff\xfemain\xc3"));
    EXPECT_FALSE(matches("^x", "\xff"));
}

TEST(GoRegex, RefusesWhatGoRefuses)
{
    // Back-references and look-around are not Go syntax; repeats are limited to 1000 in both.
    for (const char* bad : {"(", "[a-", "*x", "a{2,1}", "(a)\\1", "a(?=b)", "a{1001}", "\\8", "x**", "\xff"}) {
        const auto problem = regexProblem(bad);
        ASSERT_TRUE(problem) << bad;
        EXPECT_FALSE(problem->empty());
    }
    EXPECT_FALSE(regexProblem("a{2,1000}"));
}

// libstdc++ read these numbers into an overflowing long (undefined behaviour, found by the session
// fuzzer). RE2 reads "\111" as an octal escape, as Go does, and a brace that is no valid repeat as
// itself.
TEST(GoRegex, LongNumbersAreReadSafely)
{
    EXPECT_TRUE(matches("(a)\\1111111111111111111111", "aI1111111111111111111"));
    EXPECT_TRUE(matches("a{1111111111111111111111}", "a{1111111111111111111111}"));
    EXPECT_TRUE(matches("request_id=1111111111111111111111", "request_id=1111111111111111111111"));
}

TEST(GoRegex, TheErrorNamesThePatternOnOneLine)
{
    const auto re = GoRegex::compile("\x1b[31m(\n", "stack");
    ASSERT_FALSE(re.ok());
    const std::string& message = re.error().message;
    EXPECT_EQ(message.rfind("invalid stack regex '\\x1b[31m(\\n': ", 0), 0u) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    EXPECT_EQ(message.find('\x1b'), std::string::npos) << message;
    EXPECT_LT(message.size(), 300u);
}

// std::regex compiled recursively, so a long pattern overflowed the stack (found by the session
// fuzzer with a 17,000-character stack condition). Long and deeply nested patterns compile; one
// that needs more than the memory budget is refused with a message.
TEST(GoRegex, LongAndDeepPatternsAreSafe)
{
    // A long name of varied letters, as a generic instantiation or a hostile capture would have.
    std::string name;
    uint32_t seed = 1;
    for (int i = 0; i < 100000; ++i) {
        seed = seed * 1103515245u + 12345u;
        name += char('a' + (seed >> 16) % 26);
    }
    EXPECT_TRUE(matches(name, "main." + name + ".func1"));
    EXPECT_FALSE(matches(name, name.substr(1)));

    std::string alternatives;
    for (int i = 0; i < 20000; ++i)
        alternatives += (i ? "|f" : "f") + std::to_string(i);
    EXPECT_TRUE(matches(alternatives, "main.f19999"));

    EXPECT_TRUE(matches(std::string(50000, '(') + "a" + std::string(50000, ')'), "a"));

    const auto tooLarge = regexProblem(std::string(3000000, 'a'));
    ASSERT_TRUE(tooLarge);
    EXPECT_NE(tooLarge->find("too large"), std::string::npos) << *tooLarge;
}

} // namespace
} // namespace gs
