// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/call_graph.h"

#include <ostream>
#include <string>
#include <vector>

namespace gs {

// Writes the call graph in Graphviz's DOT language with the structure `go tool pprof -dot` gives
// it: a legend box (the `legend` lines, as callGraphLegend makes them), nodes N1.. in the graph's
// order with pprof's labels, font sizes, colours and tooltips, each followed by its tag boxes
// (N1_0, NN1_0), then the edges heaviest first, labelled with their weight and "(inline)", residual
// ones dotted. `title` names the graph (pprof: the binary's base name), "" for "unnamed".
void writeGraphDot(const CallGraph& graph, const std::vector<std::string>& legend, const std::string& title,
                   std::ostream& out);

// The text of a DOT string for `text`: quotes and backslashes escaped, a line break made a
// left-justified one (\l), as pprof escapes names.
std::string dotEscape(std::string_view text);

// 0xRRGGBB as "#rrggbb".
std::string htmlColor(uint32_t rgb);

} // namespace gs
