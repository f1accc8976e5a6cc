// SPDX-License-Identifier: MIT
#include "core/export/graph_dot.h"

#include <cstdio>

namespace gs {

namespace {

// A tag box's text: its labels, one per line, as pprof joins them.
std::string tagText(std::string_view label)
{
    std::string out;
    for (char c : label) {
        if (c == '\n')
            out += "\\n";
        else if (c == '"' || c == '\\')
            out += std::string("\\") + c;
        else
            out += c;
    }
    return out;
}

std::string nodeLabel(const CallGraph& graph, const CallGraphNode& node)
{
    std::string label;
    for (const std::string& line : node.nameLines)
        label += dotEscape(line) + "\\n";
    const std::vector<std::string> all = graph.labelLines(node);
    for (size_t i = node.nameLines.size(); i < all.size(); ++i)
        label += (i > node.nameLines.size() ? "\\n" : "") + all[i];
    return label;
}

void writeNode(const CallGraph& graph, const CallGraphNode& node, size_t id, std::ostream& out)
{
    const double share = graph.share(node.cum);
    out << 'N' << id << " [label=\"" << nodeLabel(graph, node) << "\" id=\"node" << id << "\" fontsize="
        << graph.fontSize(node) << " shape=box tooltip=\"" << dotEscape(node.name) << " ("
        << graph.formatValue(node.cum) << ")\" color=\"" << htmlColor(callGraphColor(share, false))
        << "\" fillcolor=\"" << htmlColor(callGraphColor(share, true)) << "\"]\n";
}

// pprof's ids of tag boxes: N3_1 for a string tag, NN3_0 for a size under the node, NN3_1_0 for
// a size under string tag 1.
std::string tagId(const CallGraphNode& node, size_t nodeId, const CallGraphTag& tag)
{
    std::string id = "N" + std::to_string(nodeId);
    if (tag.parent >= 0)
        id += "_" + std::to_string(node.tags[size_t(tag.parent)].index);
    if (tag.numeric)
        id = "N" + id;
    return id + "_" + std::to_string(tag.index);
}

void writeTags(const CallGraph& graph, const CallGraphNode& node, size_t nodeId, std::ostream& out)
{
    for (const CallGraphTag& tag : node.tags) {
        const std::string id = tagId(node, nodeId, tag);
        const std::string weight = graph.formatValue(tag.weight);
        std::string from = "N" + std::to_string(nodeId);
        if (tag.parent >= 0)
            from = tagId(node, nodeId, node.tags[size_t(tag.parent)]);
        out << id << " [label = \"" << tagText(tag.label) << "\" id=\"" << id
            << "\" fontsize=8 shape=box3d tooltip=\"" << weight << "\"]\n";
        out << from << " -> " << id << " [label=\" " << weight << "\" weight=100 tooltip=\"" << weight
            << "\" labeltooltip=\"" << weight << '"' << (tag.dotted ? " style=\"dotted\"" : "") << "]\n";
    }
}

void writeEdge(const CallGraph& graph, const CallGraphEdge& edge, std::ostream& out)
{
    const std::string w = graph.formatValue(edge.weight);
    out << 'N' << edge.from + 1 << " -> N" << edge.to + 1 << " [label=\" " << w << (edge.inlined ? "\\n (inline)" : "")
        << '"';
    if (graph.total != 0) {
        if (const int weight = graph.layoutWeight(edge); weight > 1)
            out << " weight=" << weight;
        if (const int width = graph.penWidth(edge); width > 1)
            out << " penwidth=" << width;
        out << " color=\"" << htmlColor(callGraphColor(graph.share(edge.weight), false)) << '"';
    }
    const std::string tooltip = "\"" + dotEscape(graph.nodes[edge.from].name) + (edge.residual ? " ... " : " -> ")
                                + dotEscape(graph.nodes[edge.to].name) + " (" + w + ")\"";
    out << " tooltip=" << tooltip << " labeltooltip=" << tooltip;
    if (edge.residual)
        out << " style=\"dotted\"";
    if (!graph.nodes[edge.from].tags.empty())
        out << " minlen=2"; // pprof separates children further when the caller has tag boxes
    out << "]\n";
}

} // namespace

std::string dotEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n')
            out += "\\l";
        else
            out += c;
    }
    return out;
}

std::string htmlColor(uint32_t rgb)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", rgb & 0xffffffu);
    return buf;
}

void writeGraphDot(const CallGraph& graph, const std::vector<std::string>& legend, const std::string& title,
                   std::ostream& out)
{
    out << "digraph \"" << (title.empty() ? "unnamed" : title) << "\" {\n";
    out << "node [style=filled fillcolor=\"#f8f8f8\"]\n";
    if (!legend.empty()) {
        out << "subgraph cluster_L { \"" << dotEscape(legend.front()) << "\" [shape=box fontsize=16 label=\"";
        for (const std::string& line : legend)
            out << dotEscape(line) << "\\l";
        out << '"';
        if (!title.empty())
            out << " tooltip=\"" << title << '"';
        out << "] }\n";
    }
    for (size_t i = 0; i < graph.nodes.size(); ++i) {
        writeNode(graph, graph.nodes[i], i + 1, out);
        writeTags(graph, graph.nodes[i], i + 1, out);
    }
    for (const CallGraphEdge& edge : graph.edges)
        writeEdge(graph, edge, out);
    out << "}\n";
}

} // namespace gs
