// SPDX-License-Identifier: MIT
#include "widgets/graph/call_graph_painter.h"

#include "widgets/common/capture_display.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace gs::ui {

namespace {

const QColor kText(0, 0, 0);
const QColor kSelected(0x1a, 0x73, 0xe8);
const QColor kMatch(0xff, 0x98, 0x00);
constexpr double kDimmed = 0.3; // opacity of what a search does not match

QColor rgb(uint32_t value)
{
    return QColor::fromRgb(QRgb(0xFF000000u | value));
}

QPointF at(const LayoutPoint& p)
{
    return {p.x, p.y};
}

void drawLines(QPainter& painter, const std::vector<std::string>& lines, QPointF centre, double fontSize,
               const QFont& base)
{
    const QFont font = callGraphFont(base, fontSize);
    painter.setFont(font);
    const double lineHeight = fontSize * 1.2;
    double top = centre.y() - double(lines.size()) * lineHeight / 2;
    for (const std::string& line : lines) {
        const QRectF box(centre.x() - 4000, top, 8000, lineHeight);
        // Names come from the profile: shown as plain text, control characters escaped.
        painter.drawText(box, Qt::AlignCenter | Qt::TextDontClip, captureText(line));
        top += lineHeight;
    }
}

void paintArrow(QPainter& painter, QPointF from, QPointF tip, const QColor& color)
{
    const QPointF d = tip - from;
    const double length = std::max(1e-9, std::hypot(d.x(), d.y()));
    const QPointF normal(-d.y() / length * 3.5, d.x() / length * 3.5);
    painter.setBrush(color);
    painter.drawPolygon(QPolygonF({tip, from + normal, from - normal}));
}

void paintEdges(QPainter& painter, const CallGraph& graph, const CallGraphScene& scene,
                const CallGraphHighlight& highlight, const QFont& base)
{
    const bool searching = !highlight.matches.empty();
    for (const CallGraphScene::Edge& e : scene.edges) {
        if (e.points.empty())
            continue;
        const CallGraphEdge& edge = graph.edges[e.edge];
        const bool touchesMatch = !searching || (highlight.matches[edge.from] && highlight.matches[edge.to]);
        painter.setOpacity(touchesMatch ? 1.0 : kDimmed);
        const QColor color = rgb(e.color);
        QPainterPath path(at(e.points[0]));
        for (size_t i = 1; i + 2 < e.points.size(); i += 3)
            path.cubicTo(at(e.points[i]), at(e.points[i + 1]), at(e.points[i + 2]));
        QPen pen(color, e.penWidth);
        pen.setStyle(e.residual ? Qt::DotLine : Qt::SolidLine);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        if (e.arrowTip) {
            painter.setPen(QPen(color, e.penWidth));
            paintArrow(painter, at(e.points.back()), at(*e.arrowTip), color);
        }
        if (e.labelCentre) {
            painter.setPen(kText);
            drawLines(painter, e.labelLines, at(*e.labelCentre), scene.edgeFontSize, base);
        }
    }
    painter.setOpacity(1.0);
}

void paintNodes(QPainter& painter, const CallGraphScene& scene, const CallGraphHighlight& highlight, const QFont& base)
{
    const bool searching = !highlight.matches.empty();
    for (const CallGraphScene::Node& n : scene.nodes) {
        const QRectF box(n.centre.x - n.width / 2, n.centre.y - n.height / 2, n.width, n.height);
        const bool match = searching && highlight.matches[n.node];
        painter.setOpacity(!searching || match ? 1.0 : kDimmed);
        if (match) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(kMatch);
            painter.drawRect(box.adjusted(-4, -4, 4, 4));
        }
        QPen border(rgb(n.border), 1);
        if (highlight.selected == n.node)
            border = QPen(kSelected, 4);
        else if (highlight.hovered == n.node)
            border.setWidthF(2.5);
        painter.setPen(border);
        painter.setBrush(rgb(n.fill));
        painter.drawRect(box);
        painter.setPen(kText);
        drawLines(painter, n.lines, box.center(), n.fontSize, base);
    }
    painter.setOpacity(1.0);
}

} // namespace

QFont callGraphFont(const QFont& base, double size)
{
    QFont font = base;
    // Pixels, not points: one scene unit per pixel on every device (a screen, an image, an SVG
    // generator of any resolution), so the text measured is the text drawn.
    font.setPixelSize(std::max(1, int(std::lround(size))));
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

GraphTextMetrics callGraphTextMetrics(const QFont& base)
{
    GraphTextMetrics metrics;
    metrics.width = [base](std::string_view line, double fontSize) {
        const QFontMetricsF fm(callGraphFont(base, fontSize));
        return fm.horizontalAdvance(captureText(line));
    };
    return metrics;
}

void paintCallGraph(QPainter& painter, const CallGraph& graph, const CallGraphScene& scene,
                    const CallGraphHighlight& highlight, const QFont& base)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    // pprof's graph is drawn on white: its pale fills and black text need it, in either theme.
    painter.fillRect(QRectF(0, 0, scene.width, scene.height), Qt::white);
    // Edges first, so boxes cover the curves' ends.
    paintEdges(painter, graph, scene, highlight, base);
    paintNodes(painter, scene, highlight, base);
    painter.restore();
}

} // namespace gs::ui
