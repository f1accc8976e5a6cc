// SPDX-License-Identifier: MIT
// `top FILE`: pprof's -top table (flat, flat%, sum%, cum, cum%), same ranking and values; and
// `peek REGEX FILE`: pprof's -peek, the callers and callees of the nodes matching REGEX.
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/json_writer.h"
#include "app/cli/stack_query.h"
#include "core/analysis/inline_labels.h"
#include "core/analysis/peek.h"
#include "core/analysis/profile_labels.h"
#include "core/analysis/report_values.h"
#include "core/analysis/top_table.h"
#include "core/analysis/value_format.h"
#include "core/base/go_regex.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ostream>

namespace gs::cli {

namespace {

constexpr const char* kUsage = "top FILE... [-n N] [--cum] [--json] [--nodefraction F] " GS_STACK_QUERY_USAGE;

// pprof's defaults: functions whose |cum| is under 0.5% of the shown weight are dropped, and calls
// under 0.1% do not count when marking functions "(inline)".
constexpr double kDefaultNodeFraction = 0.005;
constexpr double kDefaultEdgeFraction = 0.001;

double percent(int64_t v, int64_t total)
{
    // Two decimals, as the text table shows them.
    return total == 0 ? 0.0 : std::round(double(v) / double(total) * 10000.0) / 100.0;
}

void printJson(const StackQuery& q, const std::vector<TopRow>& rows, int64_t total, std::ostream& out)
{
    JsonWriter j(out);
    j.beginArray();
    for (const TopRow& r : rows) {
        j.beginObject();
        j.key("function");
        j.value(printableFunctionName(q.store->symbols, r.function));
        j.key("flat");
        j.value(r.flat);
        j.key("flat_percent");
        j.value(percent(r.flat, total));
        j.key("cum");
        j.value(r.cum);
        j.key("cum_percent");
        j.value(percent(r.cum, total));
        j.endObject();
    }
    j.endArray();
}

std::string row(const std::string& a, const std::string& b, const std::string& c, const std::string& d,
                const std::string& e)
{
    char buf[128];
    std::snprintf(buf, sizeof buf, "%10s %s %s %10s %s  ", a.c_str(), b.c_str(), c.c_str(), d.c_str(), e.c_str());
    return buf;
}

// The lines pprof prints above its table: binary, build id, comments, type, time, duration.
template<typename Format>
void printProfileLabels(const StackQuery& q, int64_t total, const Format& value, std::ostream& out)
{
    for (const std::string& line : profileLabels(q.profile(), q.sampleType, total, value, q.meanDivisor.has_value()))
        out << line << '\n';
}

// What is left out of the table, for its header lines.
struct Dropped
{
    size_t nodes = 0;
    int64_t cutoffLabel = 0; // pprof labels the cut-off relative to the whole profile's total
    size_t keptBeforeLimit = 0;
    int64_t edgeCutoff = 0;
};

// How a report prints values: in one unit for the whole table, --unit or, by default, the one
// pprof picks from the smallest value shown (a row's flat, or its cum when the flat is zero),
// after --divide-by.
class ValueFormat
{
public:
    ValueFormat(const StackQuery& q, const std::vector<TopRow>& rows, int64_t total)
        : m_unit(q.valueType().unit)
        , m_ratio(q.ratio)
    {
        m_tableUnit = q.outputUnit;
        if (m_tableUnit == "minimum") {
            int64_t minValue = 0;
            for (const TopRow& r : rows) {
                int64_t v = std::llabs(r.flat);
                if (v == 0)
                    v = std::llabs(r.cum);
                if (v > 0 && (minValue == 0 || v < minValue))
                    minValue = v;
            }
            if (minValue == 0)
                minValue = total;
            m_tableUnit = tableUnit(scaled(minValue), scaled(total), m_unit);
        }
        if (m_tableUnit.empty())
            m_tableUnit = "count";
    }

    std::string operator()(int64_t v) const { return formatValue(scaled(v), m_unit, m_tableUnit); }

private:
    int64_t scaled(int64_t v) const { return m_ratio > 0 && m_ratio != 1 ? int64_t(double(v) * m_ratio) : v; }

    std::string m_unit;
    double m_ratio;
    std::string m_tableUnit;
};

// The lines above a report's table: the profile's labels, the active filters, what is shown and
// what is dropped.
void printReportLabels(const StackQuery& q, const std::vector<TopRow>& rows, const Dropped& dropped, int64_t total,
                       const ValueFormat& value, std::ostream& out)
{
    int64_t shown = 0;
    for (const TopRow& r : rows)
        shown += r.flat;
    printProfileLabels(q, total, value, out);
    for (const std::string& line : activeFilterLines(q.activeFilters))
        out << line << '\n';
    std::string pct = formatPercent(shown, total);
    pct.erase(0, pct.find_first_not_of(' '));
    out << "Showing nodes accounting for " << value(shown) << ", " << pct << " of " << value(total) << " total\n";
    if (total == 0)
        return;
    if (dropped.nodes > 0)
        out << "Dropped " << dropped.nodes << (dropped.nodes > 1 ? " nodes" : " node") << " (cum <= "
            << value(dropped.cutoffLabel) << ")\n";
    if (rows.size() < dropped.keptBeforeLimit)
        out << "Showing top " << rows.size() << " nodes out of " << dropped.keptBeforeLimit << '\n';
}

void printText(const StackQuery& q, const std::vector<TopRow>& rows, const Dropped& dropped, int64_t total,
               std::ostream& out)
{
    const ValueFormat value(q, rows, total);
    printReportLabels(q, rows, dropped, total, value, out);
    char header[80];
    std::snprintf(header, sizeof header, "%10s %5s%% %5s%% %10s %5s%%\n", "flat", "flat", "sum", "cum", "cum");
    out << header;
    std::vector<uint8_t> shownFunctions(q.store->symbols.functions.size(), 0);
    for (const TopRow& r : rows)
        shownFunctions[r.function] = 1;
    const std::vector<InlineLabel> inlineLabels = computeInlineLabels(q.store->symbols, q.stacks, &shownFunctions,
                                                                      dropped.edgeCutoff);
    int64_t flatSum = 0;
    for (const TopRow& r : rows) {
        flatSum += r.flat;
        out << row(value(r.flat), formatPercent(r.flat, total), formatPercent(flatSum, total), value(r.cum),
                   formatPercent(r.cum, total))
            << printableFunctionName(q.store->symbols, r.function) << inlineSuffix(inlineLabels[r.function]) << '\n';
    }
}

int runTop(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    std::vector<std::string> valued = stackQueryOptions();
    valued.push_back("n");
    valued.push_back("nodefraction");
    std::vector<std::string> switches = stackQuerySwitches();
    switches.push_back("cum");
    switches.push_back("json");
    const auto parsedArgs = parseFilesCommand(argv, valued, switches, kUsage, err);
    if (!parsedArgs)
        return 2;
    const CliArgs& args = parsedArgs->args;
    size_t limit = SIZE_MAX;
    if (auto n = args.value("n")) {
        const auto parsed = parseNumber<size_t>(*n);
        if (!parsed)
            return fail(err, "-n needs a number, got '" + *n + "'");
        limit = *parsed;
    }
    const auto nodeFraction = fractionOption(args, "nodefraction", kDefaultNodeFraction, err);
    if (!nodeFraction)
        return 1;
    auto q = runStackQuery(parsedArgs->paths, args, err);
    if (!q)
        return 1;
    std::vector<TopRow> rows = computeTop(q->store->symbols, q->stacks, args.has("cum") ? TopOrder::Cum : TopOrder::Flat);
    // pprof's percentages are of every sample of the type, before focus/ignore/tag filters.
    const int64_t total = q->total();

    // As pprof: the cut-off is a fraction of the weight the (filtered) functions account for.
    int64_t shownWeight = 0;
    for (const TopRow& r : rows)
        shownWeight += r.flat;
    const int64_t cutoff = std::llabs(int64_t(double(shownWeight) * *nodeFraction));
    Dropped dropped;
    dropped.cutoffLabel = std::llabs(int64_t(double(total) * *nodeFraction));
    dropped.edgeCutoff = std::llabs(int64_t(double(shownWeight) * kDefaultEdgeFraction));
    std::erase_if(rows, [&](const TopRow& r) {
        const bool drop = std::llabs(r.cum) < cutoff;
        dropped.nodes += drop;
        return drop;
    });
    dropped.keptBeforeLimit = rows.size();
    if (rows.size() > limit)
        rows.resize(limit);
    if (q->meanDivisor)
        divideTopRows(q->store->symbols, q->divisorStacks, rows);
    if (args.has("json"))
        printJson(*q, rows, total, out);
    else
        printText(*q, rows, dropped, total, out);
    return 0;
}

constexpr const char* kPeekUsage = "peek REGEX FILE... [--cum] " GS_STACK_QUERY_USAGE;

int runPeek(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    std::vector<std::string> switches = stackQuerySwitches();
    switches.push_back("cum");
    auto command = parsePatternFileCommand(argv, stackQueryOptions(), switches, kPeekUsage, err);
    if (!command)
        return 2;
    const CliArgs& args = command->args;
    const std::string& pattern = command->pattern;
    const auto regex = GoRegex::compile(pattern, "peek");
    if (!regex)
        return fail(err, regex.error().message);
    auto q = runStackQuery(command->paths, args, err);
    if (!q)
        return 1;
    const Symbols& symbols = q->store->symbols;
    // As pprof's peek: every node, none dropped for a small weight.
    std::vector<TopRow> rows = computeTop(symbols, q->stacks, args.has("cum") ? TopOrder::Cum : TopOrder::Flat);
    if (q->meanDivisor)
        divideTopRows(symbols, q->divisorStacks, rows);
    std::vector<uint8_t> matched(symbols.functions.size(), 0);
    bool any = false;
    for (const TopRow& r : rows) {
        matched[r.function] = regex->search(printableFunctionName(symbols, r.function));
        any = any || matched[r.function];
    }
    if (!any)
        return fail(err, "no matches found for regexp: " + pattern);

    const int64_t total = q->total();
    const ValueFormat value(*q, rows, total);
    printReportLabels(*q, rows, Dropped {}, total, value, out);
    const char* separator = "----------------------------------------------------------+-------------\n";
    out << separator << "      flat  flat%   sum%        cum   cum%   calls calls% + context \t \t \n";

    // With --mean the calls still show sums, as pprof's do, each a share of its node's mean.
    auto printEdges = [&](const std::vector<CallEdge>& list, int64_t cum, bool showCaller) {
        for (const CallEdge& e : list) {
            char buf[128];
            std::snprintf(buf, sizeof buf, "%50s %s |   ", value(e.weight).c_str(), formatPercent(e.weight, cum).c_str());
            out << buf << printableFunctionName(symbols, showCaller ? e.caller : e.callee) << (e.inlined ? " (inline)" : "")
                << '\n';
        }
    };
    int64_t flatSum = 0;
    for (const PeekEntry& entry : computePeek(symbols, rows, computeCallEdges(symbols, q->stacks), matched)) {
        const TopRow& r = entry.row;
        out << separator;
        printEdges(entry.callers, r.cum, true);
        flatSum += r.flat;
        char buf[160];
        std::snprintf(buf, sizeof buf, "%10s %s %s %10s %s                | ", value(r.flat).c_str(),
                      formatPercent(r.flat, total).c_str(), formatPercent(flatSum, total).c_str(),
                      value(r.cum).c_str(), formatPercent(r.cum, total).c_str());
        out << buf << printableFunctionName(symbols, r.function) << '\n';
        printEdges(entry.callees, r.cum, false);
    }
    out << separator;
    return 0;
}

} // namespace

Command topCommand()
{
    return {"top", kUsage, "functions by flat (or cumulative) weight, exactly as go tool pprof -top ranks them", runTop};
}

Command peekCommand()
{
    return {"peek", kPeekUsage, "the callers and callees of the functions matching REGEX, as go tool pprof -peek", runPeek};
}

} // namespace gs::cli
