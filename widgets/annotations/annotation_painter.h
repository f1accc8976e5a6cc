// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/annotations/annotation.h"

#include <QPoint>
#include <QRect>

#include <functional>
#include <optional>
#include <span>

class QPainter;

namespace gs::ui {

// Where a view shows a note's pin: the point the callout points at, in the painter's coordinates,
// or nothing when the note is not pinned or its subject is not drawn.
using AnnotationResolver = std::function<std::optional<QPoint>(const Annotation&)>;

// Draws notes as callouts over a painted view: a white box with a dark border and the text in a
// readable font (wrapped to a third of the area), kept inside `dataArea`. A pinned note gets a
// leader line from a dot on its point to the box; notes without a point, or with one outside
// `dataArea`, stack down from its top-left. An empty resolver leaves every note unpinned.
void paintAnnotations(QPainter& painter, const QRect& dataArea, std::span<const Annotation> notes,
                      const AnnotationResolver& resolve);

} // namespace gs::ui
