// SPDX-License-Identifier: MIT
#include "widgets/timeline/user_annotation_description.h"

#include "core/analysis/user_annotations.h"
#include "widgets/common/capture_display.h"
#include "widgets/timeline/span_description.h"

#include <algorithm>

namespace gs::ui {

namespace {

constexpr size_t kTooltipFrames = 6;

// "task 7 (checkout)", or "no task" for Go's background task.
QString taskLabel(const TraceData& t, const Symbols& symbols, uint64_t id)
{
    if (id == 0)
        return QStringLiteral("no task");
    const auto it = std::find_if(t.tasks.begin(), t.tasks.end(), [&](const UserTask& k) { return k.id == id; });
    if (it == t.tasks.end() || it->name == 0)
        return QStringLiteral("task %1").arg(id);
    return QStringLiteral("task %1 (%2)").arg(QString::number(id), captureHtml(symbols.strings.get(it->name)));
}

QString goroutineLabel(const TraceData& t, const Symbols& symbols, int64_t goroutine)
{
    const GoroutineRow row = t.rowOf(goroutine);
    return captureHtml(row != kNoRow ? goroutineTitle(t, symbols, row) : QStringLiteral("G%1").arg(goroutine));
}

// "<br>began at:" and the top frames, or nothing without a stack.
QString stackSection(const Symbols& symbols, const QString& title, StackId stack)
{
    const QString frames = stackFramesHtml(symbols, stack, kTooltipFrames);
    return frames.isEmpty() ? QString() : QStringLiteral("<br>%1:%2").arg(title, frames);
}

QString describeRegion(const TraceData& t, const Symbols& symbols, const UserRegion& r)
{
    return QStringLiteral("<b>region</b> %1<br>%2, %3<br>%4 at %5")
               .arg(captureHtml(symbols.strings.get(r.name)), goroutineLabel(t, symbols, r.goroutine),
                    taskLabel(t, symbols, r.task), formatDuration(r.end - r.start), formatDuration(r.start - t.startNs))
           + stackSection(symbols, QStringLiteral("began at"), r.startStack)
           + stackSection(symbols, QStringLiteral("ended at"), r.endStack);
}

QString describeTask(const TraceData& t, const Symbols& symbols, const UserTask& k)
{
    QString html = QStringLiteral("<b>%1</b><br>begun by %2")
                       .arg(taskLabel(t, symbols, k.id), goroutineLabel(t, symbols, k.goroutine));
    if (k.parent != 0)
        html += QStringLiteral("<br>child of %1").arg(taskLabel(t, symbols, k.parent));
    const TimeNs start = taskStartNs(t, k);
    const QString began = k.start >= 0 ? formatDuration(k.start - t.startNs) : QStringLiteral("before the trace");
    if (k.end >= 0)
        html += QStringLiteral("<br>%1 at %2").arg(formatDuration(k.end - start), began);
    else
        html += QStringLiteral("<br>began at %1, still running at the end").arg(began);
    return html;
}

QString describeLog(const TraceData& t, const Symbols& symbols, const UserLog& l)
{
    const QString category =
        l.category != 0 ? QStringLiteral("[%1] ").arg(captureHtml(symbols.strings.get(l.category))) : QString();
    return QStringLiteral("<b>log</b> %1%2<br>%3, %4<br>at %5")
               .arg(category, captureHtml(symbols.strings.get(l.message)), goroutineLabel(t, symbols, l.goroutine),
                    taskLabel(t, symbols, l.task), formatDuration(l.time - t.startNs))
           + stackFramesHtml(symbols, l.stack, kTooltipFrames);
}

} // namespace

QString describeUserAnnotation(const TimelineScene& scene, const TimelineHit& hit)
{
    const TraceData& t = *scene.trace;
    const Symbols& symbols = *scene.symbols;
    switch (hit.kind) {
    case TimelineHit::Kind::Region:
        return describeRegion(t, symbols, t.regions[hit.item]);
    case TimelineHit::Kind::Task:
        return describeTask(t, symbols, t.tasks[hit.item]);
    case TimelineHit::Kind::Log:
        return describeLog(t, symbols, t.logs[hit.item]);
    default:
        return {};
    }
}

} // namespace gs::ui
