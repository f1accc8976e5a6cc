// SPDX-License-Identifier: MIT
#include "core/base/go_regex.h"

#include "core/base/capture_text.h"

#include <re2/re2.h>

namespace gs {

namespace {

// Go's syntax is RE2's default syntax. Captures are never read, so none are kept; errors are
// returned, not logged to stderr. The memory budget bounds what one pattern may take (RE2's
// default, 8 MiB, already fits patterns of tens of thousands of characters).
RE2::Options goOptions()
{
    RE2::Options options;
    options.set_log_errors(false);
    options.set_never_capture(true);
    options.set_max_mem(32 << 20);
    return options;
}

std::shared_ptr<const re2::RE2> compiled(std::string_view pattern)
{
    return std::make_shared<const re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), goOptions());
}

// RE2's message quotes the part of the pattern it stumbled on, which may be long or hold control
// characters: escaped and cut like any other quoted text.
std::string problemOf(const re2::RE2& re)
{
    return escapeCaptureText(re.error(), kQuotedCaptureChars);
}

} // namespace

GoRegex::GoRegex(std::shared_ptr<const re2::RE2> compiled)
    : m_compiled(std::move(compiled))
{
}

Result<GoRegex> GoRegex::compile(std::string_view pattern, std::string_view what)
{
    auto re = compiled(pattern);
    if (!re->ok())
        return Error {"invalid " + std::string(what) + " regex '" + escapeCaptureText(pattern, kQuotedCaptureChars)
                          + "': " + problemOf(*re),
                      std::nullopt};
    return GoRegex(std::move(re));
}

bool GoRegex::search(std::string_view text) const
{
    return re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *m_compiled);
}

std::optional<GoRegex::Match> GoRegex::find(std::string_view text) const
{
    const re2::StringPiece whole(text.data(), text.size());
    re2::StringPiece match;
    if (!m_compiled->Match(whole, 0, whole.size(), re2::RE2::UNANCHORED, &match, 1))
        return std::nullopt;
    return Match {size_t(match.data() - whole.data()), match.size()};
}

std::optional<std::string> regexProblem(std::string_view pattern)
{
    const auto re = compiled(pattern);
    if (re->ok())
        return std::nullopt;
    return problemOf(*re);
}

} // namespace gs
