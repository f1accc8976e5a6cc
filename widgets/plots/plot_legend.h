// SPDX-License-Identifier: MIT
#pragma once

#include <qcustomplot.h>

#include <QList>

namespace gs::ui {

// A legend naming `graphs` in the top-left corner inside `rect`, on one row when `oneRow` (a short
// plot has no room for a column of names). The plot's own legend serves only its main rect.
QCPLegend* addInsetLegend(QCPAxisRect* rect, const QList<QCPGraph*>& graphs, bool oneRow);

// The legend addInsetLegend put in `rect`, or null.
QCPLegend* insetLegend(QCPAxisRect* rect);

} // namespace gs::ui
