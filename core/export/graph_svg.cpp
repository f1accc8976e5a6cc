// SPDX-License-Identifier: MIT
#include "core/export/graph_svg.h"

#include "core/export/flame_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gs {

namespace {

constexpr double kLegendFontSize = 12;

std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

std::string color(uint32_t rgb)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", unsigned(rgb & 0xFFFFFF));
    return buf;
}

// The arrow head as Graphviz draws it: a triangle from where the curve ends to the tip (its
// "normal" arrow: 10 points long, 7 wide at its base).
std::string arrowPolygon(const LayoutPoint& from, const LayoutPoint& tip)
{
    const double dx = tip.x - from.x;
    const double dy = tip.y - from.y;
    const double length = std::max(1e-9, std::hypot(dx, dy));
    const double nx = -dy / length * 3.5;
    const double ny = dx / length * 3.5;
    return num(tip.x) + "," + num(tip.y) + " " + num(from.x + nx) + "," + num(from.y + ny) + " " + num(from.x - nx) + ","
        + num(from.y - ny);
}

class Writer
{
public:
    Writer(const CallGraph& graph, const CallGraphScene& scene, std::ostream& out)
        : m_graph(graph)
        , m_scene(scene)
        , m_out(out)
    {
    }

    void lines(const std::vector<std::string>& text, double x, double top, double fontSize, const char* anchor)
    {
        for (size_t i = 0; i < text.size(); ++i) {
            // Lines 1.2 font sizes apart, as Graphviz spaces them; a baseline sits 0.95 font
            // sizes below its line's top, which centres the glyphs of a line.
            const double y = top + fontSize * (1.2 * double(i) + 0.95);
            m_out << "<text x=\"" << num(x) << "\" y=\"" << num(y) << "\" text-anchor=\"" << anchor
                  << "\" font-size=\"" << num(fontSize) << "\" xml:space=\"preserve\">";
            writeXmlEscaped(m_out, text[i]);
            m_out << "</text>\n";
        }
    }

    void legend(const std::vector<std::string>& text, double height)
    {
        if (text.empty())
            return;
        double width = 0;
        const GraphTextMetrics metrics = fixedWidthText();
        for (const std::string& line : text)
            width = std::max(width, metrics.width(line, kLegendFontSize));
        m_out << "<g class=\"legend\"><rect x=\"8\" y=\"8\" width=\"" << num(width + 16) << "\" height=\"" << num(height - 16)
              << "\" fill=\"#f8f8f8\" stroke=\"#000000\"/>\n";
        lines(text, 16, 12, kLegendFontSize, "start");
        m_out << "</g>\n";
    }

    void edges()
    {
        for (const CallGraphScene::Edge& e : m_scene.edges) {
            const CallGraphEdge& edge = m_graph.edges[e.edge];
            m_out << "<g class=\"edge\"><title>";
            writeXmlEscaped(m_out, m_graph.nodes[edge.from].name + " -> " + m_graph.nodes[edge.to].name + " ("
                                       + m_graph.formatValue(edge.weight) + ")");
            m_out << "</title>\n";
            if (!e.points.empty()) {
                m_out << "<path fill=\"none\" stroke=\"" << color(e.color) << "\" stroke-width=\"" << num(e.penWidth) << "\"";
                if (e.residual)
                    m_out << " stroke-dasharray=\"1,5\"";
                m_out << " d=\"M" << num(e.points[0].x) << "," << num(e.points[0].y);
                for (size_t i = 1; i + 2 < e.points.size(); i += 3) {
                    m_out << " C" << num(e.points[i].x) << "," << num(e.points[i].y) << " " << num(e.points[i + 1].x) << ","
                          << num(e.points[i + 1].y) << " " << num(e.points[i + 2].x) << "," << num(e.points[i + 2].y);
                }
                m_out << "\"/>\n";
                if (e.arrowTip) {
                    m_out << "<polygon fill=\"" << color(e.color) << "\" stroke=\"" << color(e.color) << "\" stroke-width=\""
                          << num(e.penWidth) << "\" points=\"" << arrowPolygon(e.points.back(), *e.arrowTip) << "\"/>\n";
                }
            }
            if (e.labelCentre) {
                const double top = e.labelCentre->y - double(e.labelLines.size()) * m_scene.edgeFontSize * 1.2 / 2;
                lines(e.labelLines, e.labelCentre->x, top, m_scene.edgeFontSize, "middle");
            }
            m_out << "</g>\n";
        }
    }

    void nodes()
    {
        for (const CallGraphScene::Node& n : m_scene.nodes) {
            const CallGraphNode& node = m_graph.nodes[n.node];
            m_out << "<g class=\"node\"><title>";
            writeXmlEscaped(m_out, node.name + " (" + m_graph.formatValue(node.cum) + ")");
            m_out << "</title>\n<rect x=\"" << num(n.centre.x - n.width / 2) << "\" y=\"" << num(n.centre.y - n.height / 2)
                  << "\" width=\"" << num(n.width) << "\" height=\"" << num(n.height) << "\" fill=\"" << color(n.fill)
                  << "\" stroke=\"" << color(n.border) << "\"/>\n";
            const double top = n.centre.y - double(n.lines.size()) * n.fontSize * 1.2 / 2;
            lines(n.lines, n.centre.x, top, n.fontSize, "middle");
            m_out << "</g>\n";
        }
    }

private:
    const CallGraph& m_graph;
    const CallGraphScene& m_scene;
    std::ostream& m_out;
};

} // namespace

void writeGraphSvg(const CallGraph& graph, const CallGraphScene& scene, const GraphSvgOptions& options, std::ostream& out)
{
    const double legendHeight
        = options.legend.empty() ? 0 : double(options.legend.size()) * kLegendFontSize * 1.2 + 8 + 16;
    double width = scene.width;
    const GraphTextMetrics metrics = fixedWidthText();
    for (const std::string& line : options.legend)
        width = std::max(width, metrics.width(line, kLegendFontSize) + 32);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" << num(width) << "\" height=\""
        << num(scene.height + legendHeight) << "\" viewBox=\"0 0 " << num(width) << " " << num(scene.height + legendHeight)
        << "\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\">\n"
        << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    Writer writer(graph, scene, out);
    writer.legend(options.legend, legendHeight);
    out << "<g transform=\"translate(0," << num(legendHeight) << ")\">\n";
    // Edges first, so boxes cover the ends of the curves as in pprof's pictures.
    writer.edges();
    writer.nodes();
    out << "</g>\n</svg>\n";
}

Result<bool> writeCallGraphSvg(const CallGraph& graph, const GraphSvgOptions& options, std::ostream& out)
{
    Result<CallGraphScene> scene = layoutCallGraph(graph, fixedWidthText());
    if (!scene)
        return scene.error();
    writeGraphSvg(graph, *scene, options, out);
    return true;
}

} // namespace gs
