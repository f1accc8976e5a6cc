// SPDX-License-Identifier: MIT
#include "widgets/flamegraph/flame_painter.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"
#include "widgets/flamegraph/flame_palette.h"
#include "widgets/flamegraph/frame_text.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace gs::ui {

QRect FlameGeometry::rectFor(const FlameRect& r) const
{
    const double w = m_area.width();
    const int left = m_area.left() + int(std::floor(r.x0 * w + 0.5));
    const int right = m_area.left() + int(std::floor(r.x1 * w + 0.5));
    return QRect(left, rowTop(r.depth), std::max(1, right - left), kRowHeight);
}

int FlameGeometry::rowTop(uint32_t depth) const
{
    if (m_orientation == FlameOrientation::Icicle)
        return m_area.top() + int(depth) * kRowHeight;
    return m_area.top() + m_area.height() - int(depth + 1) * kRowHeight;
}

int FlameGeometry::depthAt(int y) const
{
    const int offset = m_orientation == FlameOrientation::Icicle ? y - m_area.top()
                                                                  : m_area.top() + m_area.height() - 1 - y;
    if (offset < 0 || y < m_area.top() || y > m_area.bottom())
        return -1;
    return offset / kRowHeight;
}

double FlameGeometry::fractionAt(int x) const
{
    if (m_area.width() <= 0)
        return 0;
    return (double(x - m_area.left()) + 0.5) / double(m_area.width());
}

namespace {

QString frameLabel(const FlameRenderInput& in, const FlameRect& r, const QFontMetrics& fm, int room)
{
    if (r.isMerged()) {
        const QString more = QCoreApplication::translate("gs::ui::FlameGraph", "%n more", nullptr, int(r.mergedCount));
        return fm.horizontalAdvance(more) <= room ? more : QString();
    }
    if (r.node == 0) {
        const FlameTree::Node& root = in.tree->node(0);
        QString full = QCoreApplication::translate("gs::ui::FlameGraph", "all \u2014 %1").arg(formatValue(root.total, in.unit));
        if (in.tree->isDiff())
            full += QCoreApplication::translate("gs::ui::FlameGraph", "   (base %1, change %2)")
                        .arg(formatValue(root.baseTotal, in.unit), formatDelta(root.total - root.baseTotal, in.unit));
        return fm.horizontalAdvance(full) <= room ? full : QCoreApplication::translate("gs::ui::FlameGraph", "all");
    }
    const FlameTree::Node& n = in.tree->node(r.node);
    const std::string_view name = in.symbols->functionName(n.function);
    if (r.depth == 0) {
        // The zoom root says how much of everything it holds, when there is room.
        const double all = double(in.tree->node(0).total);
        const QString full = QStringLiteral("%1 \u2014 %2 (%3)")
                                 .arg(captureText(name), formatValue(n.total, in.unit),
                                      formatPercent(all > 0 ? double(n.total) / all : 0.0));
        if (fm.horizontalAdvance(full) <= room)
            return full;
    }
    return fittedFunctionName(name, fm, room);
}

QColor fillFor(const FlameRenderInput& in, const FlameRect& r)
{
    if (r.isMerged())
        return flame_palette::mergedColor();
    if (r.node == 0)
        return flame_palette::rootColor();
    const FlameTree::Node& n = in.tree->node(r.node);
    QColor c = in.tree->isDiff() ? flame_palette::diffColor(n.total, n.baseTotal)
                                 : flame_palette::frameColor(in.symbols->functionName(n.function));
    if (!in.searchMatches.empty())
        c = in.searchMatches[r.node] ? flame_palette::searchMatchColor() : flame_palette::faded(c);
    return c;
}

} // namespace

void paintFlame(QPainter& painter, const QRect& area, const QRect& exposed, const FlameRenderInput& in)
{
    if (!in.tree || !in.symbols || !in.layout)
        return;
    const FlameGeometry geometry(area, in.orientation);
    const FlameLayout& layout = *in.layout;
    const QFontMetrics fm = painter.fontMetrics();
    const int textBaseline = (FlameGeometry::kRowHeight - 1 + fm.ascent() - fm.descent()) / 2;
    constexpr int kTextPadding = 4;
    constexpr int kMinTextWidth = 3 * kTextPadding + 8;

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    const auto rects = layout.rects();
    for (uint32_t depth = 0; depth < layout.rowCount(); ++depth) {
        const int top = geometry.rowTop(depth);
        if (top > exposed.bottom() || top + FlameGeometry::kRowHeight <= exposed.top())
            continue;
        for (const FlameRect& r : layout.row(depth)) {
            const QRect box = geometry.rectFor(r);
            if (box.right() < exposed.left() || box.left() > exposed.right())
                continue;
            // A 1 px gap right and below separates neighbours without drawing outlines.
            const QRect body(box.left(), box.top(), box.width() > 2 ? box.width() - 1 : box.width(), box.height() - 1);
            const int index = int(&r - rects.data());
            QColor fill = fillFor(in, r);
            if (index == in.hoveredRect)
                fill = fill.lighter(112);
            painter.fillRect(body, fill);

            const bool selected = !r.isMerged() && r.node != 0 && in.selectedFunction
                && in.tree->node(r.node).function == *in.selectedFunction;
            if (selected || index == in.hoveredRect) {
                painter.setPen(QPen(selected ? QColor(20, 20, 20) : QColor(90, 90, 90), selected ? 2 : 1));
                painter.setBrush(Qt::NoBrush);
                const int inset = selected ? 1 : 0;
                painter.drawRect(body.adjusted(inset, inset, -1, -1));
            }
            if (body.width() >= kMinTextWidth) {
                const QString label = frameLabel(in, r, fm, body.width() - 2 * kTextPadding);
                if (!label.isEmpty()) {
                    painter.setPen(flame_palette::textColorOn(fill));
                    painter.drawText(body.left() + kTextPadding, body.top() + textBaseline, label);
                }
            }
        }
    }
    painter.restore();
}

} // namespace gs::ui
