// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/call_graph.h"
#include "core/layout/call_graph_layout.h"

#include <ostream>
#include <string>
#include <vector>

namespace gs {

struct GraphSvgOptions
{
    // pprof's legend (callGraphLegend), drawn in a box above the graph; empty: none.
    std::vector<std::string> legend;
};

// Writes a standalone SVG of a laid-out call graph as the GUI's Graph view draws it: pprof's
// boxes (fill and border by cum share, font by flat share), edges as bezier curves with arrow
// heads (width and colour by weight, dotted when residual) and their weight labels, a <title>
// tooltip per node and edge. Text is in a monospace font, which the boxes were sized for
// (fixedWidthText), and XML-escaped. `scene` must have been laid out from `graph`.
void writeGraphSvg(const CallGraph& graph, const CallGraphScene& scene, const GraphSvgOptions& options,
                   std::ostream& out);

// Lays out `graph` with core's fixed-width text metric and writes it: `goroscope-cli graph -o OUT.svg`.
// Fails only when Graphviz does (its message).
Result<bool> writeCallGraphSvg(const CallGraph& graph, const GraphSvgOptions& options, std::ostream& out);

} // namespace gs
