// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/granularity.h"
#include "core/base/error.h"
#include "core/model/event_store.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gs {

// pprof's call graph (the Graph view, -dot, -svg), built the way pprof's report builds it for a
// visual output: nodes whose cum is under nodeFraction of the shown weight are dropped and the
// graph rebuilt without them (calls through a dropped node become residual edges), nodes are ranked
// by pprof's "entropy" score and the first nodeCount kept (a node's tag boxes count towards
// nodeCount, as pprof counts them), calls under edgeFraction are dropped, and a residual edge is
// removed when its target is reachable from its source another way.
//
// Tags: pprof hangs boxes ("nodelets") off a node for the sample labels, since `go tool pprof -dot`
// draws them on our profiles (worker:a / worker:b on the CPU profile, allocation sizes on heap
// profiles), and they change which nodes nodeCount keeps. They are modelled: string labels of a
// sample joined into one tag ("k1:v1\nk2:v2", sorted), at most four per node, and the numeric
// `bytes` label (the only numeric label pprof keeps in a graph), collapsed into at most four size
// ranges ("1kB..2kB"), under the node or under a string tag when the sample had both.

// pprof's defaults for its graph outputs.
struct CallGraphOptions
{
    size_t nodeCount = 80;       // keep at most this many nodes; 0: no limit
    double nodeFraction = 0.005; // drop nodes with |cum| under this share of the shown weight
    double edgeFraction = 0.001; // drop edges with |weight| under this share of the shown weight
};

// What the graph is built from: one sample type of a profile's samples, some of them, at a
// granularity.
struct CallGraphInput
{
    // A store with a profile. For a granularity other than functions, regroupProfile's output (its
    // functions are the report's nodes, named as pprof prints them).
    const EventStore* store = nullptr;
    // The granularity `store` is at: tells how a node's printed name splits into label lines
    // (address, function, file:line).
    Granularity granularity = Granularity::Functions;
    size_t sampleType = 0;
    // Per sample of the store's profile, 1 to count it: selectProfileStacks' keptSamples (focus,
    // ignore and tag filters applied). Null: every sample.
    const std::vector<uint8_t>* samples = nullptr;
    // Per FunctionId of the store, functions whose frames are removed (WeightedStacks'
    // hiddenFunctions, pprof's -hide). Null or empty: none.
    const std::vector<uint8_t>* hidden = nullptr;
    // What percentages are of: pprof's report total, sampleTypeTotal() (every sample of the type,
    // before filters).
    int64_t total = 0;
};

// A tag box under a node (pprof's nodelet).
struct CallGraphTag
{
    std::string label;   // "worker:a", "role:x\nworker:b" (several labels), "64B", "1kB..8kB"
    int64_t weight = 0;  // the samples' weight the box shows (never 0: such boxes are left out)
    bool numeric = false; // an allocation-size box
    // A numeric box that shows cumulative weight on a node with callees: pprof draws its edge dotted.
    bool dotted = false;
    // Numeric boxes under a string tag: index of that tag in CallGraphNode::tags; -1 under the node.
    int32_t parent = -1;
    // pprof's index of the box among its siblings (N3_<index>, NN3_<index>, NN3_0_<index> in DOT);
    // not dense: pprof skips the number of a box it leaves out.
    uint32_t index = 0;
};

struct CallGraphNode
{
    FunctionId function = 0; // in CallGraphInput::store: for selection in step with other views
    std::string name;        // pprof's printable name: "main.fib", "main.fib main.go:41", "main.go"
    // The name as pprof draws it, one entry per line: "main", "fib" (the package path trimmed and
    // the name split at dots), then "main.go:41" for lines, the address first for addresses.
    std::vector<std::string> nameLines;
    int64_t flat = 0;
    int64_t cum = 0;
    // String tags first (pprof's order: heaviest first), then the numeric ones under the node.
    std::vector<CallGraphTag> tags;
};

struct CallGraphEdge
{
    uint32_t from = 0; // index in CallGraph::nodes (the caller)
    uint32_t to = 0;   // the callee
    int64_t weight = 0;
    bool residual = false; // goes through nodes that were dropped: pprof draws it dotted
    bool inlined = false;  // the call was inlined in every sample: pprof labels it "(inline)"
};

struct CallGraph
{
    std::vector<CallGraphNode> nodes; // nodes[i] is pprof's N<i+1>, in pprof's order
    std::vector<CallGraphEdge> edges; // heaviest first, then by caller and callee name, as DOT lists them
    int64_t total = 0;                // CallGraphInput::total
    std::string sampleUnit;           // the sample type's unit ("nanoseconds", "bytes", "count")
    std::string displayUnit;          // the unit pprof picks for every value of the graph ("ms", "MB", "")

    // What the legend reports.
    size_t droppedNodes = 0;     // under nodeFraction
    size_t droppedEdges = 0;     // under edgeFraction, at the last step
    size_t nodesBeforeLimit = 0; // before nodeCount was applied
    int64_t nodeCutoffLabel = 0; // nodeFraction of `total`, as pprof labels the cut-off
    int64_t edgeCutoffLabel = 0; // edgeFraction of `total`

    // The sum of the nodes' flat weight ("Showing nodes accounting for ...").
    int64_t shownTotal() const;
    // The largest |flat| of a node, which pprof scales font sizes against.
    int64_t maxFlat() const;
    // A value in the graph's unit, as pprof prints it: "330ms", "1.56MB", "12".
    std::string formatValue(int64_t value) const;
    // The whole label of a node as pprof draws it: nameLines, then "330ms (33.67%)" and
    // "of 480ms (48.98%)" ("0 of 960ms (97.96%)" on one line when the flat is 0; no "of" line
    // when cum equals flat).
    std::vector<std::string> labelLines(const CallGraphNode& node) const;
    // pprof's font size for a node: 8 to 24 points, growing with the square root of flat/maxFlat.
    int fontSize(const CallGraphNode& node) const;
    // Shares of `total` (cum for a node's colour, weight for an edge's), signed for diffs.
    double share(int64_t value) const;
    // The edge's pen width (1..6) and layout weight (1..101) pprof gives it.
    int penWidth(const CallGraphEdge& edge) const;
    int layoutWeight(const CallGraphEdge& edge) const;
};

// Builds the graph. Fails only for an input without a profile or with an out-of-range sample type.
Result<CallGraph> buildCallGraph(const CallGraphInput& input, const CallGraphOptions& options = {});

// The legend pprof writes above a graph: the profile's lines (File, Build ID, Type, Time,
// Duration), the active filters ("focus=main\\.fib"), "Showing nodes accounting for ...", what
// was dropped, "Showing top N nodes out of M".
std::vector<std::string> callGraphLegend(const CallGraph& graph, const Profile& profile, size_t sampleType,
                                         const std::vector<std::string>& activeFilters);

// pprof's colour for a share in [-1, 1] (grey near 0, red for positive, green for negative), as
// 0xRRGGBB: the darker one for borders, edges and text, the light one for a node's fill.
uint32_t callGraphColor(double share, bool background);

} // namespace gs
