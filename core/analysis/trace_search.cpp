// SPDX-License-Identifier: MIT
#include "core/analysis/trace_search.h"

#include "core/analysis/stack_selection.h"
#include "core/analysis/user_annotations.h"
#include "core/base/load_context.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <unordered_map>

namespace gs {

namespace {

constexpr size_t kCheckEvery = 4096;

void checkpoint(LoadContext* ctx, size_t done, size_t total)
{
    if (ctx && done % kCheckEvery == 0)
        ctx->checkpoint(done, total);
}

// Whether the pattern finds each string of the pool, asked once per string: a trace has few
// distinct labels, types and log texts, and many uses of each.
class StringMatches
{
public:
    StringMatches(const StringPool& strings, const GoRegex& pattern)
        : m_strings(strings)
        , m_pattern(pattern)
        , m_answers(strings.size(), kUnknown)
    {
    }

    bool operator()(StringId id)
    {
        uint8_t& answer = m_answers[id];
        if (answer == kUnknown)
            answer = m_pattern.search(m_strings.get(id)) ? kYes : kNo;
        return answer == kYes;
    }

private:
    static constexpr uint8_t kUnknown = 0, kNo = 1, kYes = 2;
    const StringPool& m_strings;
    const GoRegex& m_pattern;
    std::vector<uint8_t> m_answers;
};

// A hit showing `text`, its match found in text[from, from + length) (a field of it).
TraceSearchHit hitIn(std::string text, const GoRegex& pattern, size_t from, size_t length)
{
    TraceSearchHit hit;
    hit.text = std::move(text);
    if (const auto m = pattern.find(std::string_view(hit.text).substr(from, length))) {
        hit.matchOffset = from + m->offset;
        hit.matchLength = m->length;
    }
    return hit;
}

// The uses of one matching name: how many, and the first few.
struct Uses
{
    size_t count = 0;
    std::vector<TraceSearchPlace> places;
    GoroutineRow lastRow = kNoRow; // for counting goroutines once

    void add(const TraceSearchPlace& place, size_t cap)
    {
        ++count;
        if (places.size() < cap)
            places.push_back(place);
    }
};

// One hit per matching name, most used first (then by name), the first `limits.hitsPerKind` kept.
template<typename Key>
void addNamedHits(TraceSearchGroup& group, std::vector<std::pair<Key, Uses>> named,
                  const std::function<std::string_view(Key)>& nameOf, const GoRegex& pattern,
                  const TraceSearchLimits& limits, bool byUse)
{
    std::sort(named.begin(), named.end(), [&](const auto& a, const auto& b) {
        if (byUse && a.second.count != b.second.count)
            return a.second.count > b.second.count;
        return nameOf(a.first) < nameOf(b.first);
    });
    group.total = named.size();
    for (auto& [key, uses] : named) {
        if (group.hits.size() >= limits.hitsPerKind)
            break;
        const std::string_view name = nameOf(key);
        TraceSearchHit hit = hitIn(std::string(name), pattern, 0, name.size());
        hit.placeCount = uses.count;
        hit.places = std::move(uses.places);
        if (!hit.places.empty())
            hit.place = hit.places.front();
        group.hits.push_back(std::move(hit));
    }
}

std::vector<std::pair<FunctionId, Uses>> usedFunctions(std::unordered_map<FunctionId, Uses> uses)
{
    std::vector<std::pair<FunctionId, Uses>> out;
    out.reserve(uses.size());
    for (auto& [f, u] : uses) {
        if (u.count > 0)
            out.emplace_back(f, std::move(u));
    }
    return out;
}

// The span of row r covering t, as a place on goroutine `id`; the instant t when there is none.
TraceSearchPlace placeAt(const TraceData& t, GoroutineRow r, int64_t id, TimeNs time)
{
    if (r != kNoRow) {
        if (const auto span = t.spans.spanAt(r, time))
            return {id, t.spans.startOf(*span), t.spans.endOf(*span)};
    }
    return {id, time, time};
}

void searchGoroutines(const EventStore& store, const GoRegex& pattern, const TraceSearchLimits& limits,
                      LoadContext* ctx, TraceSearchGroup& group)
{
    const TraceData& t = *store.trace;
    const StringPool& strings = store.symbols.strings;
    StringMatches labelMatches(strings, pattern);
    char digits[24];
    for (size_t k = 0; k < t.rowsById.size(); ++k) {
        checkpoint(ctx, k, t.rowsById.size());
        const GoroutineRow r = t.rowsById[k];
        const int64_t id = t.goroutines.idOf(r);
        const auto written = std::to_chars(digits, digits + sizeof digits, id);
        const std::string_view idText(digits, size_t(written.ptr - digits));
        const StringId label = t.goroutines[r].label;
        const bool byId = pattern.search(idText);
        if (!byId && !(label != 0 && labelMatches(label)))
            continue;
        if (group.total++ >= limits.hitsPerKind)
            continue;
        std::string text = 'G' + std::string(idText);
        if (label != 0)
            text += ' ' + std::string(strings.get(label));
        TraceSearchHit hit = byId ? hitIn(std::move(text), pattern, 1, idText.size())
                                  : hitIn(std::move(text), pattern, idText.size() + 2, strings.get(label).size());
        hit.place = {id};
        hit.placeCount = 1;
        group.hits.push_back(std::move(hit));
    }
}

void searchStartFunctions(const EventStore& store, const std::vector<uint8_t>& matching, const GoRegex& pattern,
                          const TraceSearchLimits& limits, LoadContext* ctx, TraceSearchGroup& group)
{
    const TraceData& t = *store.trace;
    std::unordered_map<FunctionId, Uses> uses;
    for (size_t k = 0; k < t.rowsById.size(); ++k) {
        checkpoint(ctx, k, t.rowsById.size());
        const GoroutineRow r = t.rowsById[k];
        const FunctionId f = t.goroutines.startFunctionOf(r);
        if (f < matching.size() && matching[f])
            uses[f].add({t.goroutines.idOf(r)}, limits.placesPerHit);
    }
    addNamedHits<FunctionId>(group, usedFunctions(std::move(uses)),
                             [&](FunctionId f) { return store.symbols.functionName(f); }, pattern, limits, true);
}

// A stack seen outside the span table (a goroutine's creation, a region's begin or end, a log, a
// CPU sample), on goroutine row `row`, as the place to show it.
struct StackUse
{
    GoroutineRow row = kNoRow;
    StackId stack = 0;
    TraceSearchPlace place;
};

// Per stack, the matching functions in it (each once); nothing for the others.
class MatchingStacks
{
public:
    MatchingStacks(const Symbols& symbols, const std::vector<uint8_t>& matching)
        : m_offsets(symbols.stacks.size() + 1, 0)
    {
        for (StackId s = 0; s < symbols.stacks.size(); ++s) {
            const size_t begin = m_functions.size();
            for (FrameId frame : symbols.stacks.frames(s)) {
                const FunctionId f = symbols.frameFunction(frame);
                if (matching[f] && std::find(m_functions.begin() + ptrdiff_t(begin), m_functions.end(), f) == m_functions.end())
                    m_functions.push_back(f);
            }
            m_offsets[s + 1] = uint32_t(m_functions.size());
        }
    }

    bool any() const { return !m_functions.empty(); }
    bool matches(StackId s) const { return s + 1 < m_offsets.size() && m_offsets[s + 1] > m_offsets[s]; }
    std::span<const FunctionId> functionsOf(StackId s) const
    {
        return std::span<const FunctionId>(m_functions).subspan(m_offsets[s], m_offsets[s + 1] - m_offsets[s]);
    }

private:
    std::vector<uint32_t> m_offsets;
    std::vector<FunctionId> m_functions;
};

// The matching stacks used outside the span table, by goroutine row.
std::vector<StackUse> otherStackUses(const TraceData& t, const MatchingStacks& stacks)
{
    std::vector<StackUse> uses;
    const auto add = [&](int64_t goroutine, StackId stack, const std::optional<TraceSearchPlace>& place, TimeNs time) {
        if (!stacks.matches(stack))
            return;
        const GoroutineRow row = goroutine == kNoGoroutineId ? kNoRow : t.rowOf(goroutine);
        if (row != kNoRow)
            uses.push_back({row, stack, place ? *place : placeAt(t, row, goroutine, time)});
    };
    // A creation stack is its creator's, at the creation.
    for (const Goroutine& g : t.goroutines) {
        if (!stacks.matches(g.creationStack))
            continue;
        const int64_t owner = g.creatorId != kNoGoroutineId && t.rowOf(g.creatorId) != kNoRow ? g.creatorId : g.id;
        add(owner, g.creationStack, std::nullopt, g.createdNs);
    }
    for (const UserRegion& region : t.regions) {
        const TraceSearchPlace place {region.goroutine, region.start, region.end};
        add(region.goroutine, region.startStack, place, region.start);
        add(region.goroutine, region.endStack, place, region.end);
    }
    for (const UserLog& log : t.logs)
        add(log.goroutine, log.stack, std::nullopt, log.time);
    for (const CpuSample& sample : t.cpuSamples)
        add(sample.goroutine, sample.stack, std::nullopt, sample.time);
    std::stable_sort(uses.begin(), uses.end(), [](const StackUse& a, const StackUse& b) { return a.row < b.row; });
    return uses;
}

void searchStackFunctions(const EventStore& store, const std::vector<uint8_t>& matching, const GoRegex& pattern,
                          const TraceSearchLimits& limits, LoadContext* ctx, TraceSearchGroup& group)
{
    const TraceData& t = *store.trace;
    const MatchingStacks stacks(store.symbols, matching);
    if (!stacks.any())
        return;
    const std::vector<StackUse> others = otherStackUses(t, stacks);
    std::unordered_map<FunctionId, Uses> uses;
    std::vector<GoroutineRow> stackSeenOn(store.symbols.stacks.size(), kNoRow);
    // Each goroutine's stacks once (its first use of each gives the place), then their functions.
    const auto use = [&](GoroutineRow r, StackId stack, const TraceSearchPlace& place) {
        if (stackSeenOn[stack] == r)
            return;
        stackSeenOn[stack] = r;
        for (FunctionId f : stacks.functionsOf(stack)) {
            Uses& u = uses[f];
            if (u.lastRow == r)
                continue;
            u.lastRow = r;
            u.add(place, limits.placesPerHit);
        }
    };
    auto other = others.begin();
    for (GoroutineRow r = 0; r < t.goroutines.size(); ++r) {
        checkpoint(ctx, r, t.goroutines.size());
        const int64_t id = t.goroutines.idOf(r);
        const auto [begin, end] = t.spans.rowRange(r);
        for (uint32_t i = begin; i < end; ++i) {
            const StackId stack = t.spans.stackOf(i);
            if (stacks.matches(stack))
                use(r, stack, {id, t.spans.startOf(i), t.spans.endOf(i)});
        }
        for (; other != others.end() && other->row == r; ++other)
            use(r, other->stack, other->place);
    }
    addNamedHits<FunctionId>(group, usedFunctions(std::move(uses)),
                             [&](FunctionId f) { return store.symbols.functionName(f); }, pattern, limits, true);
}

// Region or task types: one hit per matching type, by name; `each` calls its argument with the
// type and place of every instance.
template<typename Instances>
void searchTypes(const EventStore& store, const GoRegex& pattern, const TraceSearchLimits& limits,
                 TraceSearchGroup& group, const Instances& each)
{
    const StringPool& strings = store.symbols.strings;
    StringMatches typeMatches(strings, pattern);
    std::map<StringId, Uses> uses;
    each([&](StringId type, const TraceSearchPlace& place) {
        if (typeMatches(type))
            uses[type].add(place, limits.placesPerHit);
    });
    addNamedHits<StringId>(group, {std::make_move_iterator(uses.begin()), std::make_move_iterator(uses.end())},
                           [&](StringId s) { return strings.get(s); }, pattern, limits, false);
}

void searchLogs(const EventStore& store, const GoRegex& pattern, const TraceSearchLimits& limits, LoadContext* ctx,
                TraceSearchGroup& group)
{
    const TraceData& t = *store.trace;
    const StringPool& strings = store.symbols.strings;
    StringMatches textMatches(strings, pattern);
    for (size_t k = 0; k < t.logs.size(); ++k) {
        checkpoint(ctx, k, t.logs.size());
        const UserLog& log = t.logs[k];
        const bool byMessage = textMatches(log.message);
        if (!byMessage && !(log.category != 0 && textMatches(log.category)))
            continue;
        if (group.total++ >= limits.hitsPerKind)
            continue;
        const std::string_view category = strings.get(log.category), message = strings.get(log.message);
        const size_t messageAt = category.empty() ? 0 : category.size() + 2;
        std::string text = category.empty() ? std::string(message) : std::string(category) + ": " + std::string(message);
        TraceSearchHit hit = byMessage ? hitIn(std::move(text), pattern, messageAt, message.size())
                                       : hitIn(std::move(text), pattern, 0, category.size());
        hit.place = placeAt(t, t.rowOf(log.goroutine), log.goroutine, log.time);
        hit.placeCount = 1;
        group.hits.push_back(std::move(hit));
    }
}

} // namespace

const char* traceSearchKindName(TraceSearchKind kind)
{
    switch (kind) {
    case TraceSearchKind::Goroutine:
        return "Goroutines";
    case TraceSearchKind::StartFunction:
        return "Start functions";
    case TraceSearchKind::Function:
        return "Functions in stacks";
    case TraceSearchKind::RegionType:
        return "Region types";
    case TraceSearchKind::TaskType:
        return "Task types";
    case TraceSearchKind::Log:
        return "Logs";
    }
    return "";
}

size_t TraceSearchResult::total() const
{
    size_t n = 0;
    for (const TraceSearchGroup& g : groups)
        n += g.total;
    return n;
}

TraceSearchResult searchTrace(const EventStore& store, const GoRegex& pattern, const TraceSearchLimits& limits,
                              LoadContext* ctx)
{
    TraceSearchResult result;
    for (size_t k = 0; k < kTraceSearchKindCount; ++k)
        result.groups[k].kind = TraceSearchKind(k);
    if (!store.trace)
        return result;
    const TraceData& t = *store.trace;
    const auto group = [&](TraceSearchKind kind) -> TraceSearchGroup& { return result.groups[size_t(kind)]; };
    searchGoroutines(store, pattern, limits, ctx, group(TraceSearchKind::Goroutine));
    // Few distinct functions, millions of goroutines and spans: each name is matched once.
    const std::vector<uint8_t> matching = matchFunctions(store.symbols, pattern);
    searchStartFunctions(store, matching, pattern, limits, ctx, group(TraceSearchKind::StartFunction));
    searchStackFunctions(store, matching, pattern, limits, ctx, group(TraceSearchKind::Function));
    searchTypes(store, pattern, limits, group(TraceSearchKind::RegionType), [&](const auto& visit) {
        for (const UserRegion& r : t.regions)
            visit(r.name, TraceSearchPlace {r.goroutine, r.start, r.end});
    });
    searchTypes(store, pattern, limits, group(TraceSearchKind::TaskType), [&](const auto& visit) {
        for (const UserTask& k : t.tasks) {
            if (k.id == 0) // the background task, which no program names
                continue;
            const int64_t owner = k.goroutine != kNoGoroutineId ? k.goroutine : k.endGoroutine;
            visit(k.name, TraceSearchPlace {owner, taskStartNs(t, k), taskEndNs(t, k)});
        }
    });
    searchLogs(store, pattern, limits, ctx, group(TraceSearchKind::Log));
    return result;
}

Result<TraceSearchResult> searchTrace(const EventStore& store, std::string_view pattern,
                                      const TraceSearchLimits& limits, LoadContext* ctx)
{
    auto compiled = GoRegex::compile(pattern, "search");
    if (!compiled)
        return compiled.error();
    return searchTrace(store, *compiled, limits, ctx);
}

} // namespace gs
