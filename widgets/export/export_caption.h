// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"
#include "widgets/filters/filter_item.h"
#include "widgets/filters/goroutine_condition.h"

#include <QString>
#include <QStringList>

#include <vector>

class QPainter;
class QRect;

namespace gs::ui {

// What an exported picture shows, printed in a band under it so the picture still explains itself
// when pasted into a postmortem: which file, which part of it, which filters, and the author's
// words. Empty fields are left out.
struct ExportCaption
{
    QString file;        // the capture's file name
    QString scope;       // traces: the time range shown; profiles: the sample type
    QStringList filters; // the filter chips in effect, "Kind value" as the chips read
    QString text;        // what the user typed
};

// Height of the band at `width` logical pixels (its text wraps).
int captionHeight(const ExportCaption& caption, int width);
// Paints the band: a light background with a rule on top, the file and scope in bold, then the
// filters and the text.
void paintCaption(QPainter& painter, const QRect& band, const ExportCaption& caption);

// "0 s – 250 ms of 1.2 s": a time window relative to the trace start.
QString traceRangeText(const TraceData& trace, TimeNs fromNs, TimeNs toNs);
// The chips of the trace page's goroutine filter and of the profile page's filter bar.
QStringList goroutineFilterTexts(const std::vector<GoroutineCondition>& conditions);
QStringList profileFilterTexts(const std::vector<FilterItem>& items);

} // namespace gs::ui
