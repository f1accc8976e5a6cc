// SPDX-License-Identifier: MIT
#include "core/export/flame_svg.h"

#include "core/analysis/value_format.h"
#include "core/base/utf8.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace gs {

namespace {

constexpr double kFrameHeight = 16;
constexpr double kTopMargin = 48;
constexpr double kBottomMargin = 8;
constexpr double kSideMargin = 10;
constexpr double kCharWidth = 7; // average glyph width of 12px Verdana, for eliding labels

uint64_t fnv1a(std::string_view s)
{
    uint64_t h = 1469598103934665603ull;
    for (char c : s) {
        h ^= uint8_t(c);
        h *= 1099511628211ull;
    }
    return h;
}

// FlameGraph's warm palette, with the variation taken from the package name instead of a
// random generator, so a package keeps its colour.
std::string colourFor(std::string_view functionName)
{
    const uint64_t h = fnv1a(packageOf(functionName));
    const int r = 205 + int((h >> 8) % 51);
    const int g = int((h >> 16) % 231);
    const int b = int((h >> 24) % 56);
    char buf[32];
    std::snprintf(buf, sizeof buf, "rgb(%d,%d,%d)", r, g, b);
    return buf;
}

std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// A box to draw: one frame, or several narrow adjacent siblings merged.
struct Box
{
    uint32_t node;
    uint32_t mergedCount; // 0 for a single frame
    int64_t total;
    double x;
    uint32_t depth;
};

class SvgWriter
{
public:
    SvgWriter(const Symbols& symbols, const FlameTree& tree, const FlameSvgOptions& options, std::ostream& out)
        : m_symbols(symbols)
        , m_tree(tree)
        , m_options(options)
        , m_out(out)
        , m_rootTotal(tree.node(0).total)
        , m_plotWidth(std::max(1.0, double(options.width) - 2 * kSideMargin))
        , m_height(kTopMargin + kBottomMargin + kFrameHeight * double(tree.maxDepth() + 1))
    {
    }

    void write()
    {
        m_out << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
              << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" << m_options.width
              << "\" height=\"" << fmt(m_height) << "\" viewBox=\"0 0 " << m_options.width << ' ' << fmt(m_height)
              << "\" font-family=\"Verdana, sans-serif\" font-size=\"12\">\n"
              << "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#f8f8f0\"/>\n";
        text(double(m_options.width) / 2, 20, m_options.title, "middle", "16");
        if (!m_options.subtitle.empty())
            text(double(m_options.width) / 2, 38, m_options.subtitle, "middle", "12");
        if (m_rootTotal <= 0) {
            text(double(m_options.width) / 2, kTopMargin + 20, "no samples", "middle", "12");
        } else {
            box(Box {0, 0, m_rootTotal, kSideMargin, 0});
            layoutChildren();
        }
        m_out << "</svg>\n";
    }

private:
    // Walks the tree with an explicit stack (deep recursive profiles must not overflow ours).
    void layoutChildren()
    {
        const auto minTotal = int64_t(double(m_rootTotal) * m_options.minFraction);
        std::vector<Box> todo {Box {0, 0, m_rootTotal, kSideMargin, 0}};
        while (!todo.empty()) {
            const Box parent = todo.back();
            todo.pop_back();
            double x = parent.x;
            const auto children = m_tree.children(parent.node);
            const uint32_t first = m_tree.node(parent.node).firstChild;
            for (size_t i = 0; i < children.size();) {
                if (children[i].total > minTotal) {
                    const Box b {first + uint32_t(i), 0, children[i].total, x, parent.depth + 1};
                    box(b);
                    todo.push_back(b);
                    x += width(b.total);
                    ++i;
                    continue;
                }
                // A run of narrow siblings: one box, not entered.
                size_t j = i;
                int64_t sum = 0;
                while (j < children.size() && children[j].total <= minTotal)
                    sum += children[j++].total;
                const Box b {first + uint32_t(i), uint32_t(j - i > 1 ? j - i : 0), sum, x, parent.depth + 1};
                if (sum > 0)
                    box(b);
                x += width(sum);
                i = j;
            }
        }
    }

    double width(int64_t total) const { return double(total) / double(m_rootTotal) * m_plotWidth; }

    void box(const Box& b)
    {
        const double w = width(b.total);
        const double y = m_height - kBottomMargin - kFrameHeight * double(b.depth + 1);
        std::string name;
        if (b.node == 0)
            name = "all";
        else if (b.mergedCount > 0)
            name = std::to_string(b.mergedCount) + " small frames";
        else
            name = std::string(m_symbols.functionName(m_tree.node(b.node).function));
        const std::string fill = b.node == 0 ? "rgb(200,200,200)"
                                             : (b.mergedCount > 0 ? "rgb(190,190,190)" : colourFor(name));
        m_out << "<g><title>";
        writeXmlEscaped(m_out, name);
        const int64_t shown = m_options.ratio != 1 ? int64_t(double(b.total) * m_options.ratio) : b.total;
        m_out << " (" << formatValue(shown, m_options.valueUnit, m_options.outputUnit) << ", " << formatPercentTrimmed(b.total) << ")</title>"
              << "<rect x=\"" << fmt(b.x) << "\" y=\"" << fmt(y) << "\" width=\"" << fmt(w) << "\" height=\""
              << fmt(kFrameHeight - 1) << "\" fill=\"" << fill << "\" rx=\"2\"/>";
        const auto fits = size_t(std::max(0.0, (w - 6) / kCharWidth));
        if (fits >= 3) {
            std::string label = name;
            // The end of a Go name says what runs (the method), its start only the package:
            // a narrow frame keeps the end, as the flame graph view does.
            if (label.size() > fits) {
                size_t start = label.size() - (fits - 2);
                while (start < label.size() && (static_cast<unsigned char>(label[start]) & 0xC0) == 0x80)
                    ++start; // not inside a UTF-8 sequence
                label = ".." + label.substr(start);
            }
            m_out << "<text x=\"" << fmt(b.x + 3) << "\" y=\"" << fmt(y + 12) << "\">";
            writeXmlEscaped(m_out, label);
            m_out << "</text>";
        }
        m_out << "</g>\n";
    }

    std::string formatPercentTrimmed(int64_t v) const
    {
        std::string p = formatPercent(v, m_rootTotal);
        p.erase(0, p.find_first_not_of(' '));
        return p;
    }

    void text(double x, double y, const std::string& s, const char* anchor, const char* size)
    {
        m_out << "<text x=\"" << fmt(x) << "\" y=\"" << fmt(y) << "\" text-anchor=\"" << anchor << "\" font-size=\""
              << size << "\">";
        writeXmlEscaped(m_out, s);
        m_out << "</text>\n";
    }

    const Symbols& m_symbols;
    const FlameTree& m_tree;
    const FlameSvgOptions& m_options;
    std::ostream& m_out;
    int64_t m_rootTotal;
    double m_plotWidth;
    double m_height;
};

} // namespace

std::string_view packageOf(std::string_view functionName)
{
    // The package path ends at the first '.' after the last '/': "a/b.c/d.F" -> "a/b.c/d".
    const size_t slash = functionName.rfind('/');
    const size_t dot = functionName.find('.', slash == std::string_view::npos ? 0 : slash + 1);
    return dot == std::string_view::npos ? functionName : functionName.substr(0, dot);
}

void writeXmlEscaped(std::ostream& out, std::string_view text)
{
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        switch (c) {
        case '&':
            out << "&amp;";
            break;
        case '<':
            out << "&lt;";
            break;
        case '>':
            out << "&gt;";
            break;
        case '"':
            out << "&quot;";
            break;
        case '\'':
            out << "&apos;";
            break;
        default:
            if (uint8_t(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                out << kReplacementCharacter;
                break;
            }
            if (const size_t n = utf8SequenceLength(text, i); n > 1) {
                out.write(text.data() + i, std::streamsize(n));
                i += n;
                continue;
            } else if (n == 0) {
                out << kReplacementCharacter;
                break;
            }
            out << c;
            break;
        }
        ++i;
    }
}

void writeFlameSvg(const Symbols& symbols, const FlameTree& tree, const FlameSvgOptions& options, std::ostream& out)
{
    SvgWriter(symbols, tree, options, out).write();
}

} // namespace gs
