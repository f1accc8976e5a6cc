// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/span_table.h"

#include <QString>

#include <string>

namespace gs::ui {

// A text note a person pins to a view, drawn as a callout by paintAnnotations (exports today; an
// interactive annotation layer will add editing and more kinds on top of this model).
//
// The pin is in data coordinates, never pixels, so a note follows its subject through zoom,
// scroll, resize and exports of any size: the view drawing it resolves the pin to a point (see
// AnnotationResolver). A note pinned to nothing, or to something the view does not show (a
// filtered-out goroutine, a frame too narrow to draw), goes to the top-left of the data area, so a
// note is never lost. A plain value: copy it freely.
struct Annotation
{
    QString text;
    // Pinned to this goroutine's row (timeline, goroutine table); kNoRow: not pinned to one.
    GoroutineRow goroutine = kNoRow;
    // Pinned to this function's widest frame (flame graph), by name so it survives recomputes
    // that renumber symbols, as the sessions select functions; empty: not pinned to one.
    std::string function;
};

} // namespace gs::ui
