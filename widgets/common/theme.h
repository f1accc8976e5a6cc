// SPDX-License-Identifier: MIT
#pragma once

#include <QPalette>

#include <optional>

namespace gs::ui {

enum class Theme
{
    System, // the platform's palette: the desktop's light or dark setting, where Qt reads it
    Light,
    Dark,
};

// Applies `theme` to the whole application: Light and Dark use the Fusion style with a light or
// a dark palette; System puts back the style and palette the platform gave at start. Custom-drawn
// views pick their colours from the application palette (isDark), so they follow.
void applyTheme(Theme theme);
// Whether a palette is a dark one: its window darker than its text.
bool isDark(const QPalette& palette);

// While alive, the application has a light palette if `wanted` and its palette is dark: a "light
// export" for a document with a white page, drawn by the same paint paths as the screen. The
// palette changes between two paints, so the screen never shows it.
class LightPaletteScope
{
public:
    explicit LightPaletteScope(bool wanted);
    ~LightPaletteScope();
    LightPaletteScope(const LightPaletteScope&) = delete;
    LightPaletteScope& operator=(const LightPaletteScope&) = delete;

private:
    std::optional<QPalette> m_saved;
};

// The theme and the text size (points; 0: the platform's) as the user last chose them,
// remembered between runs.
Theme savedTheme();
void saveTheme(Theme theme);
int savedFontPointSize();
void saveFontPointSize(int points);
// Applies a text size to the application; 0 puts back the platform's.
void applyFontPointSize(int points);
int platformFontPointSize();

} // namespace gs::ui
