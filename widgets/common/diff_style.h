// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QPixmap>
#include <QString>
#include <QVariant>

#include <cstdint>

namespace gs::ui {

// How every comparison table marks a change, so a dump diff and a trace diff read alike: the
// flame graph's diff hues, red where a value grew (more goroutines, slower) and blue where it
// shrank (fewer, faster).
inline const QColor kGrewColor(0xb3, 0x26, 0x1e);
inline const QColor kShrankColor(0x1a, 0x5f, 0xb4);
// Entries one side lacks: the one the base lacks is "new", the one the current capture lacks
// "gone", in a neutral grey.
inline const QColor kGoneColor(0x6b, 0x6b, 0x6b);

// A ForegroundRole value for a signed change: red when it grew, blue when it shrank, none (the
// table's text colour) when it did not change.
QVariant changeForeground(int64_t change);

// A small pill reading `text` ("new", "gone") in white on `fill`, for a table's decoration role.
QPixmap diffBadge(const QString& text, const QColor& fill);

} // namespace gs::ui
