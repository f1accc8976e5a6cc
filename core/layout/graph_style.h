// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

namespace gs {

// An sRGB colour, 0-255 per channel.
struct Rgb
{
    uint8_t r = 0;
    uint8_t g = 0;
    uint8_t b = 0;

    bool operator==(const Rgb&) const = default;
    std::string hex() const; // "#rrggbb"
};

// How pprof's Graph view styles a call graph, as functions of the numbers, so the GUI and the SVG
// export draw the same picture. pprof's choices:
//  - colour by share of the total: red (growth, for a diff) to grey near zero, green for a
//    negative share (a diff where the function shrank); a pale fill and a saturated border;
//  - a node's font from 8 to 24 points, growing with the square root of its flat share of the
//    largest flat value (so small nodes stay readable and hot ones stand out);
//  - an edge's pen 1-6 points wide by its share of the total, and Graphviz's weight 1-101.

// pprof's colour for `share` (clamped to -1..1): the node fill or edge label background when
// `background`, else the border, text or edge colour.
Rgb graphColor(double share, bool background);

// A node's font size in points, from its flat value and the largest |flat| of the graph.
int graphFontSize(int64_t flat, int64_t maxFlat);

// An edge's pen width in points and its Graphviz weight, from its weight and the total.
int graphEdgeWidth(int64_t weight, int64_t total);
int graphEdgeWeight(int64_t weight, int64_t total);

} // namespace gs
