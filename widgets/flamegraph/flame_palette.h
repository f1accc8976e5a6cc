// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>

#include <cstdint>
#include <string_view>

namespace gs::ui {

// Colours of flame-graph frames. A frame's colour depends only on its Go package (a stable hash
// into a small interned warm palette), so the same package keeps its colour across files, zooms
// and runs; runtime frames get a cool hue of their own so the scheduler and GC stand out.
// Diff colouring replaces this with red (grew) / blue (shrank), intensity by relative change.
namespace flame_palette {

QColor frameColor(std::string_view function);
// Red where `total` grew from `baseTotal`, blue where it shrank, near-white when unchanged.
QColor diffColor(int64_t total, int64_t baseTotal);
QColor mergedColor();
QColor rootColor();
QColor searchMatchColor();
QColor textColor();
// Dark text on light fills, light text on the saturated diff colours.
QColor textColorOn(const QColor& fill);
// `c` washed towards the background, for frames a search did not match.
QColor faded(const QColor& c);

} // namespace flame_palette

} // namespace gs::ui
