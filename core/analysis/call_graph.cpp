// SPDX-License-Identifier: MIT
#include "core/analysis/call_graph.h"

#include "core/analysis/pprof_names.h"
#include "core/analysis/profile_labels.h"
#include "core/analysis/value_format.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <map>
#include <unordered_map>

namespace gs {

namespace {

constexpr uint32_t kNone = UINT32_MAX;
constexpr size_t kMaxTagBoxes = 4; // pprof's maxNodelets, for string and numeric boxes alike

int64_t abs64(int64_t v)
{
    return v < 0 ? -v : v;
}

// One counted sample, with its labels as pprof's graph reads them.
struct NumericLabel
{
    int64_t value = 0;
    std::string unit;
    std::string name; // as pprof prints it: "8kB"
};

struct GraphSample
{
    StackId stack = 0;
    int64_t weight = 0;
    uint32_t labels = 0; // index of the joined string labels in Samples::labelTexts ("" is 0)
    std::vector<NumericLabel> sizes;
};

struct Samples
{
    std::vector<GraphSample> samples;
    std::vector<std::string> labelTexts {std::string()};
};

// A tag as pprof accumulates it: named by its text, numeric ones also by value and unit.
struct Tag
{
    std::string name;
    std::string unit;
    int64_t value = 0;
    int64_t flat = 0;
    int64_t cum = 0;
};

// Ordered maps: pprof's Go maps have no order, and every place that reads them sorts by weight
// and name, so any fixed order gives pprof's result.
using TagMap = std::map<std::string, Tag>;

struct Node
{
    FunctionId function = 0;
    int64_t flat = 0;
    int64_t cum = 0;
    std::vector<uint32_t> in;  // edge ids
    std::vector<uint32_t> out; // edge ids
    std::map<uint32_t, Tag> labelTags;      // by the sample's string labels (index in labelTexts)
    std::map<uint32_t, TagMap> numericTags; // by the sample's string labels (index in labelTexts)
};

struct Edge
{
    uint32_t src = 0;
    uint32_t dst = 0;
    int64_t weight = 0;
    bool residual = false;
    bool inlined = true;
    bool removed = false;
};

struct Graph
{
    std::vector<Node> nodes;
    std::vector<Edge> edges;

    void removeEdge(uint32_t id)
    {
        Edge& e = edges[id];
        e.removed = true;
        std::erase(nodes[e.src].out, id);
        std::erase(nodes[e.dst].in, id);
    }
};

// The joined string labels of a sample, as pprof's joinLabels: "key:value" for every value,
// sorted, one per line; pprof's own "pprof::base" marker left out.
std::string joinLabels(const Profile& profile, const Symbols& symbols, size_t sample)
{
    std::vector<std::string> parts;
    for (const SampleLabel& l : profile.sampleLabels(sample)) {
        if (l.str == 0 || symbols.strings.get(l.key) == "pprof::base")
            continue;
        parts.push_back(std::string(symbols.strings.get(l.key)) + ":" + std::string(symbols.strings.get(l.str)));
    }
    std::sort(parts.begin(), parts.end());
    std::string out;
    for (const std::string& p : parts)
        out += (out.empty() ? "" : "\n") + p;
    return out;
}

// The samples to count, those with the same stack and string labels (and no sizes) summed into
// one: every sum of the graph is linear in the weights and every flag is the same for both, so
// the graph is the same, built from fewer samples. Kept in the order of their first occurrence,
// which the first value of a numeric tag depends on.
Samples collectSamples(const CallGraphInput& input)
{
    const Profile& profile = *input.store->profile;
    const Symbols& symbols = input.store->symbols;
    Samples out;
    std::unordered_map<std::string, uint32_t> labelIndex {{std::string(), 0}};
    std::unordered_map<uint64_t, size_t> merged; // stack << 32 | labels -> index in out.samples
    for (size_t i = 0; i < profile.sampleCount(); ++i) {
        const int64_t w = profile.value(i, input.sampleType);
        if (w == 0 || (input.samples && !(*input.samples)[i]))
            continue;
        GraphSample s;
        s.stack = profile.sampleStacks[i];
        s.weight = w;
        auto [it, inserted] = labelIndex.emplace(joinLabels(profile, symbols, i), uint32_t(out.labelTexts.size()));
        if (inserted)
            out.labelTexts.push_back(it->first);
        s.labels = it->second;
        // pprof's report keeps only the numeric label "bytes" (an allocation's size) for graphs.
        for (const SampleLabel& l : profile.sampleLabels(i)) {
            if (l.str == 0 && symbols.strings.get(l.key) == "bytes") {
                const std::string_view unit = symbols.strings.get(l.numUnit);
                NumericLabel size {l.num, unit.empty() ? "bytes" : std::string(unit), {}};
                size.name = formatValue(size.value, size.unit);
                s.sizes.push_back(std::move(size));
            }
        }
        if (s.sizes.empty()) {
            auto [same, first] = merged.try_emplace((uint64_t(s.stack) << 32) | s.labels, out.samples.size());
            if (!first) {
                out.samples[same->second].weight += s.weight;
                continue;
            }
        }
        out.samples.push_back(std::move(s));
    }
    return out;
}

void addToTag(Tag& tag, int64_t w, bool flat)
{
    (flat ? tag.flat : tag.cum) += w;
}

void addSample(Node& n, const GraphSample& s, const Samples& samples, bool flat)
{
    (flat ? n.flat : n.cum) += s.weight;
    if (s.labels != 0) {
        auto [it, inserted] = n.labelTags.try_emplace(s.labels);
        if (inserted)
            it->second.name = samples.labelTexts[s.labels];
        addToTag(it->second, s.weight, flat);
    }
    if (s.sizes.empty())
        return;
    TagMap& numeric = n.numericTags[s.labels];
    for (const NumericLabel& size : s.sizes) {
        // pprof keys a numeric tag by its printed value: sizes that print alike share a tag, which
        // keeps the value it was first seen with.
        auto [it, inserted] = numeric.try_emplace(size.name);
        if (inserted) {
            it->second.name = size.name;
            it->second.unit = size.unit;
            it->second.value = size.value;
        }
        addToTag(it->second, s.weight, flat);
    }
}

// pprof's graph.New (not a tree): per sample, walking from the root, every node counts its cum
// once, every caller->callee pair its weight once, and the leaf its flat. Frames of hidden
// functions are gone (pprof removes them before); nodes outside `kept` are skipped, and the call
// that skips them is residual; a sample whose leaf was skipped adds no flat.
Graph buildGraph(const CallGraphInput& input, const Samples& samples, const std::vector<uint8_t>* kept)
{
    const Symbols& symbols = input.store->symbols;
    const auto isHidden = [&](FunctionId f) { return input.hidden && !input.hidden->empty() && (*input.hidden)[f]; };
    Graph g;
    std::vector<uint32_t> nodeOf(symbols.functions.size(), kNone);
    std::unordered_map<uint64_t, uint32_t> edgeOf;
    std::vector<uint32_t> nodeStamp, edgeStamp;
    uint32_t generation = 0;
    for (const GraphSample& s : samples.samples) {
        ++generation;
        uint32_t parent = kNone;
        bool residual = false;
        const auto frames = symbols.stacks.frames(s.stack);
        for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
            const Frame& frame = symbols.frames[*it];
            if (isHidden(frame.function))
                continue;
            if (kept && !(*kept)[frame.function]) {
                residual = true;
                continue;
            }
            uint32_t& n = nodeOf[frame.function];
            if (n == kNone) {
                n = uint32_t(g.nodes.size());
                g.nodes.push_back(Node {});
                g.nodes.back().function = frame.function;
                nodeStamp.push_back(0);
            }
            if (nodeStamp[n] != generation) {
                nodeStamp[n] = generation;
                addSample(g.nodes[n], s, samples, false);
            }
            if (parent != kNone && parent != n) {
                auto [e, inserted] = edgeOf.try_emplace((uint64_t(parent) << 32) | n, uint32_t(g.edges.size()));
                if (inserted) {
                    g.edges.push_back(Edge {parent, n});
                    edgeStamp.push_back(0);
                    g.nodes[parent].out.push_back(e->second);
                    g.nodes[n].in.push_back(e->second);
                }
                if (edgeStamp[e->second] != generation) {
                    edgeStamp[e->second] = generation;
                    Edge& edge = g.edges[e->second];
                    edge.weight += s.weight;
                    edge.residual = edge.residual || residual;
                    edge.inlined = edge.inlined && frame.inlined;
                }
            }
            parent = n;
            residual = false;
        }
        if (parent != kNone && !residual)
            addSample(g.nodes[parent], s, samples, true);
    }
    // pprof leaves nodes without weight out (possible only when weights cancel out).
    if (std::any_of(g.nodes.begin(), g.nodes.end(), [](const Node& n) { return n.flat == 0 && n.cum == 0; })) {
        Graph weighed;
        std::vector<uint32_t> newIndex(g.nodes.size(), kNone);
        for (uint32_t i = 0; i < g.nodes.size(); ++i) {
            if (g.nodes[i].flat != 0 || g.nodes[i].cum != 0) {
                newIndex[i] = uint32_t(weighed.nodes.size());
                weighed.nodes.push_back(std::move(g.nodes[i]));
                weighed.nodes.back().in.clear();
                weighed.nodes.back().out.clear();
            }
        }
        for (const Edge& e : g.edges) {
            if (newIndex[e.src] == kNone || newIndex[e.dst] == kNone)
                continue;
            Edge moved = e;
            moved.src = newIndex[e.src];
            moved.dst = newIndex[e.dst];
            const auto id = uint32_t(weighed.edges.size());
            weighed.edges.push_back(moved);
            weighed.nodes[moved.src].out.push_back(id);
            weighed.nodes[moved.dst].in.push_back(id);
        }
        g = std::move(weighed);
    }
    return g;
}

class Names
{
public:
    explicit Names(const Symbols& symbols)
        : m_symbols(symbols)
    {
    }

    std::string_view operator()(FunctionId f) const
    {
        const std::string_view name = m_symbols.functionName(f);
        return name.empty() ? std::string_view("<unknown>") : name;
    }

private:
    const Symbols& m_symbols;
};

// pprof's edge entropy: how evenly a node's weight spreads over its callers or callees (plus its
// own flat, for callees); a node that only passes its weight on scores low.
double edgeEntropy(const Graph& g, const std::vector<uint32_t>& edges, int64_t self)
{
    double score = 0;
    int64_t total = self;
    for (uint32_t id : edges) {
        if (g.edges[id].weight > 0)
            total += abs64(g.edges[id].weight);
    }
    if (total != 0) {
        for (uint32_t id : edges) {
            const double frac = double(abs64(g.edges[id].weight)) / double(total);
            score += -frac * std::log2(frac);
        }
        if (self > 0) {
            const double frac = double(abs64(self)) / double(total);
            score += -frac * std::log2(frac);
        }
    }
    return score;
}

int64_t entropyScore(const Graph& g, const Node& n)
{
    double score = 0;
    score += n.in.empty() ? 1 : edgeEntropy(g, n.in, 0);     // entry nodes are favoured
    score += n.out.empty() ? 1 : edgeEntropy(g, n.out, n.flat); // so are leaves
    return int64_t(score * double(n.cum)) + n.flat;
}

// pprof's order for a visual graph: entropy score, then name, then flat.
void sortNodes(Graph& g, const Names& name)
{
    std::vector<int64_t> score(g.nodes.size());
    for (size_t i = 0; i < g.nodes.size(); ++i)
        score[i] = entropyScore(g, g.nodes[i]);
    std::vector<uint32_t> order(g.nodes.size());
    for (uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        if (abs64(score[a]) != abs64(score[b]))
            return abs64(score[a]) > abs64(score[b]);
        const Node& l = g.nodes[a];
        const Node& r = g.nodes[b];
        if (name(l.function) != name(r.function))
            return name(l.function) < name(r.function);
        if (abs64(l.flat) != abs64(r.flat))
            return abs64(l.flat) > abs64(r.flat);
        // Nodes sharing a printed name are numbered in the order of pprof's node identity.
        return l.function < r.function;
    });
    std::vector<uint32_t> position(order.size());
    std::vector<Node> sorted;
    sorted.reserve(order.size());
    for (uint32_t i = 0; i < order.size(); ++i) {
        position[order[i]] = i;
        sorted.push_back(std::move(g.nodes[order[i]]));
    }
    for (Edge& e : g.edges) {
        e.src = position[e.src];
        e.dst = position[e.dst];
    }
    g.nodes = std::move(sorted);
}

std::vector<uint8_t> nodeMask(const Graph& g, size_t functionCount, size_t count, int64_t minCum)
{
    std::vector<uint8_t> kept(functionCount, 0);
    for (size_t i = 0; i < count; ++i) {
        if (abs64(g.nodes[i].cum) >= minCum)
            kept[g.nodes[i].function] = 1;
    }
    return kept;
}

size_t keptCount(const std::vector<uint8_t>& mask)
{
    return size_t(std::count(mask.begin(), mask.end(), 1));
}

template<typename Map>
Map trimTags(const Map& tags, int64_t cutoff)
{
    Map kept;
    for (const auto& [name, tag] : tags) {
        if (abs64(tag.flat) >= cutoff || abs64(tag.cum) >= cutoff)
            kept.emplace(name, tag);
    }
    return kept;
}

void trimLowFrequencyTags(Graph& g, int64_t cutoff)
{
    for (Node& n : g.nodes) {
        n.labelTags = trimTags(n.labelTags, cutoff);
        for (auto& [labels, tags] : n.numericTags)
            tags = trimTags(tags, cutoff);
    }
}

size_t trimLowFrequencyEdges(Graph& g, int64_t cutoff)
{
    size_t dropped = 0;
    for (uint32_t id = 0; id < g.edges.size(); ++id) {
        if (!g.edges[id].removed && abs64(g.edges[id].weight) < cutoff) {
            g.removeEdge(id);
            ++dropped;
        }
    }
    return dropped;
}

// The tags pprof counts against nodeCount: those with flat weight.
size_t countTags(const Node& n)
{
    size_t count = 0;
    for (const auto& [name, tag] : n.labelTags)
        count += tag.flat != 0;
    for (const auto& [labels, tags] : n.numericTags) {
        for (const auto& [name, tag] : tags)
            count += tag.flat != 0;
    }
    return count;
}

// How many of the (sorted) nodes pprof keeps for nodeCount, counting each node's tag boxes.
size_t selectTopNodes(const Graph& g, size_t maxNodes)
{
    if (maxNodes > 0) {
        size_t count = 0;
        for (size_t i = 0; i < g.nodes.size(); ++i) {
            count += std::min(countTags(g.nodes[i]), kMaxTagBoxes) + 1;
            if (count >= maxNodes) {
                maxNodes = i + 1;
                break;
            }
        }
    }
    return std::min(maxNodes == 0 ? g.nodes.size() : maxNodes, g.nodes.size());
}

// pprof's order of edges: heavier first, then by caller name, then by callee name.
std::vector<uint32_t> sortedEdges(const Graph& g, std::vector<uint32_t> ids, const Names& name)
{
    std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
        const Edge& l = g.edges[a];
        const Edge& r = g.edges[b];
        if (l.weight != r.weight)
            return abs64(l.weight) > abs64(r.weight);
        const FunctionId ls = g.nodes[l.src].function, rs = g.nodes[r.src].function;
        if (name(ls) != name(rs))
            return name(ls) < name(rs);
        const FunctionId ld = g.nodes[l.dst].function, rd = g.nodes[r.dst].function;
        if (name(ld) != name(rd))
            return name(ld) < name(rd);
        return l.src != r.src ? l.src < r.src : l.dst < r.dst;
    });
    return ids;
}

// Whether the edge's callee can be reached from its caller another way.
bool isRedundantEdge(const Graph& g, uint32_t id)
{
    const Edge& edge = g.edges[id];
    std::vector<uint8_t> seen(g.nodes.size(), 0);
    seen[edge.dst] = 1;
    std::deque<uint32_t> queue {edge.dst};
    while (!queue.empty()) {
        const uint32_t n = queue.front();
        queue.pop_front();
        for (uint32_t in : g.nodes[n].in) {
            const uint32_t src = g.edges[in].src;
            if (in == id || seen[src])
                continue;
            if (src == edge.src)
                return true;
            seen[src] = 1;
            queue.push_back(src);
        }
    }
    return false;
}

// pprof's RemoveRedundantEdges: from the last node up, the lightest incoming residual edges
// (stopping at the first non-residual one) go when their callee is reachable another way.
void removeRedundantEdges(Graph& g, const Names& name)
{
    for (size_t i = g.nodes.size(); i > 0; --i) {
        const std::vector<uint32_t> in = sortedEdges(g, g.nodes[i - 1].in, name);
        for (size_t j = in.size(); j > 0; --j) {
            if (!g.edges[in[j - 1]].residual)
                break;
            if (isRedundantEdge(g, in[j - 1]))
                g.removeEdge(in[j - 1]);
        }
    }
}

// pprof's SortTags: by cum (unless `flat`), then flat, heavier first, then by name.
void sortTags(std::vector<Tag>& tags, bool flat)
{
    std::sort(tags.begin(), tags.end(), [flat](const Tag& a, const Tag& b) {
        if (!flat && a.cum != b.cum)
            return abs64(a.cum) > abs64(b.cum);
        if (a.flat != b.flat)
            return abs64(a.flat) > abs64(b.flat);
        return a.name < b.name;
    });
}

double tagDistance(const Tag& t, const Tag& u)
{
    const double v = scaleValue(u.value, u.unit, t.unit).value;
    return std::fabs(v - double(t.value));
}

// pprof's collapsedTags: more than four numeric tags are grouped around the four heaviest, each
// group named by its smallest and largest value ("1kB..8kB").
std::vector<Tag> collapsedTags(std::vector<Tag> tags, bool flat)
{
    sortTags(tags, flat);
    if (tags.size() <= kMaxTagBoxes)
        return tags;
    std::vector<std::vector<const Tag*>> groups(kMaxTagBoxes);
    for (size_t i = 0; i < kMaxTagBoxes; ++i)
        groups[i].push_back(&tags[i]);
    for (size_t t = kMaxTagBoxes; t < tags.size(); ++t) {
        size_t best = 0;
        double distance = tagDistance(tags[t], *groups[0][0]);
        for (size_t i = 1; i < kMaxTagBoxes; ++i) {
            const double d = tagDistance(tags[t], *groups[i][0]);
            if (d < distance) {
                best = i;
                distance = d;
            }
        }
        groups[best].push_back(&tags[t]);
    }
    std::vector<Tag> out;
    for (const auto& group : groups) {
        Tag merged;
        if (group.size() == 1) {
            merged = *group[0];
            merged.name = formatValue(merged.value, merged.unit);
        } else {
            const Tag* lo = group[0];
            const Tag* hi = group[0];
            for (size_t i = 1; i < group.size(); ++i) {
                const Tag* t = group[i];
                if (int64_t(scaleValue(t->value, t->unit, lo->unit).value) < lo->value)
                    lo = t;
                if (int64_t(scaleValue(t->value, t->unit, hi->unit).value) > hi->value)
                    hi = t;
                merged.flat += t->flat;
                merged.cum += t->cum;
            }
            merged.flat += group[0]->flat;
            merged.cum += group[0]->cum;
            merged.name = formatValue(lo->value, lo->unit) + ".." + formatValue(hi->value, hi->unit);
        }
        out.push_back(std::move(merged));
    }
    sortTags(out, flat);
    return out;
}

void addNumericBoxes(const TagMap& tags, bool flatTags, int32_t parent, std::vector<CallGraphTag>& out)
{
    std::vector<Tag> list;
    for (const auto& [name, tag] : tags)
        list.push_back(tag);
    const std::vector<Tag> collapsed = collapsedTags(std::move(list), flatTags);
    for (size_t j = 0; j < collapsed.size(); ++j) {
        const Tag& t = collapsed[j];
        const bool flat = flatTags || t.flat == t.cum;
        const int64_t w = flat ? t.flat : t.cum;
        if (w != 0)
            out.push_back(CallGraphTag {t.name, w, true, !flat, parent, uint32_t(j)});
    }
}

// The boxes pprof draws under a node: at most four string tags (flat weight on a node with
// callees, cum on a leaf, which then includes what dropped callees had), each followed by its
// numeric boxes, then the numeric boxes of samples without string labels.
std::vector<CallGraphTag> tagBoxes(const Node& n, const std::vector<std::string>& labelTexts)
{
    std::vector<CallGraphTag> out;
    const bool flatTags = !n.out.empty();
    std::vector<Tag> labels;
    for (const auto& [name, tag] : n.labelTags)
        labels.push_back(tag);
    sortTags(labels, flatTags);
    if (labels.size() > kMaxTagBoxes)
        labels.resize(kMaxTagBoxes);
    std::map<std::string, const TagMap*> numericByText;
    for (const auto& [labelIndex, tags] : n.numericTags) {
        if (!tags.empty())
            numericByText[labelTexts[labelIndex]] = &tags;
    }
    for (size_t i = 0; i < labels.size(); ++i) {
        const Tag& t = labels[i];
        const int64_t w = flatTags ? t.flat : t.cum;
        if (w == 0)
            continue;
        out.push_back(CallGraphTag {t.name, w, false, false, -1, uint32_t(i)});
        if (auto it = numericByText.find(t.name); it != numericByText.end())
            addNumericBoxes(*it->second, flatTags, int32_t(out.size() - 1), out);
    }
    if (auto it = numericByText.find(std::string()); it != numericByText.end())
        addNumericBoxes(*it->second, flatTags, -1, out);
    return out;
}

// pprof's choice of one unit for a graph: that of the smallest node value, or a larger one when
// it is under 1/100 of the total.
std::string displayUnit(const Graph& g, int64_t total, const std::string& unit)
{
    int64_t minValue = 0;
    for (const Node& n : g.nodes) {
        int64_t v = abs64(n.flat);
        if (v == 0)
            v = abs64(n.cum);
        if (v > 0 && (minValue == 0 || v < minValue))
            minValue = v;
    }
    if (g.nodes.empty())
        return "minimum";
    const std::string chosen = tableUnit(minValue, total, unit);
    return chosen.empty() ? unit : chosen;
}

} // namespace

Result<CallGraph> buildCallGraph(const CallGraphInput& input, const CallGraphOptions& options)
{
    if (!input.store || !input.store->profile)
        return Error {"this input has no samples", std::nullopt};
    const Profile& profile = *input.store->profile;
    if (input.sampleType >= profile.sampleTypes.size())
        return Error {"sample type index " + std::to_string(input.sampleType) + " out of range", std::nullopt};
    const Symbols& symbols = input.store->symbols;
    const Names name(symbols);
    const Samples samples = collectSamples(input);
    const size_t functionCount = symbols.functions.size();

    CallGraph out;
    out.total = input.total;
    out.sampleUnit = profile.sampleTypes[input.sampleType].unit;

    // First the whole graph, to find the nodes under the cut-off (by cum) and rebuild without them.
    Graph g = buildGraph(input, samples, nullptr);
    int64_t shown = 0;
    for (const Node& n : g.nodes)
        shown += n.flat;
    const int64_t nodeCutoff = abs64(int64_t(double(shown) * options.nodeFraction));
    const int64_t edgeCutoff = abs64(int64_t(double(shown) * options.edgeFraction));
    if (nodeCutoff > 0) {
        const std::vector<uint8_t> kept = nodeMask(g, functionCount, g.nodes.size(), nodeCutoff);
        if (const size_t count = keptCount(kept); count != g.nodes.size()) {
            out.droppedNodes = g.nodes.size() - count;
            g = buildGraph(input, samples, &kept);
        }
    }
    out.nodesBeforeLimit = g.nodes.size();

    // Then at most nodeCount nodes, the first in pprof's order, rebuilt without the others.
    sortNodes(g, name);
    if (options.nodeCount > 0) {
        trimLowFrequencyTags(g, nodeCutoff);
        trimLowFrequencyEdges(g, edgeCutoff);
        const size_t count = selectTopNodes(g, options.nodeCount);
        if (count != g.nodes.size()) {
            const std::vector<uint8_t> kept = nodeMask(g, functionCount, count, 0);
            g = buildGraph(input, samples, &kept);
            sortNodes(g, name);
        }
    }

    // Last, the light tags and edges go, and residual edges that another path makes redundant.
    trimLowFrequencyTags(g, nodeCutoff);
    out.droppedEdges = trimLowFrequencyEdges(g, edgeCutoff);
    removeRedundantEdges(g, name);

    out.displayUnit = displayUnit(g, input.total, out.sampleUnit);
    out.nodeCutoffLabel = abs64(int64_t(double(input.total) * options.nodeFraction));
    out.edgeCutoffLabel = abs64(int64_t(double(input.total) * options.edgeFraction));
    for (const Node& n : g.nodes) {
        CallGraphNode node;
        node.function = n.function;
        node.name = name(n.function);
        node.nameLines = graphNameLines(node.name, symbols.strings.get(symbols.functions[n.function].file),
                                        input.granularity);
        node.flat = n.flat;
        node.cum = n.cum;
        node.tags = tagBoxes(n, samples.labelTexts);
        out.nodes.push_back(std::move(node));
    }
    std::vector<uint32_t> live;
    for (uint32_t id = 0; id < g.edges.size(); ++id) {
        if (!g.edges[id].removed)
            live.push_back(id);
    }
    for (uint32_t id : sortedEdges(g, std::move(live), name)) {
        const Edge& e = g.edges[id];
        out.edges.push_back(CallGraphEdge {e.src, e.dst, e.weight, e.residual, e.inlined});
    }
    return out;
}

int64_t CallGraph::shownTotal() const
{
    int64_t sum = 0;
    for (const CallGraphNode& n : nodes)
        sum += n.flat;
    return sum;
}

int64_t CallGraph::maxFlat() const
{
    int64_t max = nodes.empty() ? 0 : abs64(nodes.front().flat);
    for (const CallGraphNode& n : nodes)
        max = std::max(max, abs64(n.flat));
    return max;
}

std::string CallGraph::formatValue(int64_t value) const
{
    return gs::formatValue(value, sampleUnit, displayUnit.empty() ? std::string_view("auto") : displayUnit);
}

namespace {

std::string trimmedPercent(int64_t value, int64_t total)
{
    std::string p = formatPercent(value, total);
    p.erase(0, p.find_first_not_of(' '));
    return p;
}

} // namespace

std::vector<std::string> CallGraph::labelLines(const CallGraphNode& node) const
{
    std::vector<std::string> lines = node.nameLines;
    std::string flatLine = node.flat != 0 ? formatValue(node.flat) + " (" + trimmedPercent(node.flat, total) + ")" : "0";
    if (node.cum != node.flat) {
        const std::string of = "of " + formatValue(node.cum) + " (" + trimmedPercent(node.cum, total) + ")";
        if (node.flat != 0) {
            lines.push_back(std::move(flatLine));
            lines.push_back(of);
        } else {
            lines.push_back(flatLine + " " + of);
        }
    } else {
        lines.push_back(std::move(flatLine));
    }
    return lines;
}

int CallGraph::fontSize(const CallGraphNode& node) const
{
    const double max = double(maxFlat());
    const int64_t flat = abs64(node.flat);
    int size = 8;
    if (max != 0 && flat != 0 && double(flat) <= max)
        size += int(std::ceil(16.0 * std::sqrt(double(flat) / max)));
    return size;
}

double CallGraph::share(int64_t value) const
{
    return total == 0 ? 0.0 : double(value) / double(abs64(total));
}

int CallGraph::penWidth(const CallGraphEdge& edge) const
{
    return total == 0 ? 1 : 1 + int(std::min<int64_t>(abs64(edge.weight * 5 / total), 5));
}

int CallGraph::layoutWeight(const CallGraphEdge& edge) const
{
    return total == 0 ? 1 : 1 + int(std::min<int64_t>(abs64(edge.weight * 100 / total), 100));
}

std::vector<std::string> callGraphLegend(const CallGraph& graph, const Profile& profile, size_t sampleType,
                                         const std::vector<std::string>& activeFilters)
{
    const auto value = [&](int64_t v) { return graph.formatValue(v); };
    std::vector<std::string> lines = profileLabels(profile, sampleType, graph.total, value);
    for (std::string& line : activeFilterLines(activeFilters))
        lines.push_back(std::move(line));
    const int64_t shown = graph.shownTotal();
    lines.push_back("Showing nodes accounting for " + value(shown) + ", " + trimmedPercent(shown, graph.total) + " of "
                    + value(graph.total) + " total");
    if (graph.total != 0) {
        if (graph.droppedNodes > 0)
            lines.push_back("Dropped " + std::to_string(graph.droppedNodes) + (graph.droppedNodes > 1 ? " nodes" : " node")
                            + " (cum <= " + value(graph.nodeCutoffLabel) + ")");
        if (graph.droppedEdges > 0)
            lines.push_back("Dropped " + std::to_string(graph.droppedEdges) + (graph.droppedEdges > 1 ? " edges" : " edge")
                            + " (freq <= " + value(graph.edgeCutoffLabel) + ")");
        if (!graph.nodes.empty() && graph.nodes.size() < graph.nodesBeforeLimit)
            lines.push_back("Showing top " + std::to_string(graph.nodes.size()) + " nodes out of "
                            + std::to_string(graph.nodesBeforeLimit));
    }
    return lines;
}

uint32_t callGraphColor(double share, bool background)
{
    // pprof's dotColor: scores pushed away from grey, desaturated near zero, red for growth and
    // green for shrinking.
    constexpr double kShift = 0.7;
    double saturation = background ? 0.1 : 1.0;
    const double value = background ? 0.93 : 0.7;
    double score = std::max(-1.0, std::min(1.0, share));
    if (std::fabs(score) < 0.2)
        saturation *= std::fabs(score) / 0.2;
    if (score > 0.0)
        score = std::pow(score, 1.0 - kShift);
    if (score < 0.0)
        score = -std::pow(-score, 1.0 - kShift);
    double r = 0, g = 0;
    if (score < 0.0) {
        g = value;
        r = value * (1 + saturation * score);
    } else {
        r = value;
        g = value * (1 - saturation * score);
    }
    const double b = value * (1 - saturation);
    const auto channel = [](double c) { return uint32_t(uint8_t(c * 255.0)); };
    return (channel(r) << 16) | (channel(g) << 8) | channel(b);
}

} // namespace gs
