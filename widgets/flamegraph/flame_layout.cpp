// SPDX-License-Identifier: MIT
#include "widgets/flamegraph/flame_layout.h"

#include <algorithm>

namespace gs::ui {

FlameLayout FlameLayout::compute(const FlameTree& tree, uint32_t root, double widthPx, double minPx)
{
    FlameLayout layout;
    layout.m_root = root;
    if (root >= tree.size() || tree.node(root).total <= 0 || widthPx <= 0)
        return layout;
    const double rootTotal = double(tree.node(root).total);
    const double minFraction = minPx / widthPx;

    layout.m_rects.push_back(FlameRect {root, 0, 0.0, 1.0, 0, 0});
    // Breadth-first over the emitted rectangles themselves: m_rects doubles as the queue, which
    // keeps rows contiguous and sorted by x without a second pass.
    for (size_t i = 0; i < layout.m_rects.size(); ++i) {
        const FlameRect parent = layout.m_rects[i];
        if (parent.isMerged())
            continue;
        double x = parent.x0;
        uint32_t mergedCount = 0;
        int64_t mergedTotal = 0;
        for (const FlameTree::Node& child : tree.children(parent.node)) {
            if (child.total <= 0)
                continue;
            const double w = double(child.total) / rootTotal;
            if (w < minFraction) {
                ++mergedCount;
                mergedTotal += child.total;
                continue;
            }
            const auto id = uint32_t(&child - tree.nodes().data());
            layout.m_rects.push_back(FlameRect {id, parent.depth + 1, x, x + w, 0, 0});
            x += w;
        }
        if (mergedCount > 0) {
            const double w = double(mergedTotal) / rootTotal;
            layout.m_rects.push_back(FlameRect {parent.node, parent.depth + 1, x, x + w, mergedCount, mergedTotal});
        }
    }
    for (size_t i = 1; i < layout.m_rects.size(); ++i) {
        if (layout.m_rects[i].depth != layout.m_rects[i - 1].depth)
            layout.m_rowStart.push_back(uint32_t(i));
    }
    layout.m_rowStart.push_back(uint32_t(layout.m_rects.size()));
    return layout;
}

std::span<const FlameRect> FlameLayout::row(uint32_t depth) const
{
    if (depth >= rowCount())
        return {};
    return std::span<const FlameRect>(m_rects).subspan(m_rowStart[depth], m_rowStart[depth + 1] - m_rowStart[depth]);
}

int FlameLayout::hitTest(uint32_t depth, double x) const
{
    const auto r = row(depth);
    auto it = std::upper_bound(r.begin(), r.end(), x, [](double v, const FlameRect& rect) { return v < rect.x0; });
    if (it == r.begin())
        return -1;
    --it;
    if (x >= it->x1)
        return -1;
    return int(m_rowStart[depth] + uint32_t(it - r.begin()));
}

int FlameLayout::indexOfNode(uint32_t node) const
{
    for (size_t i = 0; i < m_rects.size(); ++i) {
        if (m_rects[i].node == node && !m_rects[i].isMerged())
            return int(i);
    }
    return -1;
}

uint32_t subtreeDepth(const FlameTree& tree, uint32_t root)
{
    if (root >= tree.size())
        return 0;
    // Nodes are numbered breadth-first, so a parent always precedes its children.
    std::vector<uint8_t> inside(tree.size(), 0);
    inside[root] = 1;
    uint32_t deepest = tree.node(root).depth;
    for (size_t i = root + 1; i < tree.size(); ++i) {
        const FlameTree::Node& n = tree.node(uint32_t(i));
        if (n.parent != FlameTree::kNone && inside[n.parent] && n.total > 0) {
            inside[i] = 1;
            deepest = std::max(deepest, n.depth);
        }
    }
    return deepest - tree.node(root).depth;
}

} // namespace gs::ui
