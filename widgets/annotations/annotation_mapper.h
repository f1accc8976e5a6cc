// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/annotations/annotation_painter.h"

#include <QPoint>
#include <QRect>

#include <functional>
#include <optional>

namespace gs::ui {

// How one view places annotations, in the coordinates of the widget it paints (a scroll area's
// viewport): which annotations it shows, where their anchors are, which anchor lies under a point
// and where its data is drawn. It borrows the view and computes everything when called, so it
// follows zoom, scroll and resize. Built by the functions of view_mappers.h; GUI thread only.
struct AnnotationMapper
{
    AnnotationTarget target;
    AnnotationResolver resolve;
    // The anchor under a point; nothing where no annotation can be pinned (a header, a gutter).
    std::function<std::optional<AnnotationAnchor>(QPoint)> anchorAt;
    std::function<QRect()> dataArea;
};

// `resolve` with its points moved by `offset` (the view's place in a larger picture).
inline AnnotationResolver shiftedResolver(AnnotationResolver resolve, QPoint offset)
{
    if (!resolve)
        return resolve;
    return [resolve = std::move(resolve), offset](const Annotation& a, const AnnotationAnchor& anchor) -> std::optional<QPoint> {
        const std::optional<QPoint> point = resolve(a, anchor);
        return point ? std::optional<QPoint>(*point + offset) : std::nullopt;
    };
}

} // namespace gs::ui
