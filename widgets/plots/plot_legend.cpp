// SPDX-License-Identifier: MIT
#include "widgets/plots/plot_legend.h"

namespace gs::ui {

QCPLegend* addInsetLegend(QCPAxisRect* rect, const QList<QCPGraph*>& graphs, bool oneRow)
{
    auto* legend = new QCPLegend;
    rect->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignLeft);
    legend->setLayer(QStringLiteral("legend"));
    if (oneRow) {
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
        legend->setRowSpacing(0);
    }
    // Its colours follow the plot's palette (followPalette).
    legend->setMargins(QMargins(4, 1, 4, 1));
    for (QCPGraph* g : graphs)
        legend->addItem(new QCPPlottableLegendItem(legend, g));
    return legend;
}

QCPLegend* insetLegend(QCPAxisRect* rect)
{
    for (int i = 0; i < rect->insetLayout()->elementCount(); ++i) {
        if (auto* legend = qobject_cast<QCPLegend*>(rect->insetLayout()->elementAt(i)))
            return legend;
    }
    return nullptr;
}

} // namespace gs::ui
