// SPDX-License-Identifier: MIT
#include "core/analysis/goroutine_search.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <vector>

namespace gs {

namespace {

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

// 123, G123 or g123, as a goroutine ID.
std::optional<int64_t> parseGoroutineId(std::string_view s)
{
    if (!s.empty() && (s.front() == 'G' || s.front() == 'g'))
        s.remove_prefix(1);
    int64_t id = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return id;
}

bool containsIgnoringCase(std::string_view text, std::string_view part)
{
    const auto same = [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    };
    return std::search(text.begin(), text.end(), part.begin(), part.end(), same) != text.end();
}

} // namespace

GoroutineSearchHit searchGoroutine(const EventStore& store, std::string_view query, GoroutineRow after)
{
    if (!store.trace)
        return {};
    const TraceData& trace = *store.trace;
    query = trimmed(query);
    if (query.empty())
        return {};
    if (const std::optional<int64_t> id = parseGoroutineId(query)) {
        const GoroutineRow row = trace.rowOf(*id);
        return {row, row == kNoRow ? 0u : 1u};
    }
    // Few distinct start functions, millions of goroutines: match the names once.
    std::vector<uint8_t> matching(store.symbols.functions.size(), 0);
    for (FunctionId f = 0; f < matching.size(); ++f)
        matching[f] = containsIgnoringCase(store.symbols.functionName(f), query);
    const auto matches = [&](GoroutineRow r) {
        const FunctionId f = trace.goroutines.startFunctionOf(r);
        return f < matching.size() && matching[f];
    };
    // Positions in ID order: from just after `after` to the end, then from the start.
    const std::vector<GoroutineRow>& byId = trace.rowsById;
    size_t from = 0;
    if (after != kNoRow && after < trace.goroutines.size()) {
        const int64_t afterId = trace.goroutines.idOf(after);
        from = size_t(std::upper_bound(byId.begin(), byId.end(), afterId,
                                       [&](int64_t id, GoroutineRow r) { return id < trace.goroutines.idOf(r); })
                      - byId.begin());
    }
    GoroutineSearchHit hit;
    for (size_t k = 0; k < byId.size(); ++k) {
        const GoroutineRow r = byId[(from + k) % byId.size()];
        if (!matches(r))
            continue;
        if (hit.row == kNoRow)
            hit.row = r;
        ++hit.matches;
    }
    return hit;
}

} // namespace gs
