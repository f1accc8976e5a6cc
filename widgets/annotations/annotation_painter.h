// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/annotations/annotation.h"

#include <QColor>
#include <QPoint>
#include <QRect>

#include <functional>
#include <optional>
#include <span>
#include <vector>

class QFont;
class QPainter;

namespace gs::ui {

// Where a view shows one anchor of an annotation, in the painter's coordinates, or nothing when
// its subject is not drawn (a filtered-out goroutine, a frame too narrow to draw). A point may lie
// outside the data area (a time scrolled off to the side): arrows and boxes are clipped to it.
using AnnotationResolver = std::function<std::optional<QPoint>(const Annotation&, const AnnotationAnchor&)>;

// An annotation as laid out for one paint: what is drawn and what a click hits, so the two agree.
struct AnnotationShape
{
    size_t index = 0; // into the annotations given to layoutAnnotations
    AnnotationKind kind = AnnotationKind::Note;
    std::optional<QPoint> pin; // a note's point (none: stacked at the top-left); an arrow's tail, a box's corner
    QPoint end;                // an arrow's head, a box's opposite corner
    QRect label;               // the text box; empty for an arrow or box without text

    // Whether `pos` is on the drawn annotation: its text box, or a few pixels from its lines
    // (a box's inside is left free for clicks on the data under it).
    bool contains(QPoint pos) const;
};

// Lays out the annotations `target` shows, in order, skipping arrows and boxes with an anchor the
// view cannot place. Notes keep their callout rules: the box sits beside the pin inside
// `dataArea`; a note without a point, or with one outside `dataArea`, stacks down from its top-left.
std::vector<AnnotationShape> layoutAnnotations(const QFont& font, const QRect& dataArea,
                                               std::span<const Annotation> annotations,
                                               const AnnotationTarget& target, const AnnotationResolver& resolve);

// Draws laid-out annotations in red (a pin, an arrow, a box's outline must be found at a glance on
// any view), texts in white boxes with a dark border; arrows and boxes are clipped to `dataArea`.
void paintAnnotationShapes(QPainter& painter, const QRect& dataArea, std::span<const Annotation> annotations,
                           std::span<const AnnotationShape> shapes);

// layoutAnnotations then paintAnnotationShapes with the painter's font: what exports draw.
void paintAnnotations(QPainter& painter, const QRect& dataArea, std::span<const Annotation> annotations,
                      const AnnotationTarget& target, const AnnotationResolver& resolve);

// Marks a selected annotation: handles on its points, a dashed outline around its text.
void paintAnnotationSelection(QPainter& painter, const AnnotationShape& shape);

// The colour annotations are drawn in (tests look for it).
QColor annotationColor();

} // namespace gs::ui
