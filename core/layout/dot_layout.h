// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace gs {

// A point in a laid-out graph, in points (1/72 inch), y growing downwards from the top-left
// corner of the graph's bounding box, as a screen or an SVG draws it.
struct LayoutPoint
{
    double x = 0;
    double y = 0;
};

// What the layout is asked to place. Sizes are in points; the caller measures its own text
// (Graphviz never sees a label's text, so its font metrics cannot disagree with the renderer's).
struct DotGraphInput
{
    struct Node
    {
        double width = 0;
        double height = 0;
    };
    struct Edge
    {
        uint32_t tail = 0; // index into nodes: the caller
        uint32_t head = 0; // the callee
        // Graphviz's edge weight: heavier edges are kept shorter and straighter (pprof gives its
        // heavy edges more weight the same way). At least 1.
        int weight = 1;
        // The size of the edge's label; 0 by 0 for none.
        double labelWidth = 0;
        double labelHeight = 0;
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    // Space between ranks and between nodes of one rank, in points (Graphviz's defaults are
    // 36 and 18; pprof keeps them).
    double rankSeparation = 36;
    double nodeSeparation = 18;
};

// Where the layout put everything, index for index with the input.
struct DotLayout
{
    struct Node
    {
        LayoutPoint centre;
        double width = 0;
        double height = 0;
    };
    struct Edge
    {
        // A cubic B-spline as Graphviz gives it: the first point, then three per segment
        // (control, control, end). It starts at the tail node's border and ends where the arrow
        // begins; the arrow's tip is `arrowTip` on the head node's border.
        std::vector<LayoutPoint> points;
        std::optional<LayoutPoint> arrowTip;
        std::optional<LayoutPoint> labelCentre; // set when the edge has a label
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    double width = 0; // the bounding box, whose top-left is (0, 0)
    double height = 0;
};

// Lays out a directed graph with Graphviz's dot algorithm (ranks top to bottom: a caller sits
// above its callees unless a cycle makes that impossible), in process through libgvc/libcgraph.
// Safe to call from any thread: calls are serialised, because Graphviz keeps global state (its
// error handler and buffers, the layout's static tables) that concurrent layouts would share.
// Fails with a one-line message on an edge naming a missing node, a non-finite size, or an error
// Graphviz reports; never throws or aborts on bad input.
Result<DotLayout> layoutDot(const DotGraphInput& graph);

} // namespace gs
