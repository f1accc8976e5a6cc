// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/trace_damage.h"

#include <cstdio>

namespace gs::gotrace {

namespace {

// "1234567" -> "1,234,567": file sizes read at a glance.
std::string grouped(uint64_t n)
{
    std::string digits = std::to_string(n);
    for (size_t at = digits.size(); at > 3; at -= 3)
        digits.insert(at - 3, 1, ',');
    return digits;
}

std::string plural(uint64_t n, const char* one, const char* many)
{
    return grouped(n) + " " + (n == 1 ? one : many);
}

std::string cutShort(const TraceDamage& d)
{
    return "the file ends early, at byte " + grouped(d.fileSize) + " (the capture was cut short)";
}

} // namespace

Error unreadableTraceError(const TraceDamage& d)
{
    Error e = d.error;
    if (d.endsEarly)
        e.summary = cutShort(d) + "; no complete part of the trace comes before the cut, so no events could be read";
    return e;
}

std::string keptPartWarning(const TraceDamage& d)
{
    const uint64_t lost = d.fileSize > d.keptBytes ? d.fileSize - d.keptBytes : 0;
    char span[32];
    std::snprintf(span, sizeof span, "%.3f s", double(d.spanNs) / 1e9);
    char share[32];
    std::snprintf(share, sizeof share, "%.2f%%", d.fileSize == 0 ? 0.0 : 100.0 * double(lost) / double(d.fileSize));
    Error e = d.error;
    e.summary = (d.endsEarly ? cutShort(d) : std::string("the trace is damaged")) + "; read "
                + plural(d.events, "event", "events") + " covering " + span + " in "
                + plural(d.generations, "complete generation", "complete generations") + " before the "
                + (d.endsEarly ? "cut" : "damage") + "; lost the last " + plural(lost, "byte", "bytes") + " ("
                + share + ")";
    return e.describe();
}

} // namespace gs::gotrace
