// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace gs {

// A pattern a person wrote (a filter, a focus or ignore function, a label value), in Go's regexp
// syntax: the syntax `go tool pprof` gives -focus, -ignore, -hide, -show and -tagfocus, so one
// pattern means the same in both tools ("(?i)", "\z" and "\pL" work; back-references do not).
// RE2 matches in time linear in the text and compiles without recursion, so no pattern, however
// long or nested, can hang the app or overflow its stack; a pattern that would need more than a
// fixed amount of memory is refused instead. Copies share the compiled form; searching is
// thread-safe.
class GoRegex
{
public:
    // The compiled pattern, or an error naming what it is for: "invalid stack regex '(': missing )".
    static Result<GoRegex> compile(std::string_view pattern, std::string_view what);

    // Whether the pattern matches anywhere in `text` (Go's MatchString: not anchored).
    bool search(std::string_view text) const;

    // Where the pattern first matches in `text` (leftmost, then as Go's FindStringIndex picks),
    // as an offset and a length in bytes; nothing when it does not match. For showing the match.
    struct Match
    {
        size_t offset = 0;
        size_t length = 0;
    };
    std::optional<Match> find(std::string_view text) const;

private:
    explicit GoRegex(std::shared_ptr<const re2::RE2> compiled);

    std::shared_ptr<const re2::RE2> m_compiled;
};

// Why `pattern` is not a valid regex, or nothing when it is: for checking a pattern where it is
// typed, before anything is searched.
std::optional<std::string> regexProblem(std::string_view pattern);

} // namespace gs
