// SPDX-License-Identifier: MIT
#include "widgets/timeline/timeline_painter.h"

#include "core/analysis/user_annotations.h"
#include "widgets/common/capture_display.h"
#include "widgets/common/go_names.h"
#include "widgets/timeline/contributor_highlight.h"
#include "widgets/timeline/group_activity.h"
#include "widgets/timeline/rect_batch.h"
#include "widgets/timeline/state_palette.h"
#include "widgets/timeline/time_ruler.h"
#include "widgets/timeline/user_annotation_hit.h"

#include <QFontMetrics>
#include <QPainter>
#include <QStaticText>

#include <algorithm>
#include <array>
#include <span>
#include <unordered_map>

namespace gs::ui {

namespace {

constexpr int kMinTextPx = 40;      // blocks narrower than this get no label
constexpr int kHitSlackPx = 2;
constexpr int kOutlinePx = 2;       // contributor outline thickness; narrower stretches are filled

// A processor's or thread's spans as a foldSpans sequence.
struct ResourceSeq
{
    const TraceData* trace = nullptr;
    const std::vector<uint32_t>* spans = nullptr; // ResourceSpans::spans

    size_t size() const { return spans->size(); }
    TimeNs start(uint32_t i) const { return trace->spans.startOf((*spans)[i]); }
    TimeNs end(uint32_t i) const { return trace->spans.endOf((*spans)[i]); }
    uint32_t skipJoined(uint32_t last, TimeNs, TimeNs) const { return last; }
};

void foldRow(const TimelineScene& scene, const LayoutRow& row, std::vector<FoldedBlock>& out)
{
    if (row.kind == RowKind::Goroutine)
        foldGoroutineRow(scene.trace->spans, row.index, scene.window, TimelineScene::kMinBlockPx, out,
                         scene.index->stepMaxima(row.index));
    else if (const ResourceSpans* resource = resourceOf(*scene.trace, row))
        foldSpans(ResourceSeq{scene.trace, &resource->spans}, scene.window, TimelineScene::kMinBlockPx, out);
}

// Calls fn(k) for the items of a sorted time column that fall into the window, at most one per
// pixel column: fn returns the last pixel column it covered (window-relative), and the walk jumps
// to the first item after it. With `fromPrevious`, the item before the window start is included
// (for ranges that may reach into the window).
template<typename Fn>
void forEachPerPixel(std::span<const TimeNs> times, const TimeWindow& w, bool fromPrevious, Fn fn)
{
    auto it = std::lower_bound(times.begin(), times.end(), w.startNs);
    if (fromPrevious && it != times.begin())
        --it;
    while (it != times.end() && *it < w.endNs) {
        const int lastPx = fn(size_t(it - times.begin()));
        it = std::max(it + 1, std::lower_bound(it + 1, times.end(), w.xToTime(lastPx + 1)));
    }
}

// Draws the state shares of a merged goroutine block as stacked bands, in a fixed order.
void addMergedBlock(RectBatch& batch, const StatePalette& pal, const TimeNs mix[kSpanStateCount], int x0, int x1,
                    int top, int height)
{
    static constexpr SpanState kOrder[] = {SpanState::Running, SpanState::Runnable, SpanState::Syscall,
                                           SpanState::SyscallBlocked, SpanState::Waiting};
    TimeNs total = 0;
    for (size_t s = 0; s < kSpanStateCount; ++s)
        total += mix[s];
    if (total <= 0) {
        batch.add(pal.mixedWaiting, QRect(x0, top, x1 - x0, height));
        return;
    }
    TimeNs cumulative = 0;
    int y = top;
    for (SpanState s : kOrder) {
        cumulative += mix[size_t(s)];
        // Rounding the cumulative share keeps the bands adjacent and their sum exactly `height`.
        const int yEnd = top + int((cumulative * height + total / 2) / total);
        if (yEnd > y)
            batch.add(pal.forState(s), QRect(x0, y, x1 - x0, yEnd - y));
        y = yEnd;
    }
}

// One swatch and name per colour, left to right, as far as the width allows.
void paintLegend(QPainter& painter, const QRect& rect)
{
    const StatePalette& pal = StatePalette::standard();
    std::vector<std::pair<const QColor*, QString>> entries;
    for (size_t k = 0; k < kSpanKindCount; ++k)
        entries.emplace_back(&pal.kind[k], spanKindName(SpanKind(k)));
    entries.emplace_back(&pal.mixedWaiting, QStringLiteral("merged: waiting"));
    entries.emplace_back(&pal.assist, QStringLiteral("GC assist"));
    entries.emplace_back(&pal.region, QStringLiteral("user region"));
    const QFontMetrics fm(painter.font());
    int x = rect.left() + 2;
    for (const auto& [colour, name] : entries) {
        const int w = 12 + fm.horizontalAdvance(name) + 10;
        if (x + w > rect.right())
            break;
        painter.fillRect(QRect(x, rect.top() + 4, 9, rect.height() - 8), *colour);
        painter.setPen(pal.text);
        painter.drawText(QRect(x + 12, rect.top(), w - 12, rect.height()), Qt::AlignLeft | Qt::AlignVCenter, name);
        x += w;
    }
}

struct Label
{
    QRect rect;
    QString text;
    const QColor* colour;
    const QStaticText* shaped = nullptr; // set for interned strings (span reasons, region names)
};

// Span and region labels repeat a handful of interned strings thousands of times per frame when
// zoomed in; shaping each once per paint (QStaticText) instead of per label keeps text cheap.
class LabelCache
{
public:
    explicit LabelCache(const QFont& font)
        : m_font(font)
    {
    }
    const QStaticText& get(const Symbols& symbols, StringId id)
    {
        auto [it, inserted] = m_texts.try_emplace(id);
        if (inserted) {
            it->second.setText(captureText(symbols.strings.get(id)));
            it->second.setTextFormat(Qt::PlainText);
            it->second.prepare(QTransform(), m_font);
        }
        return it->second;
    }

private:
    QFont m_font;
    std::unordered_map<StringId, QStaticText> m_texts; // node-based: references stay valid
};

class RowPainter
{
public:
    RowPainter(QPainter& painter, const TimelineScene& scene, const QRect& area)
        : m_painter(painter)
        , m_scene(scene)
        , m_area(area)
        , m_pal(StatePalette::standard())
        , m_timeLeft(scene.timeLeft(area))
        , m_labelFont(labelFont(painter.font()))
        , m_cache(m_labelFont)
    {
    }

    static QFont labelFont(QFont font)
    {
        font.setPixelSize(10);
        return font;
    }

    void paint()
    {
        const TimelineLayout& layout = *m_scene.layout;
        const QRect rows = m_scene.rowsRect(m_area);
        if (rows.isEmpty())
            return;
        const size_t first = layout.rowAt(m_scene.scrollY);
        size_t last = first;
        while (last < layout.rowCount() && m_scene.rowTop(m_area, last) < rows.bottom() + 1)
            ++last;

        for (size_t i = first; i < last; ++i)
            paintBackground(i);
        // Rows paint their own background; only the space below the last one needs clearing.
        const int usedBottom = last > first ? m_scene.rowTop(m_area, last - 1) + layout.height(last - 1) : rows.top();
        if (usedBottom <= rows.bottom())
            m_batch.add(m_pal.rowEven, QRect(rows.left(), usedBottom, rows.width(), rows.bottom() + 1 - usedBottom));
        for (const RulerTick& t : rulerTicks(m_scene.window, m_scene.trace->startNs, kRulerTickSpacingPx))
            m_batch.add(m_pal.grid, QRect(m_timeLeft + t.x, rows.top(), 1, rows.height()));
        m_batch.flush(m_painter);

        for (size_t i = first; i < last; ++i) {
            const LayoutRow& row = layout.row(i);
            if (row.kind == RowKind::Goroutine)
                paintGoroutine(i, row.index);
            else if (const ResourceSpans* resource = resourceOf(*m_scene.trace, row))
                paintResource(i, *resource);
            else if (row.kind == RowKind::TaskLane)
                paintTaskLane(i, row.index);
            else
                paintGroupActivity(i, row.index);
        }
        m_batch.flush(m_painter);
        paintOverlays(first, last);
        m_batch.flush(m_painter);
        paintLabels();
        paintSelection(rows);
        // Last, so neither the selection tint nor a label hides a contributor.
        paintContributors(first, last);
        m_batch.flush(m_painter);
    }

private:
    void paintBackground(size_t i)
    {
        const TimelineLayout& layout = *m_scene.layout;
        const LayoutRow& row = layout.row(i);
        const int top = m_scene.rowTop(m_area, i);
        const int h = layout.height(i);
        const QRect full(m_area.left(), top, m_area.width(), h);
        const QRect gutter(m_area.left(), top, m_scene.labelWidth, h);
        if (row.kind == RowKind::GroupHeader) {
            // Name and size in the gutter, two lines; the activity strip fills the time area.
            m_batch.add(m_pal.groupHeader, full);
            const GoroutineGroup& g = layout.groups()[row.index];
            const QString name = g.function == UINT32_MAX ? QStringLiteral("(unknown start function)")
                                                           : captureText(goShortName(m_scene.symbols->functionName(g.function)));
            const int half = h / 2;
            const QRect text = gutter.adjusted(4, 1, -4, 0);
            m_labels.push_back({QRect(text.left(), text.top(), text.width(), half),
                                (g.collapsed ? QStringLiteral("\u25b8 ") : QStringLiteral("\u25be ")) + name, &m_pal.text});
            m_labels.push_back({QRect(text.left() + 12, text.top() + half, text.width() - 12, h - half - 2),
                                (g.members.size() == 1 ? QStringLiteral("%L1 goroutine") : QStringLiteral("%L1 goroutines"))
                                    .arg(g.members.size()),
                                &m_pal.dimText});
            return;
        }
        m_batch.add((i % 2) ? m_pal.rowOdd : m_pal.rowEven, full);
        m_batch.add(m_pal.gutter, gutter);
        QString text;
        if (row.kind == RowKind::Processor) {
            text = QStringLiteral("P%1").arg(m_scene.trace->processors[row.index].id);
        } else if (row.kind == RowKind::Thread) {
            text = QStringLiteral("M%1").arg(m_scene.trace->threads[row.index].id);
        } else if (row.kind == RowKind::TaskLane) {
            // The first lane names them all.
            if (row.index == 0)
                text = QStringLiteral("tasks (%L1)").arg(m_scene.trace->tasks.size());
        } else {
            const Goroutine& g = m_scene.trace->goroutines[row.index];
            text = QStringLiteral("G%1").arg(g.id);
            if (g.hasStartFunction())
                text += QLatin1Char(' ') + captureText(goShortName(m_scene.symbols->functionName(g.startFunction)));
        }
        const int labelH = row.kind == RowKind::Goroutine ? TimelineLayout::kStateBarHeight : h;
        m_labels.push_back({QRect(gutter.left() + 14, top, gutter.width() - 18, labelH), text, &m_pal.text});
    }

    void paintGoroutine(size_t i, GoroutineRow g)
    {
        const SpanTable& spans = m_scene.trace->spans;
        const int top = m_scene.rowTop(m_area, i) + 1;
        const int h = TimelineLayout::kStateBarHeight - 2;
        m_blocks.clear();
        foldRow(m_scene, m_scene.layout->row(i), m_blocks);
        for (const FoldedBlock& b : m_blocks) {
            const auto [x0, x1] = m_scene.xRange(m_area, b.startNs, b.endNs);
            if (b.merged) {
                TimeNs mix[kSpanStateCount];
                spans.stateMix(g, b.begin, b.end, mix);
                addMergedBlock(m_batch, m_pal, mix, x0, x1, top, h);
                continue;
            }
            const SpanKind kind = m_scene.index->kindOf(spans, b.begin);
            m_batch.add(m_pal.kind[size_t(kind)], QRect(x0, top, x1 - x0, h));
            if (x1 - x0 >= kMinTextPx && spans.stateOf(b.begin) != SpanState::Running && spans.reasonOf(b.begin) != 0)
                m_labels.push_back({QRect(x0 + 2, top, x1 - x0 - 4, h), QString(), &m_pal.text,
                                    &m_cache.get(*m_scene.symbols, spans.reasonOf(b.begin))});
        }
    }

    // A lane of user tasks: each a bar over its lifetime, named by its type where it is wide enough.
    void paintTaskLane(size_t i, uint32_t lane)
    {
        const TraceData& t = *m_scene.trace;
        const TimeWindow& w = m_scene.window;
        const int top = m_scene.rowTop(m_area, i) + 1;
        const int h = TimelineLayout::kTaskLaneHeight - 2;
        const QColor edge = m_pal.task.darker(140);
        m_scene.index->taskLanes().forEachIn(lane, w.startNs, w.endNs, w.xToTime(1) - w.startNs,
                                            [&](uint32_t k, TimeNs start, TimeNs end) {
            const auto [x0, x1] = m_scene.xRange(m_area, start, end);
            m_batch.add(m_pal.task, QRect(x0, top, x1 - x0, h));
            // A darker first column tells back-to-back tasks apart.
            m_batch.add(edge, QRect(x0, top, 1, h));
            if (x1 - x0 >= kMinTextPx)
                m_labels.push_back({QRect(x0 + 3, top, x1 - x0 - 5, h), QString(), &m_pal.regionText,
                                    &m_cache.get(*m_scene.symbols, t.tasks[k].name)});
        });
    }

    // The group's goroutines per state as a stacked strip: per pixel column the average count in
    // each kind over the column's time, running at the bottom, scaled to the group's busiest
    // moment in the activity. Adjacent columns of equal height merge into one rectangle.
    void paintGroupActivity(size_t i, uint32_t group)
    {
        const GroupActivity* a = m_scene.activity;
        if (!a || a->empty() || group >= a->groupCount() || a->peak(group) <= 0)
            return;
        const int top = m_scene.rowTop(m_area, i) + 2;
        const int h = TimelineLayout::kHeaderRowHeight - 4;
        const double scale = h / double(a->peak(group));
        const double bucketNs = double(a->endNs() - a->startNs()) / a->buckets();
        const TimeWindow& w = m_scene.window;
        struct Pending
        {
            int x = 0, y = 0, height = 0, width = 0;
        };
        std::array<Pending, kSpanKindCount> pending{};
        auto flush = [&](size_t k) {
            if (pending[k].width > 0 && pending[k].height > 0)
                m_batch.add(m_pal.kind[k], QRect(pending[k].x, pending[k].y, pending[k].width, pending[k].height));
            pending[k].width = 0;
        };
        for (int x = 0; x < w.widthPx; ++x) {
            // The buckets under this column, averaged.
            const double t0 = double(w.xToTime(x) - a->startNs()) / bucketNs;
            const double t1 = double(w.xToTime(x + 1) - a->startNs()) / bucketNs;
            const int64_t b0 = std::max<int64_t>(0, int64_t(t0));
            const int64_t b1 = std::min<int64_t>(a->buckets(), std::max<int64_t>(int64_t(t1), b0 + 1));
            std::array<float, kSpanKindCount> sum{};
            for (int64_t b = b0; b < b1; ++b) {
                const auto c = a->counts(group, uint32_t(b));
                for (size_t k = 0; k < kSpanKindCount; ++k)
                    sum[k] += c[k];
            }
            const float n = float(std::max<int64_t>(1, b1 - b0));
            int y = top + h;
            for (size_t k = 0; k < kSpanKindCount; ++k) {
                const int bar = b0 < b1 ? int(sum[k] / n * scale + 0.5) : 0;
                y -= bar;
                Pending& p = pending[k];
                if (p.width > 0 && p.y == y && p.height == bar && p.x + p.width == m_timeLeft + x) {
                    ++p.width;
                    continue;
                }
                flush(k);
                p = {m_timeLeft + x, y, bar, 1};
            }
        }
        for (size_t k = 0; k < kSpanKindCount; ++k)
            flush(k);
    }

    // A processor's runs, or a thread's runs and syscalls: each run in its goroutine's colour,
    // a syscall in its state's colour; folded blocks as a busy-share bar.
    void paintResource(size_t i, const ResourceSpans& resource)
    {
        const TraceData& t = *m_scene.trace;
        const int top = m_scene.rowTop(m_area, i) + 1;
        const int h = TimelineLayout::kProcRowHeight - 2;
        m_blocks.clear();
        foldRow(m_scene, m_scene.layout->row(i), m_blocks);
        for (const FoldedBlock& b : m_blocks) {
            const auto [x0, x1] = m_scene.xRange(m_area, b.startNs, b.endNs);
            if (!b.merged) {
                const int64_t goroutine = t.resourceSpan(resource, b.begin).goroutine;
                const SpanState state = t.spans.stateOf(resource.spans[b.begin]);
                const bool running = state == SpanState::Running;
                m_batch.add(running ? m_pal.forGoroutine(goroutine) : m_pal.forState(state), QRect(x0, top, x1 - x0, h));
                if (x1 - x0 >= kMinTextPx)
                    m_labels.push_back({QRect(x0 + 2, top, x1 - x0 - 4, h),
                                        running ? QStringLiteral("G%1").arg(goroutine) : QStringLiteral("G%1 syscall").arg(goroutine),
                                        &m_pal.text});
                continue;
            }
            // A merged block shows utilisation: the busy share of its time as a bar height.
            const TimeNs busy = resource.busyNs(t.spans, b.begin, b.end);
            const TimeNs total = std::max<TimeNs>(1, b.endNs - b.startNs);
            const int bh = std::clamp(int((busy * h + total / 2) / total), 1, h);
            m_batch.add(m_pal.procBusy, QRect(x0, top + h - bh, x1 - x0, bh));
        }
    }

    void paintOverlays(size_t first, size_t last)
    {
        const TraceData& t = *m_scene.trace;
        const TimeWindow& w = m_scene.window;
        for (size_t i = first; i < last; ++i) {
            const LayoutRow& row = m_scene.layout->row(i);
            if (row.kind != RowKind::Goroutine)
                continue;
            const GoroutineRow g = row.index;
            const int rowTop = m_scene.rowTop(m_area, i);
            const int top = rowTop + AnnotationGeometry::kBarInset;
            const int h = AnnotationGeometry::kBarHeight;
            const TimelineIndex& idx = *m_scene.index;

            auto assists = idx.assists().items(g);
            forEachPerPixel(idx.assists().times(g), w, true, [&](size_t k) {
                const TimeRange& r = t.assistRanges[assists[k]];
                const auto [x0, x1] = m_scene.xRange(m_area, r.start, r.end);
                if (r.end > w.startNs)
                    m_batch.add(m_pal.assist, QRect(x0, top, x1 - x0, 3));
                return x1 - 1 - m_timeLeft;
            });
            paintRegions(g, rowTop + AnnotationGeometry::kTracksTop);
            auto markers = [&](const RowBuckets& buckets, auto timeOf, const QColor& colour, int y, int mh, int mw) {
                auto items = buckets.items(g);
                forEachPerPixel(buckets.times(g), w, false, [&](size_t k) {
                    const int x = m_timeLeft + w.timeToPx(timeOf(items[k]));
                    m_batch.add(colour, QRect(x, y, mw, mh));
                    return x + mw - 1 - m_timeLeft;
                });
            };
            markers(idx.samples(), [&](uint32_t k) { return t.cpuSamples[k].time; }, m_pal.sample, top + h - 3, 3, 1);
            constexpr int kMarker = AnnotationGeometry::kMarkerWidth;
            markers(idx.tasks(), [&](uint32_t k) { return taskStartNs(t, t.tasks[k]); }, m_pal.task, top, h, kMarker);
            const int logTop = rowTop + AnnotationGeometry::kLogTop;
            markers(idx.logs(), [&](uint32_t k) { return t.logs[k].time; }, m_pal.log, logTop, top + h - logTop, kMarker);
        }
    }

    // The stretches that fed the selected flame-graph frame, outlined on their goroutines' state
    // bars (a narrow one is filled, so it stays visible zoomed out), and a marker in the row label.
    void paintContributors(size_t first, size_t last)
    {
        if (!m_scene.contributors || m_scene.contributors->empty())
            return;
        const QColor& colour = m_pal.contributor;
        for (size_t i = first; i < last; ++i) {
            const LayoutRow& row = m_scene.layout->row(i);
            const FrameContribution* c =
                row.kind == RowKind::Goroutine ? m_scene.contributors->of(row.index) : nullptr;
            if (!c)
                continue;
            const int top = m_scene.rowTop(m_area, i);
            const int h = TimelineLayout::kStateBarHeight;
            m_batch.add(colour, QRect(m_area.left() + 5, top + h / 2 - 3, 6, 6));
            forEachVisibleStretch(*c, m_scene.window, [&](TimeNs a, TimeNs b) {
                const auto [x0, x1] = m_scene.xRange(m_area, a, b);
                const int w = std::max(x1 - x0, kOutlinePx);
                if (w < 3 * kOutlinePx) {
                    m_batch.add(colour, QRect(x0, top, w, h));
                } else {
                    m_batch.add(colour, QRect(x0, top, w, kOutlinePx));
                    m_batch.add(colour, QRect(x0, top + h - kOutlinePx, w, kOutlinePx));
                    m_batch.add(colour, QRect(x0, top, kOutlinePx, h));
                    m_batch.add(colour, QRect(x0 + w - kOutlinePx, top, kOutlinePx, h));
                }
                return x0 + w - 1 - m_timeLeft;
            });
        }
    }

    // Regions of a row, one track per nesting depth below the state bar.
    void paintRegions(GoroutineRow g, int tracksTop)
    {
        const TraceData& t = *m_scene.trace;
        const TimeWindow& w = m_scene.window;
        // TODO(perf): rows with thousands of regions are walked up to the window end; an interval
        // index would bound this by pixels as well. Real traces have few regions per goroutine.
        for (uint32_t k : m_scene.index->regions().items(g)) {
            const UserRegion& r = t.regions[k];
            if (r.start >= w.endNs)
                break;
            if (r.end <= w.startNs)
                continue;
            const int track = int(std::min(r.depth, TimelineIndex::kMaxRegionTracks - 1));
            const auto [x0, x1] = m_scene.xRange(m_area, r.start, r.end);
            const QRect box(x0, tracksTop + track * TimelineLayout::kRegionTrackHeight, x1 - x0,
                            TimelineLayout::kRegionTrackHeight - 1);
            m_batch.add(m_pal.region, box);
            if (box.width() >= kMinTextPx)
                m_labels.push_back({box.adjusted(2, 0, -2, 0), QString(), &m_pal.regionText,
                                    &m_cache.get(*m_scene.symbols, r.name)});
        }
    }

    void paintLabels()
    {
        m_painter.setFont(m_labelFont);
        const QFontMetrics fm(m_labelFont);
        for (const Label& l : m_labels) {
            m_painter.setPen(*l.colour);
            if (l.shaped && l.shaped->size().width() <= l.rect.width()) {
                const int y = l.rect.top() + (l.rect.height() - int(l.shaped->size().height())) / 2;
                m_painter.drawStaticText(QPoint(l.rect.left(), y), *l.shaped);
                continue;
            }
            const QString& text = l.shaped ? l.shaped->text() : l.text;
            m_painter.drawText(l.rect, Qt::AlignLeft | Qt::AlignVCenter,
                               fm.elidedText(text, Qt::ElideRight, l.rect.width()));
        }
        m_labels.clear();
    }

    void paintSelection(const QRect& rows)
    {
        if (m_scene.selectedRange) {
            const auto [x0, x1] = m_scene.xRange(m_area, m_scene.selectedRange->first, m_scene.selectedRange->second);
            m_painter.fillRect(QRect(x0, rows.top(), x1 - x0, rows.height()), m_pal.selection);
            m_painter.fillRect(QRect(x0, rows.top(), 1, rows.height()), m_pal.selectionEdge);
            m_painter.fillRect(QRect(x1 - 1, rows.top(), 1, rows.height()), m_pal.selectionEdge);
        }
        paintSelectedGoroutine();
        if (m_scene.selectedSpan) {
            const SpanRef ref = *m_scene.selectedSpan;
            const size_t pos = m_scene.layout->positionOf(ref.row);
            if (pos >= m_scene.layout->rowCount() || ref.span >= m_scene.trace->spans.size())
                return;
            const SpanTable& s = m_scene.trace->spans;
            const auto [x0, x1] = m_scene.xRange(m_area, s.startOf(ref.span), s.endOf(ref.span));
            const int top = m_scene.rowTop(m_area, pos);
            m_painter.setBrush(Qt::NoBrush);
            m_painter.setPen(QPen(m_pal.highlight, 2));
            m_painter.drawRect(QRect(x0, top, std::max(x1 - x0, 2), TimelineLayout::kStateBarHeight));
        }
    }

    // The selected goroutine's row: a tinted label gutter, a bar at its left edge and edge lines
    // across the time axis. The state bar itself stays untinted so its colours still read true.
    void paintSelectedGoroutine()
    {
        const size_t pos = m_scene.layout->positionOf(m_scene.selectedGoroutine);
        if (m_scene.selectedGoroutine == kNoRow || pos >= m_scene.layout->rowCount())
            return;
        const int top = m_scene.rowTop(m_area, pos);
        const int h = m_scene.layout->height(pos);
        m_painter.fillRect(QRect(m_area.left(), top, m_scene.labelWidth, h), m_pal.selection);
        m_painter.fillRect(QRect(m_area.left(), top, 3, h), m_pal.selectionEdge);
        m_painter.fillRect(QRect(m_area.left(), top, m_area.width(), 1), m_pal.selectionEdge);
        m_painter.fillRect(QRect(m_area.left(), top + h - 1, m_area.width(), 1), m_pal.selectionEdge);
    }

    QPainter& m_painter;
    const TimelineScene& m_scene;
    QRect m_area;
    const StatePalette& m_pal;
    int m_timeLeft;
    QFont m_labelFont;
    LabelCache m_cache;
    RectBatch m_batch;
    std::vector<FoldedBlock> m_blocks;
    std::vector<Label> m_labels;
};

} // namespace

std::pair<int, int> TimelineScene::xRange(const QRect& area, TimeNs a, TimeNs b) const
{
    const int left = timeLeft(area);
    int x0 = std::max(window.timeToPx(a), -1);
    int x1 = std::min(window.timeToPx(b), window.widthPx + 1);
    if (x1 <= x0)
        x1 = x0 + 1;
    return {left + x0, left + x1};
}

void paintRows(QPainter& painter, const TimelineScene& scene, const QRect& area)
{
    if (!scene.trace || !scene.layout || !scene.index || !scene.symbols)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setClipRect(scene.rowsRect(area));
    RowPainter(painter, scene, area).paint();
    painter.restore();
}

void paintHeader(QPainter& painter, const TimelineScene& scene, const QRect& area)
{
    if (!scene.trace)
        return;
    const StatePalette& pal = StatePalette::standard();
    const QRect header(area.left(), area.top(), area.width(), TimelineScene::kHeaderHeight);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setClipRect(header);
    painter.fillRect(header, pal.rowEven);
    painter.fillRect(QRect(area.left(), area.top(), scene.labelWidth, header.height()), pal.gutter);
    const int left = scene.timeLeft(area);
    const int rulerTop = area.top() + TimelineScene::kLegendHeight;
    const int rulerBottom = rulerTop + TimelineScene::kRulerHeight;

    QFont small = painter.font();
    small.setPixelSize(10);
    painter.setFont(small);
    paintLegend(painter, QRect(left, area.top(), area.right() - left, TimelineScene::kLegendHeight));

    RectBatch batch;
    std::vector<RulerTick> ticks = rulerTicks(scene.window, scene.trace->startNs, kRulerTickSpacingPx);
    for (const RulerTick& t : ticks)
        batch.add(pal.dimText, QRect(left + t.x, rulerBottom - 6, 1, 6));
    batch.add(pal.grid, QRect(area.left(), rulerBottom - 1, area.width(), 1));

    const int gcTop = rulerBottom + 1;
    const int stwTop = gcTop + TimelineScene::kBandHeight + 1;
    auto band = [&](const std::vector<TimeRange>& ranges, const QColor& colour, int top) {
        // Ranges are few (one per GC cycle), so all are visited; each is at least 1 px wide.
        for (const TimeRange& r : ranges) {
            if (r.end <= scene.window.startNs || r.start >= scene.window.endNs)
                continue;
            const auto [x0, x1] = scene.xRange(area, r.start, r.end);
            batch.add(colour, QRect(x0, top, x1 - x0, TimelineScene::kBandHeight));
        }
    };
    band(scene.trace->gcRanges, pal.gc, gcTop);
    band(scene.trace->stwRanges, pal.stw, stwTop);
    batch.add(pal.grid, QRect(area.left(), header.bottom(), area.width(), 1));
    batch.flush(painter);

    painter.setPen(pal.dimText);
    for (const RulerTick& t : ticks)
        painter.drawText(QRect(left + t.x + 3, rulerTop, kRulerTickSpacingPx - 6, TimelineScene::kRulerHeight - 4),
                         Qt::AlignLeft | Qt::AlignVCenter, t.label);
    painter.setPen(pal.text);
    const QString duration = formatTickLabel(scene.window.durationNs(), rulerStep(scene.window, kRulerTickSpacingPx));
    painter.drawText(QRect(area.left() + 4, rulerTop, scene.labelWidth - 8, TimelineScene::kRulerHeight - 2),
                     Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("view: %1").arg(duration));
    // A filtered layout says how many of the goroutines it shows.
    size_t shown = scene.trace->goroutines.size();
    if (scene.layout) {
        shown = 0;
        for (const GoroutineGroup& g : scene.layout->groups())
            shown += g.members.size();
    }
    const QString goroutines = shown == scene.trace->goroutines.size()
        ? QStringLiteral("%L1 goroutines").arg(shown)
        : QStringLiteral("%L1 of %L2 goroutines").arg(shown).arg(scene.trace->goroutines.size());
    painter.drawText(QRect(area.left() + 4, area.top(), scene.labelWidth - 8, TimelineScene::kLegendHeight),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     goroutines + QStringLiteral(", %1 Ps").arg(scene.trace->processors.size()));
    painter.drawText(QRect(area.left() + 14, gcTop, scene.labelWidth - 18, TimelineScene::kBandHeight),
                     Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("GC"));
    painter.drawText(QRect(area.left() + 14, stwTop, scene.labelWidth - 18, TimelineScene::kBandHeight),
                     Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("stop-the-world"));
    if (scene.selectedRange) {
        const auto [x0, x1] = scene.xRange(area, scene.selectedRange->first, scene.selectedRange->second);
        painter.fillRect(QRect(x0, rulerTop, x1 - x0, header.bottom() - rulerTop), pal.selection);
    }
    painter.restore();
}

void paintTimeline(QPainter& painter, const TimelineScene& scene, const QRect& area)
{
    if (!scene.trace)
        painter.fillRect(area, StatePalette::standard().rowEven);
    paintHeader(painter, scene, area);
    paintRows(painter, scene, area);
}

TimelineHit hitTest(const TimelineScene& scene, const QRect& area, QPoint pos)
{
    TimelineHit hit;
    if (!scene.trace || !scene.layout || !area.contains(pos) || pos.y() < scene.rowsRect(area).top())
        return hit;
    const int contentY = pos.y() - area.top() - TimelineScene::kHeaderHeight + scene.scrollY;
    const size_t i = scene.layout->rowAt(contentY);
    if (i >= scene.layout->rowCount())
        return hit;
    const LayoutRow& row = scene.layout->row(i);
    hit.layoutRow = i;
    hit.index = row.index;
    if (pos.x() >= scene.timeLeft(area))
        hit.timeNs = scene.window.xToTime(pos.x() - scene.timeLeft(area));
    if (row.kind == RowKind::GroupHeader) {
        hit.kind = TimelineHit::Kind::GroupHeader;
        return hit;
    }
    if (pos.x() < scene.timeLeft(area)) {
        if (row.kind == RowKind::Goroutine)
            hit.kind = TimelineHit::Kind::RowLabel;
        return hit;
    }
    // Regions below the state bar, task and log markers on it.
    if (auto annotation = hitUserAnnotation(scene, area, i, pos))
        return *annotation;
    // Only the state bar of a goroutine row holds spans.
    const int rowTop = scene.rowTop(area, i);
    const int barHeight =
        row.kind == RowKind::Goroutine ? TimelineLayout::kStateBarHeight : TimelineLayout::kProcRowHeight;
    if (pos.y() >= rowTop + barHeight)
        return hit;

    std::vector<FoldedBlock> blocks;
    foldRow(scene, row, blocks);
    int bestDistance = kHitSlackPx + 1;
    for (const FoldedBlock& b : blocks) {
        const auto [x0, x1] = scene.xRange(area, b.startNs, b.endNs);
        const int distance = pos.x() < x0 ? x0 - pos.x() : pos.x() >= x1 ? pos.x() - x1 + 1 : 0;
        if (distance < bestDistance) {
            bestDistance = distance;
            hit.block = b;
            if (row.kind == RowKind::Processor)
                hit.kind = TimelineHit::Kind::ProcSpan;
            else if (row.kind == RowKind::Thread)
                hit.kind = TimelineHit::Kind::ThreadSpan;
            else
                hit.kind = b.merged ? TimelineHit::Kind::MergedSpans : TimelineHit::Kind::Span;
        }
    }
    return hit;
}

} // namespace gs::ui
