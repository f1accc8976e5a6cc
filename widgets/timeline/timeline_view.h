// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"
#include "widgets/timeline/contributor_highlight.h"
#include "widgets/timeline/span_description.h"
#include "widgets/timeline/timeline_index.h"
#include "widgets/timeline/timeline_layout.h"
#include "widgets/timeline/timeline_parts.h"
#include "widgets/timeline/timeline_scene.h"
#include "widgets/common/background_work.h"
#include "widgets/common/job_runner.h"
#include "widgets/common/key_help.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QTimer>

#include <memory>
#include <optional>
#include <stop_token>

namespace gs::ui {

// Custom-painted timeline of an execution trace: a pinned time ruler with GC and stop-the-world
// bands, processor rows, thread rows when asked for, then one row per goroutine (grouped by start function, sortable) coloured
// by state, with GC assists, user regions and task/log/CPU-sample markers.
//
// The view owns only view state — the TimeWindow, the vertical scroll, the layout options and the
// selections — and an index built once per store. Painting goes through paintRows/paintHeader on
// a TimelineScene, which touch only visible rows and fold sub-3-px spans, so a frame costs what
// its pixels cost whatever the trace size. Navigation: Ctrl+wheel zooms around the cursor, the
// plain wheel scrolls rows, Shift+wheel pans in time; left-drag pans, Shift+left-drag selects a
// time range; W/S zoom, A/D pan, Home fits the trace, F fits the selection, Esc clears it.
// Clicking a span selects it (spanSelected), clicking a merged block zooms to it, clicking a group
// header collapses or expands it, clicking a row label selects its goroutine (goroutineSelected).
// A keep mask (setGoroutineFilter) removes filtered-out goroutines from the rows. Each group
// header carries its group's activity strip (GroupActivity), recomputed for every window shown.
//
// Nothing of size O(goroutines) or O(spans) runs on the GUI thread for a large trace: the first
// index, layout and activity come ready (TimelineParts), and later layouts (sort, grouping,
// filter, folding) and activities are built on the thread pool, the view showing the previous
// ones meanwhile. Smaller traces (needsBackgroundWork) are laid out at once. GUI thread only.
class TimelineView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    // The keys and gestures keyPressEvent and the mouse handlers serve.
    static QList<KeyHelp> keyHelp();
    explicit TimelineView(QWidget* parent = nullptr);
    ~TimelineView() override;

    // Shows the store's trace (an empty view if it has none) fitted to the whole trace, from the
    // parts prepared for it (built here when not given, for small traces and tests).
    void setStore(StorePtr store, TimelineParts parts = {});
    const StorePtr& store() const { return m_store; }

    void setSort(GoroutineSort sort);
    GoroutineSort sort() const { return m_options.sort; }
    void setGrouped(bool grouped);
    bool grouped() const { return m_options.grouped; }
    void setGroupCollapsed(FunctionId startFunction, bool collapsed);
    void setAllGroupsCollapsed(bool collapsed);
    // Shows only the goroutines whose keep entry is 1 (GoroutineFilterResult::keep); null shows all.
    void setGoroutineFilter(std::shared_ptr<const std::vector<uint8_t>> keep);
    // Whether goroutines that do not exist in the window shown lose their rows (on by default);
    // the rows follow the window once it rests, the goroutine at the top staying in place.
    void setHideAbsentGoroutines(bool hide);
    bool hidesAbsentGoroutines() const { return m_hideAbsent; }
    // Whether each OS thread (M) has a row after the processors (off by default): the goroutines
    // it ran and the syscalls it made. A trace that names no threads has none.
    void setShowThreads(bool show);
    bool showsThreads() const { return m_options.showThreads; }

    const TimeWindow& window() const { return m_window; }
    // Shows [startNs, endNs] (clamped to the trace and the minimum zoom).
    void setTimeRange(TimeNs startNs, TimeNs endNs);
    void fitAll();
    // Fits the range selection, else the selected span; false when there is neither.
    bool fitSelection();

    std::optional<SpanRef> selectedSpan() const { return m_selectedSpan; }
    // The highlighted goroutine row (kNoRow: none). Selecting a span selects its goroutine too.
    GoroutineRow selectedGoroutine() const { return m_selectedGoroutine; }
    // Highlights a goroutine's row and scrolls it into view (expanding its group); kNoRow clears.
    void selectGoroutine(GoroutineRow row);
    // Selects a span and scrolls its row into view (expanding its group).
    void selectSpan(SpanRef span);
    void clearSpanSelection();
    std::optional<std::pair<TimeNs, TimeNs>> selectedRange() const { return m_selectedRange; }
    void setSelectedRange(TimeNs a, TimeNs b);
    void clearSelectedRange();
    // Time per state inside the selected range, over the goroutine rows shown.
    RangeSummary rangeSummary() const;
    // Highlights a flame-graph frame's contributors (TraceSession::contributors): their stretches
    // are outlined on their rows and their labels marked. Null clears; a new store clears too.
    void setContributors(ContributorHighlight::ListPtr contributors);
    // Zooms to a highlighted goroutine's stretches (contributionWindow) and the whole span the
    // first of them falls in, which it selects; false when the row is not a contributor or has
    // no stretches (a linked pprof profile's), and nothing changes.
    bool zoomToContributor(GoroutineRow row);
    // The goroutine rows highlighted as contributors, ascending.
    std::vector<GoroutineRow> highlightedRows() const { return m_contributors.rows(); }

    const TimelineLayout& layout() const { return *m_layout; }
    const TimelineIndex& index() const { return *m_index; }
    // The group activity painted on the group headers (for the window shown, once computed).
    const GroupActivity& activity() const { return *m_activity; }
    // Whether a layout or an activity is being built off the GUI thread.
    bool isBusy() const { return m_layoutPending || m_activityPending; }
    // Width of the label gutter; the time axis starts right of it (plots align to it).
    int labelWidth() const { return m_labelWidth; }

    // The scene the viewport is painted from; sceneFor() is the same for a canvas of another size
    // (the time range is kept, the pixel width follows). hitAt() is what lies under a viewport point.
    TimelineScene scene() const;
    TimelineScene sceneFor(QSize size) const;
    TimelineHit hitAt(QPoint viewportPos) const;
    // Renders the current window and scroll position into an image of `size` with the screen's
    // paint path (tests, export).
    QImage renderImage(QSize size) const;

signals:
    // The visible time range changed (zoom, pan, resize, new store): plots follow it.
    void windowChanged(gs::TimeNs startNs, gs::TimeNs endNs);
    // A goroutine span was clicked; the side panel shows its details.
    void spanSelected(gs::GoroutineRow row, uint32_t span);
    // A time range was selected (or changed); empty range (a == b) means cleared.
    void rangeSelected(gs::TimeNs startNs, gs::TimeNs endNs);
    // The selected goroutine changed (its row label or one of its spans was clicked, or
    // selectGoroutine); kNoRow when cleared.
    void goroutineSelected(gs::GoroutineRow row);
    // A layout or activity built off the GUI thread is shown; isBusy() tells whether more is coming.
    void partsReady();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void rebuildLayout();
    void setLayout(std::shared_ptr<const TimelineLayout> layout);
    // Recomputes the group activity for the window shown (off the GUI thread for large traces).
    void refreshActivity();
    bool isLarge() const;
    void revealRow(GoroutineRow row);
    void updateRangeText();
    void updateScrollBars();
    void applyWindow(const TimeWindow& window);
    // Lays the rows out again for the goroutines that exist in the window (setHideAbsentGoroutines).
    void followWindowInRows();
    void zoomBy(double factor, double anchorX);
    void panBy(double px);
    void handleClick(QPoint pos);
    int timeAreaWidth() const;
    TimeNs traceStart() const;
    TimeNs traceEnd() const;

    StorePtr m_store;
    std::shared_ptr<const TimelineIndex> m_index;
    std::shared_ptr<const TimelineLayout> m_layout;
    std::shared_ptr<const GroupActivity> m_activity;
    TimelineLayout::Options m_options;
    JobRunner m_layoutJobs;
    JobRunner m_activityJobs;
    std::stop_source m_activityStop;
    bool m_layoutPending = false;
    bool m_activityPending = false;
    bool m_holdActivity = false; // while setStore puts the new layout and window in place
    bool m_hideAbsent = true;
    QTimer* m_windowRests; // fires once the window stopped moving: then rows follow it
    GoroutineRow m_revealAfterLayout = kNoRow; // a row to scroll to once the pending layout is shown
    TimeWindow m_window;
    int m_labelWidth = 200;
    std::optional<SpanRef> m_selectedSpan;
    GoroutineRow m_selectedGoroutine = kNoRow;
    std::optional<std::pair<TimeNs, TimeNs>> m_selectedRange;
    ContributorHighlight m_contributors;
    QString m_rangeText; // describeRange of the selection, computed when it changes

    enum class Drag
    {
        None,
        Pending, // pressed, not yet moved far enough to be a drag
        Pan,
        Select,
    };
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    QPoint m_lastPos;
    TimeNs m_selectAnchor = 0;
};

} // namespace gs::ui
