// SPDX-License-Identifier: MIT
// Differential test: every goroutine's statistics in our store against the goroutine analysis
// that `go tool trace` serves (/goroutines and /goroutine?name=...), on every trace fixture.
// Go prints durations exactly (time.Duration.String), so the comparison is to the nanosecond.
#include "core/analysis/goroutine_filter.h"
#include "tests/support/go_reference.h"
#include "tests/support/trace_server_reference.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <string>

namespace gs {
namespace {

// time.Duration.String() back to nanoseconds ("1m2.5s", "7.60512ms", "136.896µs", "0s"); -1 for
// text that is no Go duration, which no statistic equals.
int64_t parseGoDuration(const std::string& text)
{
    const auto ns = parseDuration(text);
    return ns ? *ns : -1;
}

// Column name ("Execution time", "Block time (chan receive)", "Total") -> nanoseconds.
using Stats = std::map<std::string, int64_t>;

struct GoGoroutine
{
    std::string name;
    Stats stats;
};

// Reads the per-goroutine "Breakdown" tables of every goroutine group.
std::map<int64_t, GoGoroutine> goAnalysis(const test::GoTraceServer& server)
{
    std::map<int64_t, GoGoroutine> out;
    const std::string groups = server.get("/goroutines");
    static const std::regex groupLink(R"re(href="/goroutine\?name=([^"]*)")re");
    for (auto g = std::sregex_iterator(groups.begin(), groups.end(), groupLink); g != std::sregex_iterator(); ++g) {
        const std::string page = server.get("/goroutine?name=" + test::unescapeHtml((*g)[1].str()));
        const size_t begin = page.find("class=\"details\"");
        const std::string table = page.substr(begin, page.find("</table>", begin) - begin);
        std::vector<std::string> columns;
        static const std::regex header(R"(<th[^>]*>\s*([^<]*?)\s*</th>)");
        for (auto h = std::sregex_iterator(table.begin(), table.end(), header); h != std::sregex_iterator(); ++h)
            columns.push_back(test::unescapeHtml((*h)[1].str()));
        // Columns: Goroutine, Total, (bar), then the non-overlapping stats.
        size_t rowStart = table.find("<tr>", table.find("</tr>"));
        while (rowStart != std::string::npos) {
            const size_t rowEnd = table.find("</tr>", rowStart);
            const std::string row = table.substr(rowStart, rowEnd - rowStart);
            std::smatch id;
            static const std::regex goid(R"(goid=(\d+))");
            if (std::regex_search(row, id, goid)) {
                GoGoroutine& entry = out[std::stoll(id[1].str())];
                entry.name = test::urlDecode(test::unescapeHtml((*g)[1].str()));
                static const std::regex cell(R"(<td>\s*([^<]*?)\s*</td>)");
                std::vector<std::string> values;
                for (auto c = std::sregex_iterator(row.begin(), row.end(), cell); c != std::sregex_iterator(); ++c)
                    values.push_back((*c)[1].str());
                // values[0] is Total; the stat columns start at columns[3].
                entry.stats["Total"] = values.empty() ? -1 : parseGoDuration(values[0]);
                for (size_t i = 1; i < values.size() && i + 2 < columns.size(); ++i) {
                    if (columns[i + 2] != "Unknown time")
                        entry.stats[columns[i + 2]] = parseGoDuration(values[i]);
                }
            }
            rowStart = table.find("<tr>", rowEnd);
        }
    }
    return out;
}

Stats ourStats(const EventStore& store, GoroutineRow row)
{
    const GoroutineStats stats = store.trace->goroutineStats(row);
    Stats s;
    s["Total"] = stats.totalNs;
    s["Execution time"] = stats.execNs;
    s["Sched wait time"] = stats.schedWaitNs;
    s["Syscall execution time"] = stats.syscallNs;
    s["Block time (syscall)"] += stats.syscallBlockNs;
    for (const auto& [reason, ns] : stats.blockNsByReason)
        s["Block time (" + std::string(store.symbols.strings.get(reason)) + ")"] += ns;
    return s;
}

using GoroutineAnalysisReference = test::TraceServerReference;

TEST_P(GoroutineAnalysisReference, EveryGoroutineMatchesGoToolTrace)
{
    const TraceData& trace = this->trace();
    const test::GoTraceServer& server = this->server();
    const auto reference = goAnalysis(server);
    ASSERT_FALSE(reference.empty()) << "no goroutines read from go tool trace";

    EXPECT_EQ(trace.goroutines.size(), reference.size());
    for (GoroutineRow row = 0; row < trace.goroutines.size(); ++row) {
        const Goroutine g = trace.goroutines[row];
        auto it = reference.find(g.id);
        if (it == reference.end()) {
            ADD_FAILURE() << "goroutine " << g.id << " is not in Go's analysis";
            continue;
        }
        const std::string name = g.hasStartFunction() ? std::string(store().symbols.functionName(g.startFunction)) : "";
        EXPECT_EQ(name, it->second.name) << "goroutine " << g.id;
        Stats ours = ourStats(store(), row);
        for (const auto& [column, ns] : it->second.stats)
            EXPECT_EQ(ours[column], ns) << "goroutine " << g.id << ": " << column;
        for (const auto& [column, ns] : ours) {
            if (ns != 0 && !it->second.stats.count(column))
                ADD_FAILURE() << "goroutine " << g.id << ": we have " << column << " = " << ns << ", Go has none";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoroutineAnalysisReference,
                         ::testing::ValuesIn(test::referenceTraces()),
                         [](const auto& param) { return test::testNameOf(param.param); });

} // namespace
} // namespace gs
