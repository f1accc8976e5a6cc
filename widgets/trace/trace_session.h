// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/goroutine_filter.h"
#include "core/analysis/goroutine_links.h"
#include "core/model/event_store.h"
#include "widgets/common/job_runner.h"
#include "widgets/filters/goroutine_condition.h"
#include "widgets/timeline/timeline_scene.h"
#include "widgets/trace/trace_views.h"

#include <QObject>

#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace gs::ui {

// The shared state of the trace page's views (timeline, goroutine table, span-duration histogram,
// filter bar): the store, the goroutine filter as a list of chips, the latest filter result and
// the selection (goroutine, span, flame-graph function) and the goroutines highlighted as a
// frame's contributors. Views observe it and never talk to each other; the navigation history
// records and restores the selection through it.
//
// Every change of the conditions refilters off the GUI thread (filterGoroutines walks every span,
// far too many on a big trace to block the GUI for); a newer change cancels the running job through its stop token and
// JobRunner drops any stale result, so the last change always wins. Until a result arrives the
// previous one stays (null at first: views then show every goroutine). GUI thread only.
class TraceSession : public QObject
{
    Q_OBJECT
public:
    using ResultPtr = std::shared_ptr<const GoroutineFilterResult>;

    explicit TraceSession(QObject* parent = nullptr);
    ~TraceSession() override;

    // A new trace: clears the conditions, the result and the selection, then filters. `views` are
    // the parts prepared for the trace's views (prepareTraceViews; TracePage prepares them).
    void setStore(StorePtr store, TraceViewsPtr views);
    const StorePtr& store() const { return m_store; }
    // The prepared parts of the trace's views (null without a trace).
    const TraceViewsPtr& views() const { return m_views; }

    // Adds a value of a condition kind (see gs::ui::addCondition); invalid text is ignored, the
    // filter bar reports it before it gets here.
    void addCondition(ConditionKind kind, const std::string& text);
    void removeCondition(int index);
    void clearConditions();
    // Replaces every chip at once, with one refilter (a histogram selection swaps several).
    void setConditions(std::vector<GoroutineCondition> conditions);
    const std::vector<GoroutineCondition>& conditions() const { return m_conditions; }

    // The latest finished result, or null before the first one (or without a trace).
    const ResultPtr& result() const { return m_result; }
    // The result's keep mask, sharing its ownership (for TimelineView::setGoroutineFilter); null
    // when there is no result or it keeps every goroutine.
    std::shared_ptr<const std::vector<uint8_t>> keepMask() const;
    size_t goroutineCount() const;
    bool isFiltering() const { return m_filtering; }

    GoroutineRow selectedGoroutine() const { return m_selected; }
    // kNoRow clears the selection (and the selected span).
    void setSelectedGoroutine(GoroutineRow row);

    // The selected span; selecting one selects its goroutine too. nullopt clears it.
    std::optional<SpanRef> selectedSpan() const { return m_selectedSpan; }
    void setSelectedSpan(std::optional<SpanRef> span);

    // The function selected in a flame graph of the trace (or of a profile opened beside it), by
    // name; empty when none.
    const std::string& selectedFunction() const { return m_selectedFunction; }
    void setSelectedFunction(const std::string& name);

    // The waits whose blocking chain the chain panel showed, in the order first shown, each once:
    // the chains a postmortem report lists as followed. A new trace clears them.
    const std::vector<SpanRef>& followedChains() const { return m_followedChains; }
    void recordFollowedChain(SpanRef wait);

    // The goroutines that fed the selected flame-graph frame, with the stretches of time that made
    // up their share; the timeline highlights them. Null clears.
    using ContributorsPtr = std::shared_ptr<const std::vector<FrameContribution>>;
    const ContributorsPtr& contributors() const { return m_contributors; }
    void setContributors(ContributorsPtr contributors);

signals:
    void storeChanged();
    void conditionsChanged();
    void resultChanged();
    void filteringChanged(bool filtering);
    // The filter could not be applied (the core refused it); the previous result stays.
    void filterFailed(const QString& message);
    void selectedGoroutineChanged(gs::GoroutineRow row);
    void selectedSpanChanged();
    void selectedFunctionChanged(const std::string& name);
    void contributorsChanged();

private:
    void refilter();
    void setFiltering(bool filtering);

    StorePtr m_store;
    TraceViewsPtr m_views;
    std::vector<GoroutineCondition> m_conditions;
    ResultPtr m_result;
    GoroutineRow m_selected = kNoRow;
    std::optional<SpanRef> m_selectedSpan;
    std::string m_selectedFunction;
    std::vector<SpanRef> m_followedChains;
    ContributorsPtr m_contributors;
    bool m_filtering = false;
    std::stop_source m_stop;
    JobRunner m_jobs;
};

} // namespace gs::ui
