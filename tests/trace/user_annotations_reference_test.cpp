// SPDX-License-Identifier: MIT
// Differential test: the user tasks, regions and logs that `goroscope-cli tasks`, `regions` and
// `logs` print (core/analysis/user_annotations.h) against the pages `go tool trace` serves, on every
// trace fixture and the hostile-names traces:
//   /usertask (every task, with its events): IDs, start, duration, complete or not, the goroutines
//     of its events, its parent, the number and text of its logs;
//   /usertasks and /usertask?type=T: the task types and which tasks have each;
//   /userregions: the count and the duration histogram of each region type;
//   /userregion?type=T: every region's goroutine, task and duration;
//   /usertask?logtext=C: the tasks whose logs have category C.
// Go prints times and durations exactly (nine decimals of seconds, time.Duration.String), so the
// comparisons are to the nanosecond.
#include "core/analysis/goroutine_filter.h"
#include "core/analysis/user_annotations.h"
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace gs {
namespace {

constexpr uint64_t kGoNoTask = UINT64_MAX; // internal/trace.NoTask, the parent of a top-level task

// time.Duration.String() back to nanoseconds; -1 for text that is no Go duration.
int64_t parseGoDuration(const std::string& text)
{
    const auto ns = parseDuration(text);
    return ns ? *ns : -1;
}

// The task pages' times, seconds with nine decimals ("0.027592448", "1.000000000s"), to
// nanoseconds; -1 for anything else.
int64_t parseGoSeconds(std::string text)
{
    while (!text.empty() && (text.back() == 's' || text.back() == ' '))
        text.pop_back();
    while (!text.empty() && text.front() == ' ')
        text.erase(text.begin());
    const size_t dot = text.find('.');
    if (dot == std::string::npos || text.size() - dot - 1 != 9)
        return -1;
    return std::stoll(text.substr(0, dot)) * 1'000'000'000 + std::stoll(text.substr(dot + 1));
}

// Every byte but letters and digits percent-encoded: a query value Go reads back byte for byte.
std::string urlEncode(std::string_view s)
{
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c)) {
            out += char(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

void appendUtf8(std::string& out, uint32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// A string as Go's %q wrote it (strconv.Quote: "a\"b\x1b\u202e"), quotes included, back to its
// bytes; nothing for text that is not one.
std::optional<std::string> goUnquote(std::string_view q)
{
    if (q.size() < 2 || q.front() != '"' || q.back() != '"')
        return std::nullopt;
    q = q.substr(1, q.size() - 2);
    static const std::map<char, char> kSimple = {{'a', '\a'}, {'b', '\b'}, {'f', '\f'}, {'n', '\n'}, {'r', '\r'},
                                                 {'t', '\t'}, {'v', '\v'}, {'\\', '\\'}, {'"', '"'}};
    std::string out;
    for (size_t i = 0; i < q.size(); ++i) {
        if (q[i] != '\\') {
            out += q[i];
            continue;
        }
        if (++i == q.size())
            return std::nullopt;
        if (auto simple = kSimple.find(q[i]); simple != kSimple.end()) {
            out += simple->second;
            continue;
        }
        const size_t digits = q[i] == 'x' ? 2 : q[i] == 'u' ? 4 : q[i] == 'U' ? 8 : 0;
        if (digits == 0 || i + digits >= q.size())
            return std::nullopt;
        const auto value = uint32_t(std::stoul(std::string(q.substr(i + 1, digits)), nullptr, 16));
        if (digits == 2)
            out += char(value);
        else
            appendUtf8(out, value);
        i += digits;
    }
    return out;
}

// The text between the next `open` at or after `from` and the `close` after it; moves `from` past
// `close`. Nothing when either is missing.
std::optional<std::string> nextBetween(const std::string& text, size_t& from, std::string_view open,
                                       std::string_view close)
{
    const size_t begin = text.find(open, from);
    if (begin == std::string::npos)
        return std::nullopt;
    const size_t end = text.find(close, begin + open.size());
    if (end == std::string::npos)
        return std::nullopt;
    from = end + close.size();
    return text.substr(begin + open.size(), end - begin - open.size());
}

// The parts of `page` that begin at each `marker`, up to the next one.
std::vector<std::string> splitAt(const std::string& page, std::string_view marker)
{
    std::vector<std::string> out;
    for (size_t at = page.find(marker); at != std::string::npos;) {
        const size_t next = page.find(marker, at + marker.size());
        out.push_back(page.substr(at, next == std::string::npos ? std::string::npos : next - at));
        at = next;
    }
    return out;
}

std::string trim(std::string s)
{
    const size_t b = s.find_first_not_of(" \t\n");
    const size_t e = s.find_last_not_of(" \t\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// One log as a task page lists it.
using Log = std::tuple<int64_t /*time since start*/, int64_t /*goroutine*/, std::string /*message*/>;

// One task of a /usertask page.
struct GoTask
{
    int64_t startNs = -1; // since the trace start; the trace start when it began before
    int64_t durationNs = -1;
    bool complete = false;
    std::optional<uint64_t> parent; // from its begin event, when the trace has it
    std::set<int64_t> goroutines;   // of its events
    std::vector<Log> logs;          // sorted
};

// The message of a task page's log event ("log \"text\"", or with an empty category
// "log (category: ): \"text\""), or nothing for another kind of event.
std::optional<std::string> logMessage(const std::string& what)
{
    for (std::string_view prefix : {"log (category: ): ", "log "}) {
        if (what.starts_with(prefix)) {
            auto message = goUnquote(std::string_view(what).substr(prefix.size()));
            EXPECT_TRUE(message) << "unreadable log event: " << what;
            return message.value_or(what);
        }
    }
    return std::nullopt;
}

// The parent of a task page's begin event ("task \"T\" (D 3, parent 1) begin"), or nothing.
std::optional<uint64_t> beginParent(const std::string& what)
{
    if (!what.starts_with("task \"") || !what.ends_with(") begin"))
        return std::nullopt;
    const size_t at = what.rfind(", parent ");
    if (at == std::string::npos)
        return std::nullopt;
    return std::stoull(what.substr(at + 9));
}

// The tasks of a /usertask page, by ID.
std::map<uint64_t, GoTask> parseTaskPage(const std::string& page)
{
    std::map<uint64_t, GoTask> out;
    for (const std::string& chunk : splitAt(page, "<tr class=\"first\">")) {
        size_t pos = 0;
        const auto when = nextBetween(chunk, pos, "<td class=\"when\">", "</td>");
        const auto elapsed = nextBetween(chunk, pos, "<td class=\"elapsed\">", "</td>");
        const auto id = nextBetween(chunk, pos, "\">Task ", "</a>");
        if (!when || !elapsed || !id) {
            ADD_FAILURE() << "unreadable task row: " << chunk.substr(0, 400);
            continue;
        }
        GoTask& task = out[std::stoull(*id)];
        task.startNs = parseGoSeconds(*when);
        task.durationNs = parseGoDuration(trim(*elapsed));
        const size_t headerEnd = chunk.find("</tr>");
        task.complete = chunk.find("(complete)") < headerEnd;
        pos = headerEnd;
        while (auto eventWhen = nextBetween(chunk, pos, "<td class=\"when\">", "</td>")) {
            const auto goid = nextBetween(chunk, pos, "<td class=\"goid\">", "</td>");
            const auto what = nextBetween(chunk, pos, "<td>", "</td>");
            if (!goid || !what) {
                ADD_FAILURE() << "unreadable task event: " << chunk.substr(pos, 400);
                break;
            }
            const int64_t g = std::stoll(*goid);
            task.goroutines.insert(g);
            const std::string text = test::unescapeHtml(*what);
            if (auto message = logMessage(text))
                task.logs.emplace_back(parseGoSeconds(*eventWhen), g, *message);
            if (auto parent = beginParent(text))
                task.parent = *parent;
        }
        std::sort(task.logs.begin(), task.logs.end());
    }
    return out;
}

std::set<uint64_t> idsOf(const std::map<uint64_t, GoTask>& tasks)
{
    std::set<uint64_t> ids;
    for (const auto& entry : tasks)
        ids.insert(entry.first);
    return ids;
}

// The count links of /usertasks or /userregions ("<a href=\"/usertask?type=T\">N</a>"): the
// count of each type, summed over the rows of a type.
std::map<std::string, int64_t> typeCounts(const std::string& page, std::string_view linkStart, std::string_view typeEnd)
{
    std::map<std::string, int64_t> out;
    size_t pos = 0;
    while (auto type = nextBetween(page, pos, linkStart, typeEnd)) {
        const auto count = nextBetween(page, pos, ">", "</a>");
        if (count)
            out[test::urlDecode(test::unescapeHtml(*type))] += std::stoll(*count);
    }
    return out;
}

// Go's histogram bucket of a duration (internal/trace/traceviewer.TimeHistogram.Add).
const double kLogDiv = std::log(std::pow(10.0, 1.0 / 5));

int bucketOf(int64_t ns)
{
    return ns > 0 ? int(std::log(double(ns)) / kLogDiv) : 0;
}

// Per region type, the non-empty buckets of the duration histograms of /userregions.
std::map<std::string, std::map<int, int64_t>> regionHistograms(const std::string& page)
{
    std::map<std::string, std::map<int, int64_t>> out;
    constexpr std::string_view kLink = "<a href=\"/userregion?type=";
    for (const std::string& row : splitAt(page, kLink)) {
        size_t pos = 0;
        const auto type = nextBetween(row, pos, kLink, "&pc=");
        std::map<int, int64_t>& buckets = out[test::urlDecode(test::unescapeHtml(type.value_or("")))];
        while (auto cell = nextBetween(row, pos, "class=\"histoTime\" align=\"right\">", "</td>")) {
            std::string label = *cell;
            if (label.starts_with("<a")) // a bucket with regions links to them
                label = label.substr(label.find('>') + 1, label.find("</a>") - label.find('>') - 1);
            const auto count = nextBetween(row, pos, "<div style=\"position:relative\">", "</div>");
            const int64_t minNs = parseGoDuration(label);
            if (!count || minNs <= 0) {
                ADD_FAILURE() << "unreadable histogram bucket: " << *cell;
                break;
            }
            if (const int64_t n = std::stoll(*count); n != 0)
                buckets[int(std::lround(std::log(double(minNs)) / kLogDiv))] += n;
        }
    }
    return out;
}

// goroutine, task, duration
using Region = std::tuple<int64_t, uint64_t, int64_t>;

// The regions of a /userregion page's breakdown table, sorted.
std::vector<Region> parseRegionPage(const std::string& page)
{
    std::vector<Region> out;
    const size_t begin = page.find("class=\"details\"");
    const std::string table = page.substr(begin, page.find("</table>", begin) - begin);
    size_t pos = table.find("</tr>"); // past the header row
    while (auto goid = nextBetween(table, pos, "<a href=\"/trace?goid=", "\"")) {
        const auto taskCell = nextBetween(table, pos, "<td>", "</td>");
        const auto total = nextBetween(table, pos, "<td>", "</td>");
        if (!taskCell || !total) {
            ADD_FAILURE() << "unreadable region row of goroutine " << *goid;
            break;
        }
        size_t taskPos = 0;
        const auto task = nextBetween(*taskCell, taskPos, "focustask=", "\"");
        out.emplace_back(std::stoll(*goid), task ? std::stoull(*task) : 0, parseGoDuration(trim(*total)));
    }
    std::sort(out.begin(), out.end());
    return out;
}

class UserAnnotationsReference : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        LoadContext ctx;
        auto loaded = loadFile(GetParam(), ctx);
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        m_store = std::move(*loaded);
        ASSERT_TRUE(m_store->trace);
    }

    const TraceData& trace() const { return *m_store->trace; }
    std::string_view text(StringId id) const { return m_store->symbols.strings.get(id); }

    void checkTasks(const test::GoTraceServer& server, const std::map<uint64_t, GoTask>& goTasks) const;
    void checkRegions(const test::GoTraceServer& server) const;
    void checkLogs(const test::GoTraceServer& server, const std::map<uint64_t, GoTask>& goTasks) const;

    StorePtr m_store;
};

void UserAnnotationsReference::checkTasks(const test::GoTraceServer& server,
                                          const std::map<uint64_t, GoTask>& goTasks) const
{
    const std::vector<TaskSummary> ours = summarizeTasks(trace());
    // Go lists the background task (0) too when a region or a log is outside every task.
    const bool goHasBackground = goTasks.count(0) != 0;
    std::set<uint64_t> ourIds;
    for (const TaskSummary& s : ours)
        ourIds.insert(s.task->id);
    // The tasks by type, as the Tasks tab groups them.
    std::map<std::string, std::set<uint64_t>> ourTypes;
    for (const TaskTypeSummary& type : summarizeTaskTypes(ours, m_store->symbols.strings)) {
        for (const TaskSummary* s : type.instances)
            ourTypes[std::string(text(type.type))].insert(s->task->id);
    }
    std::set<uint64_t> goIds = idsOf(goTasks);
    goIds.erase(0);
    EXPECT_EQ(ourIds, goIds);

    const TimeNs t0 = trace().startNs;
    for (const TaskSummary& s : ours) {
        const UserTask& t = *s.task;
        auto it = goTasks.find(t.id);
        if (it == goTasks.end())
            continue;
        const GoTask& go = it->second;
        SCOPED_TRACE("task " + std::to_string(t.id));
        const TimeNs start = taskStartNs(trace(), t);
        EXPECT_EQ(start - t0, go.startNs);
        EXPECT_EQ(taskEndNs(trace(), t) - start, go.durationNs);
        EXPECT_EQ(taskComplete(t), go.complete);
        EXPECT_EQ(std::set<int64_t>(s.goroutines.begin(), s.goroutines.end()), go.goroutines);
        EXPECT_EQ(size_t(s.logs), go.logs.size());
        if (go.parent) {
            EXPECT_EQ(t.parent, *go.parent == kGoNoTask ? 0 : *go.parent);
        }
    }

    // The types: their counts on /usertasks, and which tasks /usertask?type=T lists.
    std::map<std::string, int64_t> expectedCounts;
    for (const auto& [type, ids] : ourTypes)
        expectedCounts[type] = int64_t(ids.size());
    if (goHasBackground)
        ++expectedCounts[""];
    EXPECT_EQ(typeCounts(server.get("/usertasks"), "<a href=\"/usertask?type=", "\""), expectedCounts);
    for (auto [type, ids] : ourTypes) {
        if (type.empty() && goHasBackground)
            ids.insert(0);
        EXPECT_EQ(idsOf(parseTaskPage(server.get("/usertask?type=" + urlEncode(type)))), ids)
            << "tasks of type " << type;
    }
}

void UserAnnotationsReference::checkRegions(const test::GoTraceServer& server) const
{
    const std::vector<RegionTypeSummary> ours = summarizeRegions(trace(), m_store->symbols.strings);
    std::map<std::string, int64_t> ourCounts;
    std::map<std::string, std::map<int, int64_t>> ourHistograms;
    for (const RegionTypeSummary& s : ours) {
        const std::string type(text(s.type));
        ourCounts[type] = int64_t(s.instances.size());
        for (const UserRegion* r : s.instances)
            ++ourHistograms[type][bucketOf(r->end - r->start)];
    }
    const std::string summary = server.get("/userregions");
    EXPECT_EQ(typeCounts(summary, "<a href=\"/userregion?type=", "&pc="), ourCounts);
    // The histograms are of the durations as Go takes them for regions cut by the trace's ends.
    EXPECT_EQ(regionHistograms(summary), ourHistograms);

    for (const RegionTypeSummary& s : ours) {
        const std::string type(text(s.type));
        SCOPED_TRACE("region type " + type.substr(0, 80));
        std::vector<Region> expected;
        for (const UserRegion* r : s.instances)
            expected.emplace_back(r->goroutine, r->task, r->end - r->start);
        std::sort(expected.begin(), expected.end());
        const std::vector<Region> go = parseRegionPage(server.get("/userregion?type=" + urlEncode(type)));
        EXPECT_EQ(expected, go);
        if (go.empty())
            continue;
        // The statistics of Go's own durations, percentiles by nearest rank.
        std::vector<TimeNs> durations;
        TimeNs total = 0;
        for (const Region& r : go) {
            durations.push_back(std::get<2>(r));
            total += std::get<2>(r);
        }
        std::sort(durations.begin(), durations.end());
        EXPECT_EQ(s.totalNs, total);
        EXPECT_EQ(s.maxNs, durations.back());
        // Nearest rank: the value at 1-based rank ceil(p / 100 * n).
        auto rank = [&](double p) { return durations[size_t(std::ceil(p / 100 * double(durations.size()))) - 1]; };
        EXPECT_EQ(s.p50Ns, rank(50));
        EXPECT_EQ(s.p90Ns, rank(90));
        EXPECT_EQ(s.p99Ns, rank(99));
    }
}

void UserAnnotationsReference::checkLogs(const test::GoTraceServer& server,
                                         const std::map<uint64_t, GoTask>& goTasks) const
{
    // Every log, under its task (0: the background task), with its time, goroutine and message.
    std::map<uint64_t, std::vector<Log>> ours;
    std::map<std::string, std::set<uint64_t>> tasksByCategory;
    for (const UserLog& l : trace().logs) {
        ours[l.task].emplace_back(l.time - trace().startNs, l.goroutine, std::string(text(l.message)));
        if (l.category != 0)
            tasksByCategory[std::string(text(l.category))].insert(l.task);
    }
    std::map<uint64_t, std::vector<Log>> go;
    for (const auto& [id, task] : goTasks) {
        if (!task.logs.empty())
            go[id] = task.logs;
    }
    for (auto& entry : ours)
        std::sort(entry.second.begin(), entry.second.end());
    EXPECT_EQ(ours, go);

    // Go's pages never show a log's category, but its log search finds tasks by it.
    for (const auto& [category, tasks] : tasksByCategory) {
        const std::set<uint64_t> found = idsOf(parseTaskPage(server.get("/usertask?logtext=" + urlEncode(category))));
        for (uint64_t task : tasks)
            EXPECT_TRUE(found.count(task)) << "Go finds no log of category " << category.substr(0, 80) << " in task "
                                           << task;
    }
}

TEST_P(UserAnnotationsReference, TasksRegionsAndLogsMatchGoToolTrace)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    const test::GoReadableTrace goInput(GetParam());
    test::GoTraceServer server(goInput.path());
    ASSERT_TRUE(server.running()) << "go tool trace did not start:\n" << server.startupLog();
    const std::map<uint64_t, GoTask> goTasks = parseTaskPage(server.get("/usertask"));
    checkTasks(server, goTasks);
    checkRegions(server);
    checkLogs(server, goTasks);
}

std::vector<std::string> annotatedTraces()
{
    std::vector<std::string> traces = test::referenceTraces();
    for (const char* hostile : {"hostile.trace", "hostile_names.trace"})
        traces.push_back(std::string(GOROSCOPE_TEST_DATA_DIR) + "/hostile/" + hostile);
    return traces;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, UserAnnotationsReference, ::testing::ValuesIn(annotatedTraces()),
                         [](const auto& param) { return test::testNameOf(param.param); });

} // namespace
} // namespace gs
