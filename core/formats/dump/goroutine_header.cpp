// SPDX-License-Identifier: MIT
#include "core/formats/dump/goroutine_header.h"

#include "core/formats/text/line_cursor.h"

namespace gs::dump {

using text::endsWith;
using text::startsWith;

namespace {

constexpr std::string_view kPrefix = "goroutine ";

// Interprets one bracket field after the status; false leaves it for the extras.
bool readKnownField(std::string_view field, GoroutineHeader& out)
{
    if (field == "locked to thread") {
        out.lockedToThread = true;
        return true;
    }
    uint64_t minutes = 0;
    std::string_view rest = field;
    if (text::takeUnsigned(rest, minutes) && rest == " minutes" && minutes <= uint64_t(INT32_MAX)) {
        out.waitMinutes = int32_t(minutes);
        return true;
    }
    return false;
}

// Splits what follows "goroutine N ... [" into the bracket's fields and the label set. Go 1.26
// prints labels as the bracket's last field (" labels:{...}]:"), Go 1.27 after the bracket
// (" {...}:"); either way the set may contain ']' and '}' inside quoted strings. The status and
// the other bracket fields never contain ']' or " labels:{", so whichever of the two comes first
// tells the forms apart.
bool splitBracket(std::string_view rest, std::string_view& body, std::string_view& labels)
{
    const size_t close = rest.find(']');
    const size_t inside = rest.find(" labels:{");
    if (inside < close) {
        if (!endsWith(rest, "]:"))
            return false;
        body = rest.substr(0, inside);
        const size_t set = inside + 8; // the '{' after " labels:"
        labels = rest.substr(set, rest.size() - 2 - set);
        return true;
    }
    if (close == std::string_view::npos)
        return false;
    body = rest.substr(0, close);
    const std::string_view after = rest.substr(close + 1);
    if (after == ":") {
        labels = {};
        return true;
    }
    if (!startsWith(after, " {") || !endsWith(after, "}:"))
        return false;
    labels = after.substr(1, after.size() - 2);
    return true;
}

} // namespace

bool looksLikeGoroutineHeader(std::string_view line)
{
    return startsWith(line, kPrefix) && line.size() > kPrefix.size() && text::isDigit(line[kPrefix.size()]);
}

bool parseGoroutineHeader(std::string_view line, GoroutineHeader& out)
{
    if (!startsWith(line, kPrefix))
        return false;
    std::string_view rest = line.substr(kPrefix.size());
    if (!text::takeUnsigned(rest, out.id))
        return false;
    const size_t open = rest.find(" [");
    if (open == std::string_view::npos)
        return false;
    out.threadInfo = text::trim(rest.substr(0, open));
    std::string_view body;
    if (!splitBracket(rest.substr(open + 2), body, out.labels))
        return false;
    const size_t comma = body.find(", ");
    out.state = body.substr(0, comma);
    if (endsWith(out.state, " (scan)"))
        out.state.remove_suffix(7);
    out.waitMinutes = 0;
    out.lockedToThread = false;
    out.extraCount = 0;
    std::string_view fields = comma == std::string_view::npos ? std::string_view() : body.substr(comma + 2);
    while (!fields.empty()) {
        const size_t next = fields.find(", ");
        const std::string_view field = fields.substr(0, next);
        if (!readKnownField(field, out)) {
            if (out.extraCount + 1 == GoroutineHeader::kMaxExtras) {
                out.extras[out.extraCount++] = fields;
                break;
            }
            out.extras[out.extraCount++] = field;
        }
        fields = next == std::string_view::npos ? std::string_view() : fields.substr(next + 2);
    }
    return true;
}

} // namespace gs::dump
