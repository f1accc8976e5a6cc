// SPDX-License-Identifier: MIT
#include "core/formats/dump/goroutine_header.h"

#include "core/formats/text/line_cursor.h"

namespace gs::dump {

using text::endsWith;
using text::startsWith;

namespace {

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

} // namespace

bool parseGoroutineHeader(std::string_view line, GoroutineHeader& out)
{
    constexpr std::string_view kPrefix = "goroutine ";
    if (!startsWith(line, kPrefix) || !endsWith(line, "]:"))
        return false;
    std::string_view rest = line.substr(kPrefix.size());
    if (!text::takeUnsigned(rest, out.id))
        return false;
    const size_t open = rest.find(" [");
    if (open == std::string_view::npos)
        return false;
    out.threadInfo = text::trim(rest.substr(0, open));
    std::string_view body = rest.substr(open + 2, rest.size() - open - 4);

    out.labels = {};
    const size_t labels = body.find(" labels:{");
    if (labels != std::string_view::npos) {
        out.labels = body.substr(labels + 8);
        body = body.substr(0, labels);
    }
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
