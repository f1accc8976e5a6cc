// SPDX-License-Identifier: MIT
#pragma once

class QPalette;

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
