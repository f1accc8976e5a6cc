// SPDX-License-Identifier: MIT
#include "widgets/timeline/user_annotation_hit.h"

#include "core/analysis/user_annotations.h"
#include "widgets/timeline/timeline_index.h"

#include <algorithm>

namespace gs::ui {

namespace {

constexpr int kSlackPx = 2;

// Pixels from x to the extent [x0, x1); 0 inside.
int distanceTo(int x, int x0, int x1)
{
    return x < x0 ? x0 - x : x >= x1 ? x - x1 + 1 : 0;
}

// The nearest region on track `track` of row g.
std::optional<uint32_t> regionAt(const TimelineScene& scene, const QRect& area, GoroutineRow g, int track, int x)
{
    const TraceData& t = *scene.trace;
    std::optional<uint32_t> best;
    int bestDistance = kSlackPx + 1;
    for (uint32_t k : scene.index->regions().items(g)) {
        const UserRegion& r = t.regions[k];
        if (r.start >= scene.window.endNs)
            break;
        if (r.end <= scene.window.startNs || int(std::min(r.depth, TimelineIndex::kMaxRegionTracks - 1)) != track)
            continue;
        const auto [x0, x1] = scene.xRange(area, r.start, r.end);
        if (const int d = distanceTo(x, x0, x1); d < bestDistance) {
            bestDistance = d;
            best = k;
        }
    }
    return best;
}

// The nearest marker of row g (its items' times in `times`) within the slack of x.
std::optional<uint32_t> markerAt(const TimelineScene& scene, const QRect& area, const RowBuckets& buckets,
                                 GoroutineRow g, int x, auto timeOf)
{
    const auto items = buckets.items(g);
    const auto times = buckets.times(g);
    const int left = scene.timeLeft(area);
    const TimeNs from = scene.window.xToTime(double(x - left - kSlackPx - AnnotationGeometry::kMarkerWidth));
    std::optional<uint32_t> best;
    int bestDistance = kSlackPx + 1;
    for (size_t i = size_t(std::lower_bound(times.begin(), times.end(), from) - times.begin()); i < items.size(); ++i) {
        const int x0 = left + scene.window.timeToPx(timeOf(items[i]));
        if (x0 > x + kSlackPx)
            break;
        if (const int d = distanceTo(x, x0, x0 + AnnotationGeometry::kMarkerWidth); d < bestDistance) {
            bestDistance = d;
            best = items[i];
        }
    }
    return best;
}

// The nearest task bar of a task lane; of several under x, the one that starts last (drawn last).
std::optional<TimelineHit> taskBarAt(const TimelineScene& scene, const QRect& area, size_t layoutRow, QPoint pos)
{
    const int y = pos.y() - scene.rowTop(area, layoutRow);
    if (y < 1 || y >= TimelineLayout::kTaskLaneHeight - 1)
        return std::nullopt;
    const int left = scene.timeLeft(area);
    std::optional<uint32_t> best;
    int bestDistance = kSlackPx + 1;
    scene.index->taskLanes().forEachIn(scene.layout->row(layoutRow).index, scene.window.xToTime(pos.x() - left - kSlackPx),
                                       scene.window.xToTime(pos.x() - left + kSlackPx + 1), 0,
                                       [&](uint32_t k, TimeNs start, TimeNs end) {
        const auto [x0, x1] = scene.xRange(area, start, end);
        if (const int d = distanceTo(pos.x(), x0, x1); d <= bestDistance) {
            bestDistance = d;
            best = k;
        }
    });
    if (!best)
        return std::nullopt;
    const TraceData& t = *scene.trace;
    TimelineHit hit;
    hit.kind = TimelineHit::Kind::Task;
    hit.layoutRow = layoutRow;
    hit.item = *best;
    const UserTask& task = t.tasks[*best];
    hit.index = task.goroutine != kNoGoroutineId ? t.rowOf(task.goroutine) : kNoRow;
    hit.timeNs = scene.window.xToTime(pos.x() - left);
    return hit;
}

} // namespace

std::optional<TimelineHit> hitUserAnnotation(const TimelineScene& scene, const QRect& area, size_t layoutRow,
                                             QPoint pos)
{
    const LayoutRow& row = scene.layout->row(layoutRow);
    if (!scene.index || pos.x() < scene.timeLeft(area))
        return std::nullopt;
    if (row.kind == RowKind::TaskLane)
        return taskBarAt(scene, area, layoutRow, pos);
    if (row.kind != RowKind::Goroutine)
        return std::nullopt;
    const TraceData& t = *scene.trace;
    const GoroutineRow g = row.index;
    const int y = pos.y() - scene.rowTop(area, layoutRow);
    TimelineHit hit;
    hit.layoutRow = layoutRow;
    hit.index = g;
    hit.timeNs = scene.window.xToTime(pos.x() - scene.timeLeft(area));
    if (y >= AnnotationGeometry::kTracksTop) {
        const int track = (y - AnnotationGeometry::kTracksTop) / TimelineLayout::kRegionTrackHeight;
        if (track >= int(scene.index->regionTracks(g)))
            return std::nullopt;
        const auto region = regionAt(scene, area, g, track, pos.x());
        if (!region)
            return std::nullopt;
        hit.kind = TimelineHit::Kind::Region;
        hit.item = *region;
        return hit;
    }
    if (y < AnnotationGeometry::kBarInset || y >= AnnotationGeometry::kBarInset + AnnotationGeometry::kBarHeight)
        return std::nullopt;
    const auto task =
        markerAt(scene, area, scene.index->tasks(), g, pos.x(), [&](uint32_t k) { return taskStartNs(t, t.tasks[k]); });
    if (task) {
        hit.kind = TimelineHit::Kind::Task;
        hit.item = *task;
        return hit;
    }
    if (y < AnnotationGeometry::kLogTop)
        return std::nullopt;
    const auto log = markerAt(scene, area, scene.index->logs(), g, pos.x(), [&](uint32_t k) { return t.logs[k].time; });
    if (!log)
        return std::nullopt;
    hit.kind = TimelineHit::Kind::Log;
    hit.item = *log;
    return hit;
}

} // namespace gs::ui
