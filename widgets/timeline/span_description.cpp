// SPDX-License-Identifier: MIT
#include "widgets/timeline/span_description.h"

#include "core/analysis/blocking_chain.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"
#include "widgets/timeline/group_activity.h"
#include "widgets/timeline/state_palette.h"
#include "widgets/timeline/user_annotation_description.h"

#include <algorithm>
#include <map>

namespace gs::ui {

namespace {

// Merged blocks with more spans than this describe their mix per core state (from the LOD
// checkpoints) instead of per wait reason, so a tooltip never walks millions of spans.
constexpr uint32_t kMaxReasonScan = 20000;
constexpr size_t kTooltipFrames = 6;

// Share label of a span for the merged-block breakdown: the wait reason for Waiting spans, the
// state otherwise.
QString shareLabel(const TraceData& trace, const Symbols& symbols, uint32_t span)
{
    const SpanTable& s = trace.spans;
    if (s.stateOf(span) == SpanState::Waiting && s.reasonOf(span) != 0)
        return captureText(symbols.strings.get(s.reasonOf(span)));
    return QString::fromLatin1(spanStateName(s.stateOf(span)));
}

QString describeSpan(const TimelineScene& scene, GoroutineRow row, uint32_t span)
{
    const TraceData& t = *scene.trace;
    const SpanTable& s = t.spans;
    QString html = QStringLiteral("<b>%1</b><br>%2<br>%3 at %4")
                       .arg(captureHtml(goroutineTitle(t, *scene.symbols, row)),
                            captureHtml(spanStateLabel(t, *scene.symbols, span)),
                            formatDuration(s.endOf(span) - s.startOf(span)),
                            formatDuration(s.startOf(span) - t.startNs));
    if (s.procOf(span) >= 0)
        html += QStringLiteral("<br>on P%1").arg(s.procOf(span));
    if (const int64_t waker = wakerOf(t, row, span); waker != kNoGoroutineId)
        html += QStringLiteral("<br>woken by G%1").arg(waker);
    return html + stackFramesHtml(*scene.symbols, s.stackOf(span), kTooltipFrames);
}

QString describeMerged(const TimelineScene& scene, GoroutineRow row, const FoldedBlock& b)
{
    const TraceData& t = *scene.trace;
    const SpanTable& s = t.spans;
    std::vector<std::pair<TimeNs, QString>> shares;
    TimeNs total = 0;
    if (b.count() <= kMaxReasonScan) {
        std::map<QString, TimeNs> byLabel;
        for (uint32_t k = b.begin; k < b.end; ++k)
            byLabel[shareLabel(t, *scene.symbols, k)] += s.endOf(k) - s.startOf(k);
        for (const auto& [label, ns] : byLabel) {
            shares.emplace_back(ns, label);
            total += ns;
        }
    } else {
        TimeNs mix[kSpanStateCount];
        s.stateMix(row, b.begin, b.end, mix);
        for (size_t k = 0; k < kSpanStateCount; ++k) {
            if (mix[k] > 0)
                shares.emplace_back(mix[k], QString::fromLatin1(spanStateName(SpanState(k))));
            total += mix[k];
        }
    }
    std::sort(shares.begin(), shares.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    QStringList parts;
    for (const auto& [ns, label] : shares) {
        const double share = total > 0 ? double(ns) / double(total) : 0.0;
        parts << QStringLiteral("%1 %2").arg(formatPercent(share), captureHtml(label));
    }
    return QStringLiteral("<b>%1</b><br>%2 spans: %3<br>%4 at %5<br><i>click to zoom in</i>")
        .arg(captureHtml(goroutineTitle(t, *scene.symbols, row)), QString::number(b.count()),
             parts.join(QStringLiteral(", ")),
             formatDuration(b.endNs - b.startNs), formatDuration(b.startNs - t.startNs));
}

// A processor's run or a thread's run or syscall, or a folded block of them. `name` is the
// resource's title ("P3", "Thread 1234 (M)"), `spansName` what a folded block counts.
QString describeResource(const TimelineScene& scene, const ResourceSpans& resource, const QString& name,
                         const QString& spansName, const FoldedBlock& b)
{
    const TraceData& t = *scene.trace;
    if (!b.merged) {
        const ProcSpan ps = t.resourceSpan(resource, b.begin);
        const GoroutineRow row = t.rowOf(ps.goroutine);
        const QString who =
            row != kNoRow ? goroutineTitle(t, *scene.symbols, row) : QStringLiteral("G%1").arg(ps.goroutine);
        const SpanState state = t.spans.stateOf(resource.spans[b.begin]);
        const QString doing = state == SpanState::Running ? QStringLiteral("running")
            : state == SpanState::SyscallBlocked         ? QStringLiteral("in a blocked syscall (its P taken) of")
                                                         : QStringLiteral("in a syscall of");
        return QStringLiteral("<b>%1</b> %2 %3<br>%4 at %5")
            .arg(name, doing, captureHtml(who), formatDuration(ps.end - ps.start), formatDuration(ps.start - t.startNs));
    }
    const TimeNs busy = resource.busyNs(t.spans, b.begin, b.end);
    const TimeNs total = std::max<TimeNs>(1, b.endNs - b.startNs);
    return QStringLiteral("<b>%1</b><br>%2 %3, busy %4<br>%5 at %6")
        .arg(name, QString::number(b.count()), spansName, formatPercent(double(busy) / double(total)),
             formatDuration(b.endNs - b.startNs), formatDuration(b.startNs - t.startNs));
}

// A group's activity at time t, "<br>at 1.2 s: 3.5 running, 120 blocked: network/IO, ...", the
// kinds with a goroutine or more on average, largest first; empty without an activity there.
QString describeActivity(const TimelineScene& scene, uint32_t group, TimeNs t)
{
    const GroupActivity* a = scene.activity;
    if (!a || a->empty() || group >= a->groupCount() || t < a->startNs() || t >= a->endNs())
        return {};
    const auto bucket = uint32_t(double(t - a->startNs()) / double(a->endNs() - a->startNs()) * a->buckets());
    const auto counts = a->counts(group, std::min(bucket, a->buckets() - 1));
    std::vector<std::pair<float, size_t>> kinds;
    for (size_t k = 0; k < counts.size(); ++k) {
        if (counts[k] >= 0.05f)
            kinds.emplace_back(counts[k], k);
    }
    std::sort(kinds.rbegin(), kinds.rend());
    QString text = QStringLiteral("<br>at %1:").arg(formatDuration(t - scene.trace->startNs));
    if (kinds.empty())
        return text + QStringLiteral(" none alive");
    for (size_t i = 0; i < kinds.size(); ++i)
        text += QStringLiteral("%1 %L2 %3").arg(i ? QStringLiteral(",") : QString()).arg(double(kinds[i].first), 0, 'f', 1)
                    .arg(captureHtml(spanKindName(SpanKind(kinds[i].second))));
    return text + QStringLiteral("<br>(average goroutines over %1; the strip's full height is %L2)")
                      .arg(formatDuration(TimeNs((a->endNs() - a->startNs()) / a->buckets())))
                      .arg(double(a->peak(group)), 0, 'f', 1);
}

} // namespace

QString spanStateLabel(const TraceData& trace, const Symbols& symbols, uint32_t span)
{
    const SpanTable& s = trace.spans;
    QString text = QString::fromLatin1(spanStateName(s.stateOf(span)));
    if (s.reasonOf(span) != 0)
        text += QStringLiteral(" (") + captureText(symbols.strings.get(s.reasonOf(span))) + QLatin1Char(')');
    return text;
}

QString stackFramesHtml(const Symbols& symbols, StackId stack, size_t maxFrames)
{
    QString html;
    const auto frames = symbols.stacks.frames(stack);
    for (size_t k = 0; k < std::min(frames.size(), maxFrames); ++k)
        html += QStringLiteral("<br>&nbsp;&nbsp;")
            + captureHtml(symbols.functionName(symbols.frameFunction(frames[k])));
    if (frames.size() > maxFrames)
        html += QStringLiteral("<br>&nbsp;&nbsp;\u2026 %1 more frames").arg(frames.size() - maxFrames);
    return html;
}

QString formatDuration(TimeNs ns)
{
    return formatValue(ns, "nanoseconds");
}

QString goroutineTitle(const TraceData& trace, const Symbols& symbols, GoroutineRow row)
{
    const Goroutine& g = trace.goroutines[row];
    QString title = QStringLiteral("G%1").arg(g.id);
    if (g.hasStartFunction())
        title += QLatin1Char(' ') + captureText(symbols.functionName(g.startFunction));
    return title;
}

RangeSummary summarizeRange(const TraceData& trace, const TimelineLayout& layout, TimeNs a, TimeNs b)
{
    RangeSummary sum;
    sum.startNs = std::min(a, b);
    sum.endNs = std::max(a, b);
    const SpanTable& s = trace.spans;
    for (size_t i = 0; i < layout.rowCount(); ++i) {
        if (layout.row(i).kind != RowKind::Goroutine)
            continue;
        const GoroutineRow row = layout.row(i).index;
        const uint32_t first = s.firstEndingAfter(row, sum.startNs);
        const uint32_t last = std::max(first, s.firstStartingFrom(row, sum.endNs));
        if (first >= last)
            continue;
        ++sum.goroutines;
        // Whole spans in between come from the checkpoints; the two edge spans are clipped.
        if (last - first > 2) {
            TimeNs mix[kSpanStateCount];
            s.stateMix(row, first + 1, last - 1, mix);
            for (size_t k = 0; k < kSpanStateCount; ++k)
                sum.byState[k] += mix[k];
        }
        auto clipped = [&](uint32_t k) {
            return std::min(s.endOf(k), sum.endNs) - std::max(s.startOf(k), sum.startNs);
        };
        sum.byState[size_t(s.stateOf(first))] += clipped(first);
        if (last - 1 != first)
            sum.byState[size_t(s.stateOf(last - 1))] += clipped(last - 1);
    }
    return sum;
}

QString describeRange(const RangeSummary& summary)
{
    TimeNs total = 0;
    for (TimeNs ns : summary.byState)
        total += ns;
    QString text = QStringLiteral("%1 selected, %2 goroutines")
                       .arg(formatDuration(summary.endNs - summary.startNs), QString::number(summary.goroutines));
    for (size_t k = 0; k < kSpanStateCount; ++k) {
        if (summary.byState[k] == 0)
            continue;
        text += QStringLiteral("\n%1: %2 (%3)")
                    .arg(QString::fromLatin1(spanStateName(SpanState(k))), formatDuration(summary.byState[k]),
                         formatPercent(total > 0 ? double(summary.byState[k]) / double(total) : 0.0));
    }
    return text;
}

QString describeHit(const TimelineScene& scene, const TimelineHit& hit)
{
    if (!scene.trace || !scene.symbols)
        return {};
    switch (hit.kind) {
    case TimelineHit::Kind::None:
        return {};
    case TimelineHit::Kind::Span:
        return describeSpan(scene, hit.index, hit.block.begin);
    case TimelineHit::Kind::MergedSpans:
        return describeMerged(scene, hit.index, hit.block);
    case TimelineHit::Kind::ProcSpan:
        return describeResource(scene, scene.trace->processors[hit.index],
                                QStringLiteral("P%1").arg(scene.trace->processors[hit.index].id),
                                QStringLiteral("goroutine runs"), hit.block);
    case TimelineHit::Kind::ThreadSpan:
        return describeResource(scene, scene.trace->threadSpans(hit.index),
                                QStringLiteral("Thread %1 (M)").arg(scene.trace->threads[hit.index].id),
                                QStringLiteral("goroutine runs and syscalls"), hit.block);
    case TimelineHit::Kind::Region:
    case TimelineHit::Kind::Task:
    case TimelineHit::Kind::Log:
        return describeUserAnnotation(scene, hit);
    case TimelineHit::Kind::GroupHeader: {
        const GoroutineGroup& g = scene.layout->groups()[hit.index];
        const QString name = g.function == UINT32_MAX ? QStringLiteral("(unknown start function)")
                                                      : captureText(scene.symbols->functionName(g.function));
        return QStringLiteral("<b>%1</b><br>%2 goroutine%3%4<br><i>click to %5</i>")
            .arg(captureHtml(name), QStringLiteral("%L1").arg(g.members.size()),
                 g.members.size() == 1 ? QString() : QStringLiteral("s"),
                 hit.timeNs ? describeActivity(scene, hit.index, *hit.timeNs) : QString(),
                 g.collapsed ? QStringLiteral("expand") : QStringLiteral("collapse"));
    }
    case TimelineHit::Kind::RowLabel: {
        const GoroutineStats stats = scene.trace->goroutineStats(hit.index);
        return QStringLiteral("<b>%1</b><br>running %2, runnable %3, syscall %4, blocked %5")
            .arg(captureHtml(goroutineTitle(*scene.trace, *scene.symbols, hit.index)), formatDuration(stats.execNs),
                 formatDuration(stats.schedWaitNs), formatDuration(stats.syscallNs),
                 formatDuration(totalBlockedNs(stats)));
    }
    }
    return {};
}

} // namespace gs::ui
