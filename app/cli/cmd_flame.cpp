// SPDX-License-Identifier: MIT
// `flame FILE -o OUT.svg|OUT.folded`: a flame graph as a standalone SVG, or folded stacks.
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/stack_query.h"
#include "core/analysis/flame_tree.h"
#include "core/export/flame_svg.h"
#include "core/export/folded.h"

#include <filesystem>
#include <fstream>
#include <ostream>

namespace gs::cli {

namespace {

constexpr const char* kUsage = "flame FILE... -o OUT.svg|OUT.folded " GS_STACK_QUERY_USAGE;

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int runFlame(const std::vector<std::string>& argv, std::ostream&, std::ostream& err)
{
    std::vector<std::string> valued = stackQueryOptions();
    valued.push_back("o");
    const auto parsed = parseFilesCommand(argv, valued, stackQuerySwitches(), kUsage, err);
    if (!parsed)
        return 2;
    const CliArgs& args = parsed->args;
    const std::string& path = args.positionals().front();
    if (args.has("mean")) {
        // pprof's flame graph sums the sample type too: a mean per frame is a report's (top, peek).
        fail(err, "--mean is for top and peek; a flame graph shows sums");
        return 2;
    }
    const auto output = args.value("o");
    if (!output) {
        fail(err, std::string("flame needs -o OUT.svg or -o OUT.folded (usage: ") + kUsage + ")");
        return 2;
    }
    const bool svg = endsWith(*output, ".svg");
    if (!svg && !endsWith(*output, ".folded") && !endsWith(*output, ".txt")) {
        fail(err, *output + ": unknown output type (use .svg, .folded or .txt)");
        return 2;
    }

    auto q = runStackQuery(args.positionals(), args, err);
    if (!q)
        return 1;
    const FlameTree tree = FlameTree::build(q->store->symbols, q->stacks, {});

    std::ofstream file(*output, std::ios::binary | std::ios::trunc);
    if (!file)
        return fail(err, *output + ": cannot create the file");
    if (svg) {
        FlameSvgOptions options;
        options.title = std::filesystem::path(path).filename().string();
        if (args.positionals().size() > 1)
            options.title += " + " + std::to_string(args.positionals().size() - 1) + " more";
        options.subtitle = q->valueType().type + " (" + q->valueType().unit + "), "
                           + std::to_string(q->profile().sampleCount()) + " samples";
        options.valueUnit = q->valueType().unit;
        if (q->outputUnit != "minimum")
            options.outputUnit = q->outputUnit;
        options.ratio = q->ratio;
        writeFlameSvg(q->store->symbols, tree, options, file);
    } else {
        writeFolded(q->store->symbols, tree, file);
    }
    file.close();
    if (!file)
        return fail(err, *output + ": write error");
    return 0;
}

} // namespace

Command flameCommand()
{
    return {"flame", kUsage, "a standalone SVG flame graph, or folded stacks (FlameGraph's format)", runFlame};
}

} // namespace gs::cli
