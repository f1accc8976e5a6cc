// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/annotations/annotation.h"
#include "widgets/export/export_caption.h"
#include "widgets/export/export_source.h"

#include <QImage>
#include <QString>

#include <optional>
#include <vector>

namespace gs::ui {

enum class ExportFormat
{
    Png,
    Svg,
    Pdf,
};

// The format a file name's suffix names (.png, .svg, .pdf, any case), or nothing.
std::optional<ExportFormat> exportFormatFor(const QString& path);

// How to export a source: everything but the view itself.
struct ExportOptions
{
    double pixelRatio = 1;                // PNG: 2 doubles the pixels, the layout stays the same
    std::optional<ExportCaption> caption; // the band under the picture; none: no band
    std::vector<Annotation> notes;        // those the source shows are drawn over it, pinned through it
};

// Logical size of the picture: the source, plus the caption band under it.
QSize exportSize(const ExportSource& source, const ExportOptions& options);

// Paints the view, its notes and the caption at the painter's origin: what every format draws.
void paintExport(QPainter& painter, const ExportSource& source, const ExportOptions& options);

// The picture as an image of exportSize() × pixelRatio pixels (clipboard, PNG).
QImage exportImage(const ExportSource& source, const ExportOptions& options);

// Writes the picture in the format `path`'s suffix names: PNG at options.pixelRatio, SVG and PDF
// as vectors (the views paint rectangles and text, so frame and goroutine names stay text you can
// search; one PDF page sized to the picture). The file is replaced atomically. Returns why it
// failed, as one line naming the file, or nothing. GUI thread only (the views paint).
std::optional<QString> exportToFile(const ExportSource& source, const ExportOptions& options, const QString& path);

} // namespace gs::ui
