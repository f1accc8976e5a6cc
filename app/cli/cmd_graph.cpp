// SPDX-License-Identifier: MIT
// `graph FILE -o OUT.dot|OUT.svg`: pprof's call graph (go tool pprof -dot / -svg), with pprof's
// pruning (--nodecount, --nodefraction, --edgefraction), its filters and granularities.
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/stack_query.h"
#include "core/analysis/call_graph.h"
#include "core/analysis/report_values.h"
#include "core/export/graph_dot.h"
#include "core/export/graph_svg.h"

#include <filesystem>
#include <fstream>
#include <ostream>

namespace gs::cli {

namespace {

constexpr const char* kUsage = "graph FILE -o OUT.dot|OUT.svg|- [--nodecount N] [--nodefraction F] [--edgefraction F]"
                               " [--sample-index NAME|N] [--focus RE] [--ignore RE] [--hide RE] [--tagfocus KEY=RE]"
                               " [--tagignore KEY=RE] [--functions|--files|--lines|--addresses] [--noinlines]"
                               " [--trace-profile cpu|net|sync|syscall|sched] [--goroutine G]";

// What pprof's graph outputs take from the command line, with pprof's defaults.
std::optional<CallGraphOptions> graphOptions(const CliArgs& args, std::ostream& err)
{
    CallGraphOptions options;
    if (auto n = args.value("nodecount")) {
        const auto parsed = parseNumber<size_t>(*n);
        if (!parsed) {
            fail(err, "--nodecount needs a number, got '" + *n + "'");
            return std::nullopt;
        }
        options.nodeCount = *parsed;
    }
    const auto nodeFraction = fractionOption(args, "nodefraction", options.nodeFraction, err);
    if (!nodeFraction)
        return std::nullopt;
    const auto edgeFraction = fractionOption(args, "edgefraction", options.edgeFraction, err);
    if (!edgeFraction)
        return std::nullopt;
    options.nodeFraction = *nodeFraction;
    options.edgeFraction = *edgeFraction;
    return options;
}

int runGraph(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    std::vector<std::string> valued = stackQueryOptions();
    for (const char* option : {"o", "nodecount", "nodefraction", "edgefraction"})
        valued.push_back(option);
    auto command = parseFileCommand(argv, valued, granularitySwitches(), kUsage, err);
    if (!command)
        return 2;
    const CliArgs& args = command->args;
    const auto output = args.value("o");
    if (!output) {
        fail(err, std::string("graph needs -o OUT.dot, -o OUT.svg or -o - (usage: ") + kUsage + ")");
        return 2;
    }
    const bool svg = output->ends_with(".svg");
    if (!svg && *output != "-" && !output->ends_with(".dot") && !output->ends_with(".gv")) {
        fail(err, *output + ": unknown output type (use .dot, .svg, or - for DOT on standard output)");
        return 2;
    }
    const auto options = graphOptions(args, err);
    if (!options)
        return 2;

    auto q = runStackQuery({command->path}, args, err);
    if (!q)
        return 1;
    CallGraphInput input;
    input.store = q->store.get();
    input.granularity = q->granularity.granularity;
    input.sampleType = q->sampleType;
    input.samples = &q->keptSamples;
    input.hidden = &q->stacks.hiddenFunctions;
    input.total = reportTotal(*q->store, q->sampleType);
    auto graph = buildCallGraph(input, *options);
    if (!graph)
        return fail(err, command->path + ": " + graph.error().message);

    const std::vector<std::string> legend = callGraphLegend(*graph, q->profile(), q->sampleType, q->activeFilters);
    std::vector<std::string> dotLegend = legend;
    dotLegend.push_back("\nSee https://git.io/JfYMW for how to read the graph"); // as pprof's DOT legend ends
    const auto& mappings = q->profile().mappings;
    const std::string title = mappings.empty() ? std::string()
                                               : std::filesystem::path(mappings.front().filename).filename().string();
    if (*output == "-") {
        writeGraphDot(*graph, dotLegend, title, out);
        return 0;
    }
    std::ofstream file(*output, std::ios::binary | std::ios::trunc);
    if (!file)
        return fail(err, *output + ": cannot create the file");
    if (svg) {
        GraphSvgOptions svgOptions;
        svgOptions.legend = legend;
        if (auto written = writeCallGraphSvg(*graph, svgOptions, file); !written) {
            file.close();
            std::filesystem::remove(*output);
            return fail(err, *output + ": " + written.error().message);
        }
    } else {
        writeGraphDot(*graph, dotLegend, title, file);
    }
    file.close();
    if (!file)
        return fail(err, *output + ": write error");
    return 0;
}

} // namespace

Command graphCommand()
{
    return {"graph", kUsage, "the call graph as go tool pprof -dot and -svg draw it (nodes, edges, pruning): DOT, or SVG laid out by Graphviz", runGraph};
}

} // namespace gs::cli
