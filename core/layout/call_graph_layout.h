// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/call_graph.h"
#include "core/base/error.h"
#include "core/layout/dot_layout.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

// How wide a line of text is at a font size, both in points. The GUI measures with its font;
// core, which has no fonts, estimates (fixedWidthText).
struct GraphTextMetrics
{
    std::function<double(std::string_view line, double fontSize)> width;
    double lineSpacing = 1.2; // a line's height as a multiple of the font size (Graphviz's)
};

// A fixed width per character (0.6 of the font size, a monospace font's), counting UTF-8 code
// points: what the SVG export sizes its boxes by, drawing the text in a monospace font so it fits.
GraphTextMetrics fixedWidthText();

// A call graph placed by Graphviz's dot and styled as pprof draws it: everything a painter needs,
// in points with y down from the top-left of the bounding box. Shared by the GUI's Graph view and
// the SVG export, so both draw the same picture. A plain value, immutable once built.
struct CallGraphScene
{
    struct Node
    {
        uint32_t node = 0;   // index in CallGraph::nodes
        LayoutPoint centre;
        double width = 0;
        double height = 0;
        int fontSize = 8;    // points, as pprof sizes it by flat
        std::vector<std::string> lines;
        uint32_t fill = 0;   // 0xRRGGBB, by cum share
        uint32_t border = 0; // 0xRRGGBB, the same share's strong colour (the text is black, as pprof's)
    };
    struct Edge
    {
        uint32_t edge = 0; // index in CallGraph::edges
        std::vector<LayoutPoint> points; // cubic B-spline: 1 + 3n points, tail to where the arrow starts
        std::optional<LayoutPoint> arrowTip;
        std::optional<LayoutPoint> labelCentre;
        std::vector<std::string> labelLines; // the weight, then "(inline)" for an inlined call
        double penWidth = 1; // points
        uint32_t color = 0;  // 0xRRGGBB, by weight share
        bool residual = false; // through dropped nodes: drawn dotted
    };

    std::vector<Node> nodes; // index for index with CallGraph::nodes
    std::vector<Edge> edges; // index for index with CallGraph::edges
    double width = 0;
    double height = 0;
    double edgeFontSize = 0;
    double margin = 0; // empty space around the bounding box, included in width and height
};

// The edge labels' font size (points).
constexpr double kGraphEdgeFontSize = 12;

// Measures, lays out (layoutDot: the caller above its callees, heavier edges shorter) and styles
// a call graph. Runs Graphviz: call it off the GUI thread. Fails with Graphviz's one-line message.
Result<CallGraphScene> layoutCallGraph(const CallGraph& graph, const GraphTextMetrics& metrics);

} // namespace gs
