// SPDX-License-Identifier: MIT
// core/analysis/trace_search.h on a real trace with tasks, regions and logs (go126_sched.trace):
// each kind of hit against a count made here by walking the store the plain way, the match
// ranges, goroutine IDs, an invalid pattern and the caps.
#include "core/analysis/trace_search.h"
#include "core/base/load_context.h"
#include "core/load/load_file.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace gs {
namespace {

std::string literal(std::string_view text)
{
    return "\\Q" + std::string(text) + "\\E";
}

class TraceSearchTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        LoadContext ctx;
        auto loaded = loadFile(std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/go126_sched.trace", ctx);
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        store = *loaded;
    }
    static void TearDownTestSuite() { store.reset(); }

    void SetUp() override
    {
        ASSERT_TRUE(store && store->trace);
        ASSERT_FALSE(trace().regions.empty());
        ASSERT_FALSE(trace().tasks.empty());
        ASSERT_FALSE(trace().logs.empty());
    }

    static const TraceData& trace() { return *store->trace; }
    static std::string_view text(StringId id) { return store->symbols.strings.get(id); }

    static TraceSearchResult search(const std::string& pattern, const TraceSearchLimits& limits = {})
    {
        auto result = searchTrace(*store, pattern, limits);
        EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
        return result.ok() ? *result : TraceSearchResult {};
    }

    // The hit's match is where the pattern matches its text, and is `expected`.
    static void expectMatch(const TraceSearchHit& hit, std::string_view expected)
    {
        ASSERT_LE(hit.matchOffset + hit.matchLength, hit.text.size()) << hit.text;
        EXPECT_EQ(std::string_view(hit.text).substr(hit.matchOffset, hit.matchLength), expected) << hit.text;
    }

    static StorePtr store;
};

StorePtr TraceSearchTest::store;

TEST_F(TraceSearchTest, ARegionTypeIsOneHitWithEveryRegionOfIt)
{
    std::set<std::string_view> types;
    for (const UserRegion& r : trace().regions)
        types.insert(text(r.name));
    for (std::string_view type : types) {
        std::vector<TraceSearchPlace> expected;
        for (const UserRegion& r : trace().regions) {
            if (text(r.name) == type)
                expected.push_back({r.goroutine, r.start, r.end});
        }
        const TraceSearchResult result = search("^" + literal(type) + "$");
        const TraceSearchGroup& group = result.group(TraceSearchKind::RegionType);
        ASSERT_EQ(group.total, 1u) << type;
        ASSERT_EQ(group.hits.size(), 1u);
        const TraceSearchHit& hit = group.hits[0];
        EXPECT_EQ(hit.text, type);
        expectMatch(hit, type);
        EXPECT_EQ(hit.placeCount, expected.size()) << type;
        // The first of them, in the store's order.
        const size_t listed = std::min(expected.size(), TraceSearchLimits {}.placesPerHit);
        EXPECT_EQ(hit.places, std::vector(expected.begin(), expected.begin() + ptrdiff_t(listed))) << type;
        EXPECT_EQ(hit.place, expected.front());
    }
}

TEST_F(TraceSearchTest, TaskTypesCountTheirTasksButNotTheBackgroundOne)
{
    std::set<std::string_view> types;
    for (const UserTask& k : trace().tasks) {
        if (k.id != 0)
            types.insert(text(k.name));
    }
    ASSERT_FALSE(types.empty());
    for (std::string_view type : types) {
        const auto count = size_t(std::count_if(trace().tasks.begin(), trace().tasks.end(),
                                                [&](const UserTask& k) { return k.id != 0 && text(k.name) == type; }));
        const TraceSearchResult result = search("^" + literal(type) + "$");
        const TraceSearchGroup& group = result.group(TraceSearchKind::TaskType);
        ASSERT_EQ(group.hits.size(), 1u) << type;
        EXPECT_EQ(group.hits[0].placeCount, count) << type;
        EXPECT_TRUE(group.hits[0].place.hasRange());
    }
}

TEST_F(TraceSearchTest, LogsMatchOnMessageOrCategory)
{
    const UserLog& first = trace().logs.front();
    const std::string message(text(first.message));
    ASSERT_FALSE(message.empty());
    size_t expected = 0;
    for (const UserLog& l : trace().logs) {
        if (text(l.message).find(message) != std::string_view::npos
            || text(l.category).find(message) != std::string_view::npos)
            ++expected;
    }
    const TraceSearchResult result = search(literal(message));
    const TraceSearchGroup& group = result.group(TraceSearchKind::Log);
    EXPECT_EQ(group.total, expected);
    ASSERT_EQ(group.hits.size(), expected);
    const TraceSearchHit& hit = group.hits.front();
    expectMatch(hit, message);
    const std::string category(text(first.category));
    EXPECT_EQ(hit.text, category.empty() ? message : category + ": " + message);
    EXPECT_EQ(hit.place.goroutine, first.goroutine);
    EXPECT_TRUE(hit.place.hasRange());
    EXPECT_LE(hit.place.start, first.time);
    EXPECT_GE(hit.place.end, first.time);

    if (!category.empty()) {
        size_t inCategory = 0;
        for (const UserLog& l : trace().logs)
            inCategory += text(l.category) == category || text(l.message).find(category) != std::string_view::npos;
        const TraceSearchResult byCategory = search(literal(category));
        EXPECT_EQ(byCategory.group(TraceSearchKind::Log).total, inCategory);
    }
}

TEST_F(TraceSearchTest, AGoroutineIdFindsThatGoroutine)
{
    const TraceData& t = trace();
    const GoroutineRow row = t.rowsById[t.rowsById.size() / 2];
    const int64_t id = t.goroutines.idOf(row);
    const std::string digits = std::to_string(id);
    const TraceSearchResult exact = search("^" + digits + "$");
    const TraceSearchGroup& group = exact.group(TraceSearchKind::Goroutine);
    ASSERT_EQ(group.total, 1u);
    ASSERT_EQ(group.hits.size(), 1u);
    EXPECT_EQ(group.hits[0].place.goroutine, id);
    EXPECT_FALSE(group.hits[0].place.hasRange());
    EXPECT_EQ(group.hits[0].text.rfind("G" + digits, 0), 0u) << group.hits[0].text;
    expectMatch(group.hits[0], digits);

    // Unanchored, every goroutine whose ID holds those digits, in ID order.
    std::vector<int64_t> expected;
    for (GoroutineRow r : t.rowsById) {
        if (std::to_string(t.goroutines.idOf(r)).find(digits) != std::string::npos)
            expected.push_back(t.goroutines.idOf(r));
    }
    const TraceSearchResult loose = search(digits);
    std::vector<int64_t> found;
    for (const TraceSearchHit& hit : loose.group(TraceSearchKind::Goroutine).hits)
        found.push_back(hit.place.goroutine);
    EXPECT_EQ(found, expected);
}

TEST_F(TraceSearchTest, AStartFunctionLeadsToTheGoroutinesThatBeganInIt)
{
    const TraceData& t = trace();
    // The start function most goroutines share.
    std::map<FunctionId, size_t> counts;
    for (GoroutineRow r = 0; r < t.goroutines.size(); ++r) {
        if (t.goroutines[r].hasStartFunction())
            ++counts[t.goroutines.startFunctionOf(r)];
    }
    ASSERT_FALSE(counts.empty());
    const auto most = std::max_element(counts.begin(), counts.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    const std::string_view name = store->symbols.functionName(most->first);
    const TraceSearchResult result = search("^" + literal(name) + "$");
    const TraceSearchGroup& group = result.group(TraceSearchKind::StartFunction);
    ASSERT_EQ(group.hits.size(), 1u) << name;
    EXPECT_EQ(group.hits[0].text, name);
    expectMatch(group.hits[0], name);
    EXPECT_EQ(group.hits[0].placeCount, most->second);
    std::vector<int64_t> expected;
    for (GoroutineRow r : t.rowsById) {
        if (t.goroutines.startFunctionOf(r) == most->first)
            expected.push_back(t.goroutines.idOf(r));
    }
    std::vector<int64_t> found;
    for (const TraceSearchPlace& p : group.hits[0].places)
        found.push_back(p.goroutine);
    EXPECT_EQ(found, expected);
}

TEST_F(TraceSearchTest, AFunctionInStacksCountsEachGoroutineUsingItOnce)
{
    const TraceData& t = trace();
    const Symbols& symbols = store->symbols;
    const auto holds = [&](StackId stack, std::string_view function) {
        for (FrameId f : symbols.stacks.frames(stack)) {
            if (symbols.functionName(symbols.frameFunction(f)) == function)
                return true;
        }
        return false;
    };
    for (const std::string function : {"runtime.chanrecv1", "sync.(*Mutex).Lock", "time.Sleep", "runtime/trace.Log"}) {
        std::set<int64_t> expected;
        for (GoroutineRow r = 0; r < t.goroutines.size(); ++r) {
            const auto [begin, end] = t.spans.rowRange(r);
            for (uint32_t i = begin; i < end; ++i) {
                if (holds(t.spans.stackOf(i), function))
                    expected.insert(t.goroutines.idOf(r));
            }
            const Goroutine g = t.goroutines[r];
            if (holds(g.creationStack, function))
                expected.insert(g.creatorId != kNoGoroutineId && t.rowOf(g.creatorId) != kNoRow ? g.creatorId : g.id);
        }
        for (const UserRegion& r : t.regions) {
            if (holds(r.startStack, function) || holds(r.endStack, function))
                expected.insert(r.goroutine);
        }
        for (const UserLog& l : t.logs) {
            if (holds(l.stack, function))
                expected.insert(l.goroutine);
        }
        for (const CpuSample& s : t.cpuSamples) {
            if (holds(s.stack, function) && t.rowOf(s.goroutine) != kNoRow)
                expected.insert(s.goroutine);
        }
        const TraceSearchResult result = search("^" + literal(function) + "$");
        const TraceSearchGroup& group = result.group(TraceSearchKind::Function);
        if (expected.empty()) {
            EXPECT_EQ(group.total, 0u) << function;
            continue;
        }
        ASSERT_EQ(group.hits.size(), 1u) << function;
        EXPECT_EQ(group.hits[0].text, function);
        EXPECT_EQ(group.hits[0].placeCount, expected.size()) << function;
        std::set<int64_t> listed;
        for (const TraceSearchPlace& p : group.hits[0].places) {
            listed.insert(p.goroutine);
            EXPECT_TRUE(expected.count(p.goroutine)) << function << " G" << p.goroutine;
        }
        EXPECT_EQ(listed.size(), group.hits[0].places.size()) << "a goroutine listed twice for " << function;
    }
}

TEST_F(TraceSearchTest, KnownCountsOfTheFixture)
{
    // What the sched scenario (tests/data/gen/trace/main.go) marks whatever the scheduling: a
    // "sched" task with 8 "worker" tasks under it, and two logs of category "phase".
    const TraceSearchResult workers = search("^worker$");
    ASSERT_EQ(workers.group(TraceSearchKind::TaskType).hits.size(), 1u);
    EXPECT_EQ(workers.group(TraceSearchKind::TaskType).hits[0].placeCount, 8u);
    EXPECT_EQ(workers.group(TraceSearchKind::RegionType).total, 0u);
    const TraceSearchResult sched = search("^sched$");
    ASSERT_EQ(sched.group(TraceSearchKind::TaskType).hits.size(), 1u);
    EXPECT_EQ(sched.group(TraceSearchKind::TaskType).hits[0].placeCount, 1u);
    const TraceSearchResult phase = search("^phase$");
    const TraceSearchGroup& logs = phase.group(TraceSearchKind::Log);
    ASSERT_EQ(logs.total, 2u);
    EXPECT_EQ(logs.hits[0].text, "phase: start");
    expectMatch(logs.hits[0], "phase");
    EXPECT_EQ(logs.hits[1].text.rfind("phase: done counter=", 0), 0u) << logs.hits[1].text;
    const TraceSearchResult nothing = search("^no such thing anywhere$");
    EXPECT_EQ(nothing.total(), 0u);
    for (const TraceSearchGroup& g : nothing.groups)
        EXPECT_TRUE(g.hits.empty());
}

TEST_F(TraceSearchTest, AnInvalidPatternIsAnErrorSayingWhy)
{
    auto result = searchTrace(*store, "(", {});
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("missing )"), std::string::npos) << result.error().message;
    EXPECT_NE(result.error().message.find("search"), std::string::npos) << result.error().message;
}

TEST_F(TraceSearchTest, HitsAndPlacesAreCappedWithTheTrueTotals)
{
    const TraceData& t = trace();
    // Every goroutine ID has a digit.
    const TraceSearchResult all = search("[0-9]", {2, 3});
    const TraceSearchGroup& goroutines = all.group(TraceSearchKind::Goroutine);
    EXPECT_EQ(goroutines.total, t.goroutines.size());
    ASSERT_EQ(goroutines.hits.size(), 2u);
    EXPECT_EQ(goroutines.hits[0].place.goroutine, t.goroutines.idOf(t.rowsById[0]));
    EXPECT_EQ(goroutines.hits[1].place.goroutine, t.goroutines.idOf(t.rowsById[1]));

    const TraceSearchResult functions = search(".", {2, 3});
    for (const TraceSearchGroup& g : functions.groups) {
        EXPECT_LE(g.hits.size(), 2u) << traceSearchKindName(g.kind);
        EXPECT_GE(g.total, g.hits.size());
        for (const TraceSearchHit& hit : g.hits) {
            EXPECT_LE(hit.places.size(), 3u);
            EXPECT_GE(hit.placeCount, hit.places.size());
        }
    }
    const TraceSearchGroup& f = functions.group(TraceSearchKind::Function);
    EXPECT_GT(f.total, 2u);
    // Most used first.
    EXPECT_GE(f.hits[0].placeCount, f.hits[1].placeCount);
    EXPECT_EQ(functions.group(TraceSearchKind::Log).total, t.logs.size());
    const TraceSearchResult uncapped = search(".");
    EXPECT_EQ(uncapped.group(TraceSearchKind::Function).total, f.total);
    EXPECT_EQ(uncapped.group(TraceSearchKind::Log).hits.size(), t.logs.size());
}

TEST(TraceSearch, AStoreWithoutATraceHasNoHits)
{
    EventStore store;
    const auto result = searchTrace(store, "x", {});
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->total(), 0u);
}

} // namespace
} // namespace gs
