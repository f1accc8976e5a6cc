// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/flame_tree.h"
#include "core/model/symbols.h"
#include "widgets/flamegraph/flame_layout.h"

#include <QRect>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

class QPainter;

namespace gs::ui {

enum class FlameOrientation
{
    Icicle, // root row at the top, callees grow downwards
    Flame,  // root row at the bottom, callees grow upwards
};

// Maps layout rows and fractions to pixels inside `area` and back. Shared by painting and hit
// testing so a click always lands on the box that was drawn.
class FlameGeometry
{
public:
    static constexpr int kRowHeight = 18;

    FlameGeometry(const QRect& area, FlameOrientation orientation)
        : m_area(area)
        , m_orientation(orientation)
    {
    }

    // Pixel box of a layout rectangle: edges snapped to whole pixels, at least 1 px wide.
    QRect rectFor(const FlameRect& r) const;
    // Row under y, or -1 outside the rows.
    int depthAt(int y) const;
    // Fraction of the root width under x.
    double fractionAt(int x) const;
    // Top edge of a row.
    int rowTop(uint32_t depth) const;

    static int heightFor(uint32_t rows) { return int(rows) * kRowHeight; }

private:
    QRect m_area;
    FlameOrientation m_orientation;
};

// Everything one paint needs; pointers are borrowed for the duration of the call.
struct FlameRenderInput
{
    const FlameTree* tree = nullptr;
    const Symbols* symbols = nullptr;
    const FlameLayout* layout = nullptr;
    FlameOrientation orientation = FlameOrientation::Icicle;
    std::span<const uint8_t> searchMatches;     // per tree node; empty when no search is active
    std::optional<FunctionId> selectedFunction; // its frames get a dark outline
    int hoveredRect = -1;                       // index into layout->rects()
    std::string_view unit;                      // for the root's label
};

// Paints the flame graph into `area`, touching only rows that intersect `exposed`. The one paint
// path for the screen, image export and the render tests: no widget state is read here.
void paintFlame(QPainter& painter, const QRect& area, const QRect& exposed, const FlameRenderInput& in);

} // namespace gs::ui
