// SPDX-License-Identifier: MIT
#include "core/layout/call_graph_layout.h"

#include <algorithm>

namespace gs {

namespace {

// Graphviz's default margins inside a box node (0.11 by 0.055 inch), so boxes look as pprof's.
constexpr double kNodePadX = 8;
constexpr double kNodePadY = 4;
// Room around the picture, so borders and arrow tips at its edge are not cut.
constexpr double kMargin = 8;

size_t codePoints(std::string_view text)
{
    // Every byte that is not a UTF-8 continuation byte starts a character.
    return size_t(std::count_if(text.begin(), text.end(), [](char c) { return (uint8_t(c) & 0xC0) != 0x80; }));
}

struct Block
{
    double width = 0;
    double height = 0;
};

Block measure(const std::vector<std::string>& lines, double fontSize, const GraphTextMetrics& metrics)
{
    Block b;
    for (const std::string& line : lines)
        b.width = std::max(b.width, metrics.width(line, fontSize));
    b.height = double(lines.size()) * fontSize * metrics.lineSpacing;
    return b;
}

LayoutPoint shifted(LayoutPoint p)
{
    return {p.x + kMargin, p.y + kMargin};
}

} // namespace

GraphTextMetrics fixedWidthText()
{
    return {[](std::string_view line, double fontSize) { return 0.6 * fontSize * double(codePoints(line)); }, 1.2};
}

Result<CallGraphScene> layoutCallGraph(const CallGraph& graph, const GraphTextMetrics& metrics)
{
    CallGraphScene scene;
    scene.edgeFontSize = kGraphEdgeFontSize;
    scene.margin = kMargin;
    DotGraphInput input;
    scene.nodes.reserve(graph.nodes.size());
    for (size_t i = 0; i < graph.nodes.size(); ++i) {
        const CallGraphNode& n = graph.nodes[i];
        CallGraphScene::Node node;
        node.node = uint32_t(i);
        node.fontSize = graph.fontSize(n);
        node.lines = graph.labelLines(n);
        const double share = graph.share(n.cum);
        node.fill = callGraphColor(share, true);
        node.border = callGraphColor(share, false);
        const Block text = measure(node.lines, node.fontSize, metrics);
        input.nodes.push_back({text.width + 2 * kNodePadX, text.height + 2 * kNodePadY});
        scene.nodes.push_back(std::move(node));
    }
    scene.edges.reserve(graph.edges.size());
    for (size_t i = 0; i < graph.edges.size(); ++i) {
        const CallGraphEdge& e = graph.edges[i];
        CallGraphScene::Edge edge;
        edge.edge = uint32_t(i);
        // pprof puts a space before the weight, and "(inline)" on a line of its own.
        edge.labelLines.push_back(" " + graph.formatValue(e.weight));
        if (e.inlined)
            edge.labelLines.emplace_back(" (inline)");
        edge.penWidth = graph.penWidth(e);
        edge.color = callGraphColor(graph.share(e.weight), false);
        edge.residual = e.residual;
        const Block label = measure(edge.labelLines, kGraphEdgeFontSize, metrics);
        input.edges.push_back({e.from, e.to, graph.layoutWeight(e), label.width, label.height});
        scene.edges.push_back(std::move(edge));
    }

    Result<DotLayout> laid = layoutDot(input);
    if (!laid)
        return laid.error();
    for (size_t i = 0; i < scene.nodes.size(); ++i) {
        const DotLayout::Node& n = laid->nodes[i];
        scene.nodes[i].centre = shifted(n.centre);
        scene.nodes[i].width = n.width;
        scene.nodes[i].height = n.height;
    }
    for (size_t i = 0; i < scene.edges.size(); ++i) {
        DotLayout::Edge& e = laid->edges[i];
        CallGraphScene::Edge& edge = scene.edges[i];
        edge.points.reserve(e.points.size());
        for (const LayoutPoint& p : e.points)
            edge.points.push_back(shifted(p));
        if (e.arrowTip)
            edge.arrowTip = shifted(*e.arrowTip);
        if (e.labelCentre)
            edge.labelCentre = shifted(*e.labelCentre);
    }
    scene.width = laid->width + 2 * kMargin;
    scene.height = laid->height + 2 * kMargin;
    return scene;
}

} // namespace gs
