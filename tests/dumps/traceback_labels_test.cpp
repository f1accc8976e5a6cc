// SPDX-License-Identifier: MIT
// pprof labels in traceback headers, on real runtime output of the same program
// (tests/data/gen/dumps/labelled): Go 1.26 prints them inside the brackets with
// GODEBUG=tracebacklabels=1, Go 1.27 after the brackets by default. Both must give the labels the
// program set, for the dump and for tag filters; a header of an unknown form must be reported.
#include "core/analysis/stack_selection.h"
#include "tests/dumps/dump_fixtures.h"

#include <map>
#include <set>

namespace gs::test {
namespace {

using LabelMap = std::map<std::string, std::string>;

// What labelled.Panic sets up: main panicking, three goroutines under these labels, two without.
const std::multiset<std::string> kStates = {"running",           "chan receive",         "sync.Mutex.Lock",
                                            "select (no cases)", "chan send (nil chan)", "sleep"};
const std::map<std::string, LabelMap> kLabelsByState = {
    {"chan receive", {{"endpoint", "/api/v1/items"}, {"tenant", "acme"}}},
    {"sync.Mutex.Lock", {{"query", "name: \"x\", tags={a, b}"}, {"user id", "O'Brien, Jr."}}},
    {"select (no cases)",
     {{"empty", ""},
      {"escapes", "tab\there \\ \"q\"\nnext"},
      {"fake", "x}, tenant: evil}:"},
      {"lang", "caf\xc3\xa9"},
      {"request-id", "42"}}},
};

const char* const kFixtures[] = {"panic_labels_go126.txt", "panic_labels_go127.txt"};

LabelMap labelsOf(const EventStore& s, const DumpGoroutine& g)
{
    LabelMap out;
    for (const DumpLabel& l : s.dump->labelsOf(g.labelBegin, g.labelEnd))
        out.emplace(s.symbols.strings.get(l.key), s.symbols.strings.get(l.value));
    return out;
}

TEST(TracebackLabels, GoroutinesStatesAndLabelsAsTheProgramSetThem)
{
    for (const char* name : kFixtures) {
        SCOPED_TRACE(name);
        StorePtr s = loadDumpFixture(name);
        ASSERT_TRUE(s);
        EXPECT_TRUE(s->warnings.empty()) << s->warnings.front();
        const GoroutineDumpData& d = *s->dump;
        EXPECT_EQ(d.headline, "panic: dumpgen: labelled goroutines");
        std::multiset<std::string> states;
        int labelled = 0;
        for (const DumpGoroutine& g : d.goroutines) {
            const std::string state(s->symbols.strings.get(g.state));
            states.insert(state);
            const auto expected = kLabelsByState.find(state);
            EXPECT_EQ(labelsOf(*s, g), expected == kLabelsByState.end() ? LabelMap {} : expected->second) << state;
            labelled += expected != kLabelsByState.end();
            // The field before the labels is still read in both forms.
            EXPECT_EQ(g.lockedToThread, state == "select (no cases)") << state;
        }
        EXPECT_EQ(states, kStates);
        EXPECT_EQ(labelled, 3);
    }
}

int64_t selectedGoroutines(const EventStore& s, std::vector<LabelFilter> labels)
{
    StackFilter filter;
    filter.labels = std::move(labels);
    auto selected = selectProfileStacks(s, 0, filter);
    EXPECT_TRUE(selected.ok());
    return selected.ok() ? selected->total : -1;
}

TEST(TracebackLabels, TagFiltersSelectGoroutinesByTheirLabels)
{
    for (const char* name : kFixtures) {
        SCOPED_TRACE(name);
        StorePtr s = loadDumpFixture(name);
        ASSERT_TRUE(s);
        EXPECT_EQ(selectedGoroutines(*s, {{"tenant", "^acme$"}}), 1);
        EXPECT_EQ(selectedGoroutines(*s, {{"user id", "O'Brien, Jr\\."}}), 1);
        EXPECT_EQ(selectedGoroutines(*s, {{"lang", "caf\xc3\xa9"}}), 1);
        // The value "x}, tenant: evil}:" is one label, not a second "tenant".
        EXPECT_EQ(selectedGoroutines(*s, {{"tenant", "evil"}}), 0);
        EXPECT_EQ(selectedGoroutines(*s, {{"endpoint", ".", true}}), 5);
        // The state stays a label next to the goroutine's own.
        EXPECT_EQ(selectedGoroutines(*s, {{"state", "^sync\\.Mutex\\.Lock$"}, {"query", "tags=\\{a, b\\}"}}), 1);
    }
}

// Replaces the header line that contains `part` with `header`.
std::string withHeader(std::string text, const std::string& part, const std::string& header)
{
    const size_t found = text.find(part);
    EXPECT_NE(found, std::string::npos) << part;
    const size_t at = text.rfind('\n', found) + 1;
    const size_t end = text.find('\n', found);
    return text.replace(at, end - at, header);
}

// A header the parser does not know (here, a field after the labels, as a later Go might print)
// loses its goroutine with a warning that names it, never silently.
TEST(TracebackLabels, UnknownHeaderFormIsReported)
{
    const std::string header = "goroutine 8 [sync.Mutex.Lock] {query: x} (future field):";
    const std::string text = readDumpFixtureText("panic_labels_go127.txt");
    auto loaded = loadDumpText(withHeader(text, "[sync.Mutex.Lock]", header));
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const EventStore& s = **loaded;
    EXPECT_EQ(s.dump->goroutines.size(), kStates.size() - 1);
    ASSERT_EQ(s.warnings.size(), 1u);
    EXPECT_NE(s.warnings[0].find("1 line(s) looking like a goroutine header were not understood"), std::string::npos)
        << s.warnings[0];
    EXPECT_NE(s.warnings[0].find(header), std::string::npos) << s.warnings[0];
}

// The same for the first goroutine of the dump: the dump starts at it rather than after it.
TEST(TracebackLabels, UnknownFirstHeaderIsReported)
{
    const std::string text = readDumpFixtureText("panic_labels_go126.txt");
    auto loaded = loadDumpText(withHeader(text, "goroutine 1 [running]:", "goroutine 1 [running] <?>:"));
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const EventStore& s = **loaded;
    EXPECT_EQ(s.dump->goroutines.size(), kStates.size() - 1);
    EXPECT_EQ(s.dump->headline, "panic: dumpgen: labelled goroutines");
    ASSERT_EQ(s.warnings.size(), 1u);
    EXPECT_NE(s.warnings[0].find("goroutine 1 [running] <?>:"), std::string::npos) << s.warnings[0];
}

} // namespace
} // namespace gs::test
