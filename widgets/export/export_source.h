// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/annotations/annotation_painter.h"

#include <QRect>
#include <QSize>

#include <functional>

class QPainter;
class QWidget;

namespace gs::ui {

// Something the exporter can draw: a view that paints itself onto any QPainter (an image, an SVG
// generator, a PDF writer) at a fixed logical size, so one exporter serves every view and every
// format. Built by the functions of view_sources.h; it borrows the view, so it must not outlive
// it, and is used on the GUI thread only.
struct ExportSource
{
    QSize size;                            // logical pixels
    std::function<void(QPainter&)> paint;  // paints QRect(QPoint(0, 0), size)
    QRect dataArea;                        // where unpinned notes go (no ruler or header); arrows and boxes are clipped to it
    AnnotationTarget target;               // which annotations the view shows (Any: only the dialog's note)
    AnnotationResolver resolve;            // where their anchors are; empty: none can be pinned
    const QWidget* origin = nullptr;       // the widget whose top-left is the picture's (0, 0), to
                                           // place the view's pins in a picture of the whole window
};

} // namespace gs::ui
