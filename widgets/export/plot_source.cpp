// SPDX-License-Identifier: MIT
#include "widgets/export/plot_source.h"

#include "widgets/annotations/view_mappers.h"

#include <QPicture>

#include <qcustomplot.h>

namespace gs::ui {

ExportSource plotSource(QCustomPlot& plot)
{
    ExportSource source;
    source.size = plot.size();
    source.dataArea = plot.rect();
    source.origin = &plot;
    source.paint = [&plot, size = source.size](QPainter& painter) {
        // toPainter wants a QCPPainter of its own; a picture records its drawing as commands.
        QPicture picture;
        QCPPainter recorder(&picture);
        plot.toPainter(&recorder, size.width(), size.height());
        recorder.end();
        painter.drawPicture(0, 0, picture);
    };
    const AnnotationMapper mapper = plotMapper(plot);
    source.target = mapper.target;
    source.resolve = mapper.resolve;
    return source;
}

} // namespace gs::ui
