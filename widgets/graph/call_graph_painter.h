// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/call_graph.h"
#include "core/layout/call_graph_layout.h"

#include <QFont>

#include <cstdint>
#include <optional>
#include <vector>

class QPainter;

namespace gs::ui {

// What one paint of a laid-out call graph shows besides the graph: the search's matches and the
// selected and hovered nodes.
struct CallGraphHighlight
{
    std::vector<uint8_t> matches;      // per node: 1 when it matches the search; empty: no search
    std::optional<uint32_t> selected;  // a node index
    std::optional<uint32_t> hovered;
};

// The font the graph's text is drawn in at `size` scene units (points, pixels at zoom 1): the
// application's family, unhinted, so text measured at one size scales with the zoom without
// outgrowing its box.
QFont callGraphFont(const QFont& base, double size);

// Measures text with callGraphFont, for layoutCallGraph. Usable on a worker thread (it copies the font).
GraphTextMetrics callGraphTextMetrics(const QFont& base);

// Paints a scene in its own coordinates (points; the caller's transform maps them to the
// device), as pprof draws its graph: edges under boxes, arrow heads, weight labels, dotted
// residual edges. A search dims the nodes it does not match and rings those it does; the
// selected node gets a thick blue border. One function for the screen and every export.
void paintCallGraph(QPainter& painter, const CallGraph& graph, const CallGraphScene& scene,
                    const CallGraphHighlight& highlight, const QFont& base);

} // namespace gs::ui
