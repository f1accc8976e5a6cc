// SPDX-License-Identifier: MIT
// `list REGEX FILE`: pprof's -list, the source of the functions matching REGEX with flat and
// cum per line, byte for byte as go tool pprof prints it.
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/stack_query.h"
#include "core/analysis/source_listing.h"
#include "core/analysis/value_format.h"
#include "core/base/go_regex.h"

#include <cstdio>
#include <ostream>

namespace gs::cli {

namespace {

constexpr const char* kUsage = "list REGEX FILE... [--source-path DIRS] [--trim-path PREFIXES] [--sample-index NAME|N] "
                               "[--focus RE] [--ignore RE] [--hide RE] [--tagfocus KEY=RE] [--tagignore KEY=RE]"
                               " [--noinlines]";

void printListing(const SourceListing& listing, const std::string& unit, std::ostream& out)
{
    // pprof's list scales every value on its own ("980ms", "4.05kB"), "." for nothing.
    auto value = [&](int64_t v) { return formatValue(v, unit, "minimum"); };
    auto valueOrDot = [&](int64_t v) { return v == 0 ? std::string(".") : value(v); };
    out << "Total: " << value(listing.total) << '\n';
    char buf[96];
    for (const SourceRoutine& r : listing.routines) {
        if (r.file.empty()) {
            out << "No source information for " << r.function << '\n';
            continue;
        }
        out << "ROUTINE ======================== " << r.function << " in " << r.file << '\n';
        std::snprintf(buf, sizeof buf, "%10s %10s (flat, cum) %s of Total\n", value(r.flat).c_str(), value(r.cum).c_str(),
                      formatPercent(r.cum, listing.total).c_str());
        out << buf;
        if (!r.error.empty()) {
            out << " Error: " << r.error << '\n';
            continue;
        }
        for (const SourceLine& line : r.lines) {
            std::snprintf(buf, sizeof buf, "%10s %10s %6lld:", valueOrDot(line.flat).c_str(), valueOrDot(line.cum).c_str(),
                          static_cast<long long>(line.number));
            out << buf << line.text << '\n';
        }
    }
}

int runList(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    std::vector<std::string> valued = stackQueryOptions();
    valued.push_back("source-path");
    valued.push_back("trim-path");
    // pprof's list is always at line granularity; the other granularity switches are accepted
    // and, as there, change nothing.
    auto command = parsePatternFileCommand(argv, valued, granularitySwitches(), kUsage, err);
    if (!command)
        return 2;
    const CliArgs& args = command->args;
    const auto regex = GoRegex::compile(command->pattern, "list");
    if (!regex)
        return fail(err, regex.error().message);
    auto q = runStackQuery(command->paths, args, err, Regroup::Never);
    if (!q)
        return 1;
    if (!q->profile().pprof)
        return fail(err, command->path + ": list needs a pprof profile, which keeps files and lines ("
                             + formatName(q->store->format) + ")");

    SourceListingQuery query;
    query.sampleType = q->sampleType;
    query.samples = &q->keptSamples;
    query.hiddenFunctions = q->stacks.hiddenFunctions.empty() ? nullptr : &q->stacks.hiddenFunctions;
    query.noInlines = args.has("noinlines");
    // Only pprof's places: GOROOT and the module cache are not searched, so that the listing is
    // the one pprof prints.
    SourceSearch search;
    search.searchPath = args.value("source-path").value_or("");
    search.trimPath = args.value("trim-path").value_or("");
    SourceFiles files(std::move(search));
    const SourceListing listing = listSource(*q->store, [&](std::string_view name) { return regex->search(name); },
                                             query, files);
    if (listing.routines.empty())
        return fail(err, "no matches found for regexp: " + command->pattern);
    printListing(listing, q->valueType().unit, out);
    return 0;
}

} // namespace

Command listCommand()
{
    return {"list", kUsage,
            "the source of the functions matching REGEX with flat and cum per line, as go tool pprof -list", runList};
}

} // namespace gs::cli
