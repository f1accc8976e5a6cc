// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/flame_tree.h"

#include <cstdint>
#include <span>
#include <vector>

namespace gs::ui {

// One box of the flame graph: a tree node, or a grey "N more" block standing for the children of
// `node` that were too narrow to draw. x0/x1 are fractions of the layout root's total, so a resize
// only re-runs the (cheap) merge decision, never the tree build.
struct FlameRect
{
    uint32_t node = 0;        // the tree node; for a merged block, the parent of the merged children
    uint32_t depth = 0;       // rows below the layout root (the root is row 0)
    double x0 = 0;
    double x1 = 0;
    uint32_t mergedCount = 0; // 0 for a real frame; N for a block that merges N narrow children
    int64_t mergedTotal = 0;  // sum of the merged children's totals

    bool isMerged() const { return mergedCount > 0; }
};

// Turns (tree, root node, width in pixels) into a flat list of rectangles, breadth-first, so that
// rows are contiguous and each row is sorted by x. Children narrower than `minPx` are folded into
// one merged block per parent placed after the wide siblings: widths stay proportional to totals
// and nothing is dropped from a parent's extent. Nodes with a zero total (paths only present in a
// diff base) take no room. Cost is O(emitted rectangles), bounded by the pixels, not the tree size.
class FlameLayout
{
public:
    static constexpr double kDefaultMinPx = 2.0;

    static FlameLayout compute(const FlameTree& tree, uint32_t root, double widthPx,
                               double minPx = kDefaultMinPx);

    std::span<const FlameRect> rects() const { return m_rects; }
    uint32_t root() const { return m_root; }
    // Number of rows holding at least one rectangle.
    uint32_t rowCount() const { return uint32_t(m_rowStart.size()) - 1; }
    // The rectangles of one row, sorted by x.
    std::span<const FlameRect> row(uint32_t depth) const;
    // Index into rects() of the rectangle covering fraction x on row `depth`, or -1.
    int hitTest(uint32_t depth, double x) const;
    // Index into rects() of the rectangle of tree node `node` (not merged blocks), or -1.
    int indexOfNode(uint32_t node) const;

private:
    std::vector<FlameRect> m_rects;
    std::vector<uint32_t> m_rowStart {0}; // rows() + 1 offsets into m_rects
    uint32_t m_root = 0;
};

// Depth of the deepest node below `root`, relative to it (0 for a leaf). Linear in the tree size;
// used to size the widget so its height does not change with the width.
uint32_t subtreeDepth(const FlameTree& tree, uint32_t root);

} // namespace gs::ui
