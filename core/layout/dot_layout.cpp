// SPDX-License-Identifier: MIT
#include "core/layout/dot_layout.h"

#include <gvc.h>

#include <charconv>
#include <cmath>
#include <locale.h>
#include <memory>
#include <mutex>
#include <string>

namespace gs {

namespace {

// Graphviz reports errors through one process-wide handler, and dot's layout keeps static state:
// every use of the library goes through this mutex, and the handler writes into the message of
// the layout holding it.
std::mutex g_graphvizMutex;
std::string* g_graphvizErrors = nullptr;

int collectError(char* message)
{
    if (g_graphvizErrors && message) {
        std::string text(message);
        while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
            text.pop_back();
        if (!g_graphvizErrors->empty())
            *g_graphvizErrors += "; ";
        *g_graphvizErrors += text;
    }
    return 0;
}

// Graphviz reads numbers with strtod, which follows the locale; a GUI sets the user's, where
// "1.5" may read as 1. The layout's thread reads them in the C locale while it runs.
class CNumericLocale
{
public:
    CNumericLocale()
        : m_c(newlocale(LC_NUMERIC_MASK, "C", locale_t(nullptr)))
        , m_previous(m_c ? uselocale(m_c) : locale_t(nullptr))
    {
    }
    ~CNumericLocale()
    {
        if (m_c) {
            uselocale(m_previous);
            freelocale(m_c);
        }
    }
    CNumericLocale(const CNumericLocale&) = delete;
    CNumericLocale& operator=(const CNumericLocale&) = delete;

private:
    locale_t m_c;
    locale_t m_previous;
};

// One Graphviz context for the whole process, made on first use under g_graphvizMutex. A context
// holds no graph's state, and Graphviz's gvContext reads its plugin configuration into a buffer
// that gvFreeContext does not free: a context per layout lost that buffer every time.
GVC_t* sharedContext()
{
    static GVC_t* const context = gvContext();
    return context;
}

// Owns the graph, so every return path frees it (its layout first, then the graph, as Graphviz
// requires).
struct GraphvizSession
{
    GVC_t* context = sharedContext();
    Agraph_t* graph = nullptr;
    bool laidOut = false;

    GraphvizSession() = default;
    GraphvizSession(const GraphvizSession&) = delete;
    GraphvizSession& operator=(const GraphvizSession&) = delete;
    ~GraphvizSession()
    {
        if (graph && laidOut)
            gvFreeLayout(context, graph);
        if (graph)
            agclose(graph);
    }
};

std::string number(double value)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3).ptr;
    return std::string(buffer, end);
}

// cgraph's API takes char* for strings it only reads.
char* text(std::string& s)
{
    return s.data();
}

Agsym_t* declare(Agraph_t* graph, int kind, const char* name, const char* value)
{
    std::string n(name);
    std::string v(value);
    return agattr(graph, kind, text(n), text(v));
}

void set(void* object, Agsym_t* attribute, std::string value)
{
    agxset(object, attribute, text(value));
}

// A label Graphviz cannot measure wrongly: an empty HTML table of exactly the size asked for.
void setLabelSize(Agraph_t* graph, Agedge_t* edge, Agsym_t* label, double width, double height)
{
    std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\" FIXEDSIZE=\"TRUE\" WIDTH=\""
        + std::to_string(std::max(1L, std::lround(width))) + "\" HEIGHT=\"" + std::to_string(std::max(1L, std::lround(height)))
        + "\"><TR><TD></TD></TR></TABLE>";
    char* shared = agstrdup_html(graph, text(html));
    agxset(edge, label, shared);
    agstrfree(graph, shared);
}

bool validSize(double v)
{
    return std::isfinite(v) && v >= 0 && v < 1e7;
}

Result<DotLayout> checkInput(const DotGraphInput& input)
{
    for (size_t i = 0; i < input.nodes.size(); ++i) {
        if (!validSize(input.nodes[i].width) || !validSize(input.nodes[i].height))
            return Error("graph layout: node " + std::to_string(i) + " has an invalid size", std::nullopt);
    }
    for (size_t i = 0; i < input.edges.size(); ++i) {
        const DotGraphInput::Edge& e = input.edges[i];
        if (e.tail >= input.nodes.size() || e.head >= input.nodes.size())
            return Error("graph layout: edge " + std::to_string(i) + " names a node that does not exist", std::nullopt);
        if (!validSize(e.labelWidth) || !validSize(e.labelHeight))
            return Error("graph layout: edge " + std::to_string(i) + " has an invalid label size", std::nullopt);
    }
    if (!validSize(input.rankSeparation) || !validSize(input.nodeSeparation))
        return Error("graph layout: invalid separation", std::nullopt);
    return DotLayout{};
}

} // namespace

Result<DotLayout> layoutDot(const DotGraphInput& input)
{
    if (Result<DotLayout> checked = checkInput(input); !checked)
        return checked;
    DotLayout out;
    if (input.nodes.empty())
        return out;

    const std::lock_guard lock(g_graphvizMutex);
    const CNumericLocale cLocale;
    std::string errors;
    g_graphvizErrors = &errors;
    struct ResetHandler
    {
        ~ResetHandler() { g_graphvizErrors = nullptr; }
    } resetHandler;
    agseterrf(collectError);
    agseterr(AGERR); // warnings (a label too wide for its table, say) are not failures

    GraphvizSession gv;
    if (!gv.context)
        return Error("graph layout: Graphviz could not start", std::nullopt);
    std::string name = "g";
    gv.graph = agopen(text(name), Agdirected, nullptr);
    if (!gv.graph)
        return Error("graph layout: Graphviz could not create a graph", std::nullopt);
    Agraph_t* g = gv.graph;
    declare(g, AGRAPH, "rankdir", "TB");
    declare(g, AGRAPH, "ranksep", number(input.rankSeparation / 72.0).c_str());
    declare(g, AGRAPH, "nodesep", number(input.nodeSeparation / 72.0).c_str());
    declare(g, AGNODE, "shape", "box");
    declare(g, AGNODE, "fixedsize", "true");
    declare(g, AGNODE, "label", "");
    Agsym_t* width = declare(g, AGNODE, "width", "1");
    Agsym_t* height = declare(g, AGNODE, "height", "1");
    Agsym_t* label = declare(g, AGEDGE, "label", "");
    Agsym_t* weight = declare(g, AGEDGE, "weight", "1");

    std::vector<Agnode_t*> nodes;
    nodes.reserve(input.nodes.size());
    for (size_t i = 0; i < input.nodes.size(); ++i) {
        std::string id = "n" + std::to_string(i);
        Agnode_t* n = agnode(g, text(id), 1);
        if (!n)
            return Error("graph layout: Graphviz could not add a node", std::nullopt);
        // Graphviz sizes nodes in inches; a zero size would be raised to its minimum anyway.
        set(n, width, number(std::max(input.nodes[i].width, 0.01) / 72.0));
        set(n, height, number(std::max(input.nodes[i].height, 0.01) / 72.0));
        nodes.push_back(n);
    }
    std::vector<Agedge_t*> edges;
    edges.reserve(input.edges.size());
    for (size_t i = 0; i < input.edges.size(); ++i) {
        const DotGraphInput::Edge& e = input.edges[i];
        std::string id = "e" + std::to_string(i);
        Agedge_t* edge = agedge(g, nodes[e.tail], nodes[e.head], text(id), 1);
        if (!edge)
            return Error("graph layout: Graphviz could not add an edge", std::nullopt);
        set(edge, weight, std::to_string(std::max(1, e.weight)));
        if (e.labelWidth > 0 && e.labelHeight > 0)
            setLabelSize(g, edge, label, e.labelWidth, e.labelHeight);
        edges.push_back(edge);
    }

    const std::string dot = "dot";
    if (gvLayout(gv.context, g, dot.c_str()) != 0 || !errors.empty())
        return Error("graph layout: " + (errors.empty() ? std::string("Graphviz's dot layout failed") : errors), std::nullopt);
    gv.laidOut = true;

    // Graphviz's y grows upwards from the bounding box's lower-left corner; ours downwards from its top-left.
    const boxf bb = GD_bb(g);
    const auto point = [&bb](pointf p) { return LayoutPoint{p.x - bb.LL.x, bb.UR.y - p.y}; };
    out.width = bb.UR.x - bb.LL.x;
    out.height = bb.UR.y - bb.LL.y;
    out.nodes.reserve(nodes.size());
    for (Agnode_t* n : nodes)
        out.nodes.push_back({point(ND_coord(n)), ND_width(n) * 72.0, ND_height(n) * 72.0});
    out.edges.reserve(edges.size());
    for (Agedge_t* edge : edges) {
        DotLayout::Edge laid;
        if (const splines* spl = ED_spl(edge)) {
            // dot routes an edge as one bezier unless it is split by concentrators, which we do not ask for.
            for (int b = 0; b < spl->size; ++b) {
                const bezier& bz = spl->list[b];
                for (int p = 0; p < bz.size; ++p)
                    laid.points.push_back(point(bz.list[p]));
                if (bz.eflag)
                    laid.arrowTip = point(bz.ep);
            }
        }
        if (const textlabel_t* l = ED_label(edge); l && l->set)
            laid.labelCentre = point(l->pos);
        out.edges.push_back(std::move(laid));
    }
    return out;
}

} // namespace gs
