// SPDX-License-Identifier: MIT
#include "widgets/timeline/timeline_view.h"

#include "core/analysis/user_annotations.h"
#include "widgets/timeline/state_palette.h"
#include "widgets/timeline/timeline_painter.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <utility>

namespace gs::ui {

namespace {

constexpr double kKeyZoomFactor = 0.7;     // W zooms in to 70 % of the duration
constexpr double kKeyPanFraction = 0.15;   // A/D move by 15 % of the width
constexpr double kWheelZoomBase = 0.85;    // per 120 units of Ctrl+wheel
constexpr int kDragThresholdPx = 4;

} // namespace

TimelineView::TimelineView(QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_index(std::make_shared<const TimelineIndex>())
    , m_layout(std::make_shared<const TimelineLayout>())
    , m_activity(std::make_shared<const GroupActivity>())
    , m_layoutJobs(this)
    , m_activityJobs(this)
    , m_windowRests(new QTimer(this))
{
    // Long enough that a drag or a wheel spin re-lays the rows once, at its end.
    m_windowRests->setSingleShot(true);
    m_windowRests->setInterval(150);
    connect(m_windowRests, &QTimer::timeout, this, &TimelineView::followWindowInRows);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    verticalScrollBar()->setSingleStep(TimelineLayout::kStateBarHeight * 3);
}

TimelineView::~TimelineView()
{
    m_activityStop.request_stop();
}

void TimelineView::setStore(StorePtr store, TimelineParts parts)
{
    m_store = std::move(store);
    m_selectedSpan.reset();
    m_selectedRange.reset();
    m_selectedGoroutine = kNoRow;
    m_revealAfterLayout = kNoRow;
    m_contributors = {};
    m_options.collapsed.clear();
    m_options.expanded.clear();
    m_options.keep.reset();
    m_options.existingIn.reset();
    m_options.shownAnyway = kNoRow;
    m_windowRests->stop();
    m_layoutJobs.cancel();
    m_layoutPending = false;
    // The activity is refreshed once, for the new layout and window together (the prepared one
    // serves when they match).
    m_holdActivity = true;
    if (!parts.index)
        parts = prepareTimeline(m_store);
    m_index = parts.index ? std::move(parts.index) : std::make_shared<const TimelineIndex>();
    m_activity = parts.activity ? std::move(parts.activity) : std::make_shared<const GroupActivity>();
    // The prepared layout has the default options; the user's sort and grouping carry over.
    const TimelineLayout::Options defaults;
    if (parts.layout && m_options.sort == defaults.sort && m_options.grouped == defaults.grouped
        && m_options.showProcessors == defaults.showProcessors && m_options.showThreads == defaults.showThreads)
        setLayout(std::move(parts.layout));
    else
        rebuildLayout();
    verticalScrollBar()->setValue(0);
    fitAll();
    m_holdActivity = false;
    refreshActivity();
}

void TimelineView::setSort(GoroutineSort sort)
{
    m_options.sort = sort;
    rebuildLayout();
}

void TimelineView::setGrouped(bool grouped)
{
    m_options.grouped = grouped;
    rebuildLayout();
}

void TimelineView::setGroupCollapsed(FunctionId startFunction, bool collapsed)
{
    if (collapsed) {
        m_options.collapsed.insert(startFunction);
        m_options.expanded.erase(startFunction);
    } else {
        m_options.collapsed.erase(startFunction);
        m_options.expanded.insert(startFunction);
    }
    rebuildLayout();
}

void TimelineView::setAllGroupsCollapsed(bool collapsed)
{
    m_options.collapsed.clear();
    m_options.expanded.clear();
    for (const GoroutineGroup& g : m_layout->groups())
        (collapsed ? m_options.collapsed : m_options.expanded).insert(g.function);
    rebuildLayout();
}

void TimelineView::setGoroutineFilter(std::shared_ptr<const std::vector<uint8_t>> keep)
{
    if (keep == m_options.keep)
        return;
    m_options.keep = std::move(keep);
    rebuildLayout();
}

void TimelineView::setShowThreads(bool show)
{
    if (show == m_options.showThreads)
        return;
    m_options.showThreads = show;
    rebuildLayout();
}

void TimelineView::setHideAbsentGoroutines(bool hide)
{
    if (hide == m_hideAbsent)
        return;
    m_hideAbsent = hide;
    followWindowInRows();
}

void TimelineView::followWindowInRows()
{
    std::optional<std::pair<TimeNs, TimeNs>> existingIn;
    // The whole trace shown: every goroutine exists in it, and the layout stays the prepared one.
    if (m_hideAbsent && (m_window.startNs > traceStart() || m_window.endNs < traceEnd()))
        existingIn = std::make_pair(m_window.startNs, m_window.endNs);
    if (existingIn == m_options.existingIn)
        return;
    m_options.existingIn = existingIn;
    // The selected goroutine keeps its row: it is what the user is looking at.
    m_options.shownAnyway = m_selectedGoroutine;
    rebuildLayout();
}

bool TimelineView::isLarge() const
{
    return m_store && m_store->trace && needsBackgroundWork(*m_store->trace);
}

void TimelineView::rebuildLayout()
{
    if (!m_store || !m_store->trace) {
        m_layoutJobs.cancel();
        m_layoutPending = false;
        setLayout(std::make_shared<const TimelineLayout>());
        return;
    }
    if (!isLarge()) {
        m_layoutJobs.cancel();
        m_layoutPending = false;
        setLayout(std::make_shared<const TimelineLayout>(*m_store->trace, *m_index, m_options));
        return;
    }
    m_layoutPending = true;
    m_layoutJobs.start(
        [store = m_store, index = m_index, options = m_options] {
            return std::make_shared<const TimelineLayout>(*store->trace, *index, options);
        },
        [this](std::shared_ptr<const TimelineLayout> layout) {
            m_layoutPending = false;
            setLayout(std::move(layout));
            emit partsReady();
        });
}

void TimelineView::setLayout(std::shared_ptr<const TimelineLayout> layout)
{
    // The goroutine at the top of the rows stays where it is when rows come and go above it.
    const int scroll = verticalScrollBar()->value();
    const size_t topPos = m_layout->rowAt(scroll);
    std::optional<std::pair<GoroutineRow, int>> anchor;
    if (topPos < m_layout->rowCount() && m_layout->row(topPos).kind == RowKind::Goroutine)
        anchor = std::make_pair(GoroutineRow(m_layout->row(topPos).index), m_layout->top(topPos) - scroll);
    m_layout = std::move(layout);
    updateRangeText();
    updateScrollBars();
    if (anchor) {
        const size_t pos = m_layout->positionOf(anchor->first);
        if (pos < m_layout->rowCount())
            verticalScrollBar()->setValue(m_layout->top(pos) - anchor->second);
    }
    if (m_revealAfterLayout != kNoRow && !m_layoutPending) {
        const GoroutineRow row = std::exchange(m_revealAfterLayout, kNoRow);
        revealRow(row);
    }
    refreshActivity();
    viewport()->update();
}

void TimelineView::refreshActivity()
{
    if (m_holdActivity)
        return;
    m_activityStop.request_stop();
    m_activityStop = std::stop_source();
    m_activityJobs.cancel();
    m_activityPending = false;
    if (!m_store || !m_store->trace || !m_options.grouped || m_layout->groups().empty())
        return;
    // A bucket per pixel, within a budget of floats for many groups.
    constexpr size_t kMaxFloats = size_t(1) << 22;
    const size_t groups = m_layout->groups().size();
    const uint32_t buckets = uint32_t(std::clamp<size_t>(kMaxFloats / (groups * kSpanKindCount), 16, size_t(timeAreaWidth())));
    const TimeWindow w = m_window;
    if (w.endNs <= w.startNs)
        return;
    if (m_activity->startNs() == w.startNs && m_activity->endNs() == w.endNs && m_activity->buckets() >= buckets
        && m_activity->groupCount() == groups)
        return;
    auto work = [store = m_store, index = m_index, layout = m_layout, w, buckets, stop = m_activityStop.get_token()] {
        return std::make_shared<const GroupActivity>(
            computeGroupActivity(*store->trace, *index, layout->groups(), w.startNs, w.endNs, buckets, stop));
    };
    if (!isLarge()) {
        m_activity = work();
        return;
    }
    m_activityPending = true;
    m_activityJobs.start(std::move(work), [this](std::shared_ptr<const GroupActivity> activity) {
        m_activityPending = false;
        if (!activity->empty())
            m_activity = std::move(activity);
        viewport()->update();
        emit partsReady();
    });
}

void TimelineView::updateScrollBars()
{
    const int visible = std::max(0, viewport()->height() - TimelineScene::kHeaderHeight);
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setRange(0, std::max(0, m_layout->totalHeight() - visible));
}

int TimelineView::timeAreaWidth() const
{
    return std::max(1, viewport()->width() - m_labelWidth);
}

TimeNs TimelineView::traceStart() const
{
    return m_store && m_store->trace ? m_store->trace->startNs : 0;
}

TimeNs TimelineView::traceEnd() const
{
    return m_store && m_store->trace ? std::max(m_store->trace->endNs, m_store->trace->startNs + 1) : 1;
}

void TimelineView::applyWindow(const TimeWindow& window)
{
    if (window == m_window)
        return;
    m_window = window;
    if (m_hideAbsent)
        m_windowRests->start();
    refreshActivity();
    viewport()->update();
    emit windowChanged(m_window.startNs, m_window.endNs);
}

void TimelineView::setTimeRange(TimeNs startNs, TimeNs endNs)
{
    TimeWindow w = m_window;
    w.widthPx = timeAreaWidth();
    w = w.fitted(startNs, endNs);
    // Zooming by 1 around the centre applies the bounds and the minimum duration.
    applyWindow(w.zoomed(1.0, w.widthPx / 2.0, traceStart(), traceEnd()));
}

void TimelineView::fitAll()
{
    TimeWindow w{traceStart(), traceEnd(), timeAreaWidth()};
    applyWindow(w.zoomed(1.0, 0, traceStart(), traceEnd()));
}

bool TimelineView::fitSelection()
{
    if (m_selectedRange) {
        setTimeRange(m_selectedRange->first, m_selectedRange->second);
        return true;
    }
    if (m_selectedSpan && m_store && m_store->trace) {
        const SpanTable& s = m_store->trace->spans;
        const TimeNs a = s.startOf(m_selectedSpan->span), b = s.endOf(m_selectedSpan->span);
        const TimeNs margin = (b - a) / 10; // a little context either side
        setTimeRange(a - margin, b + margin);
        return true;
    }
    return false;
}

void TimelineView::selectSpan(SpanRef span)
{
    if (!m_store || !m_store->trace || span.row >= m_store->trace->goroutines.size())
        return;
    m_selectedSpan = span;
    selectGoroutine(span.row);
    emit spanSelected(span.row, span.span);
}

void TimelineView::selectGoroutine(GoroutineRow row)
{
    if (!m_store || !m_store->trace || row >= m_store->trace->goroutines.size())
        row = kNoRow;
    if (row != kNoRow)
        revealRow(row);
    // A span of another goroutine is no longer what the user is looking at.
    if (m_selectedSpan && m_selectedSpan->row != row)
        m_selectedSpan.reset();
    viewport()->update();
    if (row == m_selectedGoroutine)
        return;
    m_selectedGoroutine = row;
    emit goroutineSelected(row);
}

void TimelineView::revealRow(GoroutineRow row)
{
    // A folded group opens to show the row; with a large trace the row is scrolled to once that
    // layout is ready.
    const FunctionId f = m_store->trace->goroutines.startFunctionOf(row);
    const bool hidden = m_layout->positionOf(row) >= m_layout->rowCount();
    const bool keptOut = m_options.keep && (row >= m_options.keep->size() || !(*m_options.keep)[row]);
    if (hidden && !keptOut) {
        bool relayout = false;
        if (m_options.grouped && (m_options.collapsed.count(f) || !m_options.expanded.count(f))) {
            m_options.collapsed.erase(f);
            m_options.expanded.insert(f);
            relayout = true;
        }
        // Not in the window shown, it is given a row all the same: it was asked for.
        if (m_options.existingIn && m_options.shownAnyway != row) {
            m_options.shownAnyway = row;
            relayout = true;
        }
        if (relayout) {
            m_revealAfterLayout = row;
            rebuildLayout();
            return;
        }
    }
    if (m_layoutPending) {
        m_revealAfterLayout = row;
        return;
    }
    const size_t pos = m_layout->positionOf(row);
    if (pos < m_layout->rowCount()) {
        const int top = m_layout->top(pos);
        const int visible = viewport()->height() - TimelineScene::kHeaderHeight;
        if (top < verticalScrollBar()->value() || top + m_layout->height(pos) > verticalScrollBar()->value() + visible)
            verticalScrollBar()->setValue(top - visible / 3);
    }
}

void TimelineView::clearSpanSelection()
{
    m_selectedSpan.reset();
    viewport()->update();
}

void TimelineView::setSelectedRange(TimeNs a, TimeNs b)
{
    m_selectedRange = std::make_pair(std::min(a, b), std::max(a, b));
    updateRangeText();
    viewport()->update();
    emit rangeSelected(m_selectedRange->first, m_selectedRange->second);
}

void TimelineView::clearSelectedRange()
{
    if (!m_selectedRange)
        return;
    m_selectedRange.reset();
    viewport()->update();
    emit rangeSelected(0, 0);
}

void TimelineView::updateRangeText()
{
    // Summing 100k rows costs milliseconds: done when the range or the rows change, not per paint.
    m_rangeText = m_selectedRange ? describeRange(rangeSummary()) : QString();
}

RangeSummary TimelineView::rangeSummary() const
{
    if (!m_store || !m_store->trace || !m_selectedRange)
        return {};
    return summarizeRange(*m_store->trace, *m_layout, m_selectedRange->first, m_selectedRange->second);
}

void TimelineView::setContributors(ContributorHighlight::ListPtr contributors)
{
    const size_t goroutines = m_store && m_store->trace ? m_store->trace->goroutines.size() : 0;
    m_contributors = ContributorHighlight(std::move(contributors), goroutines);
    viewport()->update();
}

bool TimelineView::zoomToContributor(GoroutineRow row)
{
    const FrameContribution* c = m_contributors.of(row);
    auto range = c ? contributionWindow(*c) : std::nullopt;
    if (!range)
        return false;
    // The span the first stretch falls in is what the jump is about: selected (its details
    // shown), and wholly in view with a margin, so the sample keeps its context.
    const SpanTable& spans = m_store->trace->spans;
    const TimeNs at = c->stretches.front().first;
    const uint32_t span = spans.firstEndingAfter(row, at - 1);
    if (span < spans.offsets[row + 1] && spans.startOf(span) <= at) {
        const TimeNs start = spans.startOf(span);
        const TimeNs end = spans.endOf(span);
        const TimeNs margin = (end - start) / 10;
        range->first = std::min(range->first, start - margin);
        range->second = std::max(range->second, end + margin);
        selectSpan({row, span});
    }
    setTimeRange(range->first, range->second);
    return true;
}

TimelineScene TimelineView::scene() const
{
    return sceneFor(viewport()->size());
}

TimelineScene TimelineView::sceneFor(QSize size) const
{
    TimelineScene s;
    if (m_store && m_store->trace) {
        s.trace = &*m_store->trace;
        s.symbols = &m_store->symbols;
    }
    s.index = m_index.get();
    s.layout = m_layout.get();
    s.activity = m_activity.get();
    s.window = m_window;
    s.window.widthPx = std::max(1, size.width() - m_labelWidth);
    s.labelWidth = m_labelWidth;
    s.scrollY = verticalScrollBar()->value();
    s.selectedSpan = m_selectedSpan;
    s.selectedRange = m_selectedRange;
    s.selectedGoroutine = m_selectedGoroutine;
    s.contributors = &m_contributors;
    return s;
}

TimelineHit TimelineView::hitAt(QPoint viewportPos) const
{
    return hitTest(scene(), viewport()->rect(), viewportPos);
}

QImage TimelineView::renderImage(QSize size) const
{
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setFont(font());
    paintTimeline(painter, sceneFor(size), image.rect());
    return image;
}

void TimelineView::paintEvent(QPaintEvent*)
{
    QPainter painter(viewport());
    const TimelineScene s = scene();
    paintTimeline(painter, s, viewport()->rect());
    if (m_selectedRange) {
        // The summary of the range, pinned to the top-right corner of the rows.
        const QString& text = m_rangeText;
        const QFontMetrics fm(painter.font());
        const QRect box =
            fm.boundingRect(QRect(0, 0, 400, 400), Qt::AlignLeft | Qt::TextWordWrap, text).adjusted(-6, -4, 6, 4);
        const QRect placed = box.translated(viewport()->width() - box.width() - 8 - box.left(),
                                            TimelineScene::kHeaderHeight + 8 - box.top());
        painter.fillRect(placed, QColor(255, 255, 255, 230));
        painter.setPen(StatePalette::standard().selectionEdge);
        painter.drawRect(placed.adjusted(0, 0, -1, -1));
        painter.setPen(StatePalette::standard().text);
        painter.drawText(placed.adjusted(6, 4, -6, -4), Qt::AlignLeft | Qt::TextWordWrap, text);
    }
}

void TimelineView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    // Keep the time range, follow the pixel width.
    TimeWindow w = m_window;
    w.widthPx = timeAreaWidth();
    applyWindow(w);
}

void TimelineView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void TimelineView::zoomBy(double factor, double anchorX)
{
    applyWindow(m_window.zoomed(factor, anchorX, traceStart(), traceEnd()));
}

void TimelineView::panBy(double px)
{
    applyWindow(m_window.panned(px, traceStart(), traceEnd()));
}

void TimelineView::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double anchorX = event->position().x() - m_labelWidth;
        zoomBy(std::pow(kWheelZoomBase, delta.y() / 120.0), std::clamp(anchorX, 0.0, double(m_window.widthPx)));
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        // Shift+wheel pans in time (some systems already turn it into a horizontal delta).
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        panBy(-d / 120.0 * m_window.widthPx * kKeyPanFraction);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressPos = m_lastPos = event->position().toPoint();
    if ((event->modifiers() & Qt::ShiftModifier) && m_pressPos.x() >= m_labelWidth) {
        m_drag = Drag::Select;
        m_selectAnchor = m_window.xToTime(m_pressPos.x() - m_labelWidth);
    } else {
        m_drag = Drag::Pending;
    }
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::Pending && (pos - m_pressPos).manhattanLength() >= kDragThresholdPx)
        m_drag = Drag::Pan;
    if (m_drag == Drag::Pan) {
        panBy(m_lastPos.x() - pos.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() + (m_lastPos.y() - pos.y()));
    } else if (m_drag == Drag::Select) {
        const double x = std::clamp(double(pos.x() - m_labelWidth), 0.0, double(m_window.widthPx));
        setSelectedRange(m_selectAnchor, m_window.xToTime(x));
    }
    m_lastPos = pos;
    event->accept();
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_drag == Drag::Pending)
        handleClick(event->position().toPoint());
    m_drag = Drag::None;
    event->accept();
}

void TimelineView::handleClick(QPoint pos)
{
    const TimelineHit hit = hitAt(pos);
    switch (hit.kind) {
    case TimelineHit::Kind::Span:
        selectSpan({hit.index, hit.block.begin});
        break;
    case TimelineHit::Kind::MergedSpans:
        setTimeRange(hit.block.startNs, hit.block.endNs);
        break;
    case TimelineHit::Kind::ProcSpan:
    case TimelineHit::Kind::ThreadSpan: {
        if (hit.block.merged) {
            setTimeRange(hit.block.startNs, hit.block.endNs);
            break;
        }
        // A goroutine run on a processor or thread, or a thread's syscall, is that goroutine's
        // span: select it.
        const TraceData& t = *m_store->trace;
        const ResourceSpans& resource = hit.kind == TimelineHit::Kind::ProcSpan
            ? static_cast<const ResourceSpans&>(t.processors[hit.index])
            : t.threadSpans(hit.index);
        const uint32_t span = resource.spans[hit.block.begin];
        selectSpan({t.spans.rowOfSpan(span), span});
        break;
    }
    case TimelineHit::Kind::GroupHeader: {
        const GoroutineGroup& g = m_layout->groups()[hit.index];
        setGroupCollapsed(g.function, !g.collapsed);
        break;
    }
    case TimelineHit::Kind::RowLabel:
        selectGoroutine(hit.index);
        break;
    case TimelineHit::Kind::Region: {
        // A region selects its goroutine and its time, ready to fit (F) or filter to.
        const UserRegion& r = m_store->trace->regions[hit.item];
        selectGoroutine(hit.index);
        setSelectedRange(r.start, r.end);
        break;
    }
    case TimelineHit::Kind::Task: {
        const TraceData& t = *m_store->trace;
        const UserTask& k = t.tasks[hit.item];
        if (hit.index != kNoRow)
            selectGoroutine(hit.index);
        setSelectedRange(taskStartNs(t, k), taskEndNs(t, k));
        break;
    }
    case TimelineHit::Kind::Log: {
        // A log selects what its goroutine was doing when it logged.
        if (const auto span = m_store->trace->spans.spanAt(hit.index, m_store->trace->logs[hit.item].time))
            selectSpan({hit.index, *span});
        else
            selectGoroutine(hit.index);
        break;
    }
    case TimelineHit::Kind::None:
        clearSpanSelection();
        clearSelectedRange();
        break;
    }
}

QList<KeyHelp> TimelineView::keyHelp()
{
    return {
        {tr("W / S, Ctrl+wheel"), tr("Zoom in / out around the mouse")},
        {tr("A / D, drag, Shift+wheel"), tr("Pan left / right")},
        {tr("Shift+drag"), tr("Select a time range")},
        {tr("F"), tr("Fit the selected range or span")},
        {tr("Home"), tr("Show the whole trace")},
        {tr("Esc"), tr("Clear the selected range and span")},
        {tr("Click"), tr("Select a span; on a group header, fold or unfold the group")},
        {tr("Click a region or task"), tr("Select its goroutine and its time range")},
    };
}

void TimelineView::keyPressEvent(QKeyEvent* event)
{
    const QPoint cursor = viewport()->mapFromGlobal(QCursor::pos());
    const double anchor = viewport()->rect().contains(cursor) && cursor.x() >= m_labelWidth
        ? double(cursor.x() - m_labelWidth)
        : m_window.widthPx / 2.0;
    switch (event->key()) {
    case Qt::Key_W:
        zoomBy(kKeyZoomFactor, anchor);
        break;
    case Qt::Key_S:
        zoomBy(1.0 / kKeyZoomFactor, anchor);
        break;
    case Qt::Key_A:
        panBy(-m_window.widthPx * kKeyPanFraction);
        break;
    case Qt::Key_D:
        panBy(m_window.widthPx * kKeyPanFraction);
        break;
    case Qt::Key_Home:
        fitAll();
        break;
    case Qt::Key_F:
        fitSelection();
        break;
    case Qt::Key_Escape:
        clearSelectedRange();
        clearSpanSelection();
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool TimelineView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = describeHit(scene(), hitAt(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace gs::ui
