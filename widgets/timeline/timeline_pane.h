// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"
#include "widgets/trace/trace_views.h"

#include <QWidget>

namespace gs::ui {

class ChainPanel;
class RelationsPanel;
class SpanDetailsPanel;
class TimelineView;
class TracePlots;

// The trace page as one embeddable widget: the TimelineView above the metric plots (TracePlots,
// kept on the view's time axis and aligned with its label gutter), and the SpanDetailsPanel to the
// right showing the clicked span, with tabs under it: the ChainPanel following who woke it and the
// RelationsPanel showing who created the goroutine, whom it created and whom it woke. Only wiring
// lives here; each part is usable on its own.
// GUI thread only.
class TimelinePane : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePane(QWidget* parent = nullptr);

    // The store's trace with the parts prepared for it (prepareTraceViews).
    void setStore(StorePtr store, TraceViewsPtr views);

    TimelineView* view() const { return m_view; }
    TracePlots* plots() const { return m_plots; }
    SpanDetailsPanel* details() const { return m_details; }
    ChainPanel* chain() const { return m_chain; }
    RelationsPanel* relations() const { return m_relations; }

    // Drops the selected span from the view and from the panels showing it, keeping the goroutine
    // selected: for an owner that keeps the selection elsewhere and cleared it there.
    void clearSpan();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void alignPlots();
    void showWaker(int64_t goroutineId);

    StorePtr m_store;
    TimelineView* m_view = nullptr;
    TracePlots* m_plots = nullptr;
    SpanDetailsPanel* m_details = nullptr;
    ChainPanel* m_chain = nullptr;
    RelationsPanel* m_relations = nullptr;
};

} // namespace gs::ui
