// SPDX-License-Identifier: MIT
#include "core/analysis/pprof_names.h"

#include <re2/re2.h>

namespace gs {

namespace {

// pprof's patterns (internal/graph), in Go's syntax, which is RE2's. Each keeps what pprof keeps of
// a name in its first group.
const re2::RE2& cppAnonymousPrefix()
{
    static const re2::RE2 re(R"(^\(anonymous namespace\)::)");
    return re;
}

const re2::RE2& goMajorVersion()
{
    static const re2::RE2 re(R"(^(.*?)/v(?:[2-9]|[1-9][0-9]+)([./].*)$)");
    return re;
}

const std::vector<const re2::RE2*>& shorteners()
{
    static const re2::RE2 go(R"(^(?:[\w\-\.]+\/)+([^.]+\..+))");
    static const re2::RE2 java(R"(^(?:[a-z]\w*\.)*([A-Z][\w\$]*\.(?:<init>|[a-z][\w\$]*(?:\$\d+)?))(?:(?:\()|$))");
    static const re2::RE2 cpp(R"(^(?:[_a-zA-Z]\w*::)+(_*[A-Z]\w*::~?[_a-zA-Z]\w*(?:<.*>)?))");
    static const std::vector<const re2::RE2*> all = {&go, &java, &cpp};
    return all;
}

std::string_view baseName(std::string_view path)
{
    const size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool isDigits(std::string_view s)
{
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

bool isHexAddress(std::string_view s)
{
    return s.size() == 16 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// What pprof prints for a node without a function: the binary's base name in brackets, or
// "<unknown>". pprof does not split it into lines.
bool isObjectName(std::string_view s)
{
    return s == "<unknown>" || (s.size() >= 2 && s.front() == '[' && s.back() == ']');
}

void appendSplitName(std::string name, std::vector<std::string>& lines)
{
    // "[...]" (Go's elided type parameters) stays together, drawn as one character.
    for (size_t at = name.find("[...]"); at != std::string::npos; at = name.find("[...]", at))
        name.replace(at, 5, "[\u2026]");
    std::string line;
    for (size_t i = 0; i < name.size(); ++i) {
        if (name[i] == '.' || (name[i] == ':' && i + 1 < name.size() && name[i + 1] == ':')) {
            if (name[i] == ':')
                ++i;
            lines.push_back(std::move(line));
            line.clear();
        } else {
            line += name[i];
        }
    }
    lines.push_back(std::move(line));
}

} // namespace

std::string shortenFunctionName(std::string_view name)
{
    std::string f(name);
    re2::RE2::Replace(&f, cppAnonymousPrefix(), "");
    re2::RE2::Replace(&f, goMajorVersion(), R"(\1\2)");
    for (const re2::RE2* re : shorteners()) {
        std::string kept;
        if (re2::RE2::PartialMatch(f, *re, &kept))
            return kept;
    }
    return f;
}

std::vector<std::string> graphNameLines(std::string_view printable, std::string_view file, Granularity granularity)
{
    std::vector<std::string> lines;
    std::string_view rest = printable;
    if (granularity == Granularity::Addresses && rest.size() > 17 && rest[16] == ' ' && isHexAddress(rest.substr(0, 16))) {
        lines.emplace_back(rest.substr(0, 16));
        rest.remove_prefix(17);
    }
    // The file part pprof appends: "file:line" for lines and addresses, the file alone for files.
    std::string fileLine;
    if (!file.empty()) {
        if (granularity == Granularity::Files && rest == file) {
            fileLine = baseName(file);
            rest = {};
        } else if (granularity == Granularity::Lines || granularity == Granularity::Addresses) {
            const std::string prefix = std::string(file) + ":";
            const size_t at = rest.rfind(prefix);
            if (at != std::string_view::npos && (at == 0 || rest[at - 1] == ' ')
                && isDigits(rest.substr(at + prefix.size()))) {
                fileLine = std::string(baseName(file)) + ":" + std::string(rest.substr(at + prefix.size()));
                rest = rest.substr(0, at == 0 ? 0 : at - 1);
            }
        }
    }
    if (isObjectName(rest)) {
        lines.emplace_back(rest);
    } else if (!rest.empty()) {
        appendSplitName(shortenFunctionName(rest), lines);
    } else if (fileLine.empty() && lines.empty()) {
        lines.emplace_back("<unknown>");
    }
    if (!fileLine.empty())
        lines.push_back(std::move(fileLine));
    return lines;
}

} // namespace gs
