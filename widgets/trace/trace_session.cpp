// SPDX-License-Identifier: MIT
#include "widgets/trace/trace_session.h"

#include "core/base/load_context.h"

#include <algorithm>

namespace gs::ui {

namespace {

// What the worker hands back: QFuture wants a default-constructible value.
struct FilterOutcome
{
    TraceSession::ResultPtr result;
    QString error;
    bool cancelled = false;
};

} // namespace

TraceSession::TraceSession(QObject* parent)
    : QObject(parent)
    , m_jobs(this)
{
}

TraceSession::~TraceSession()
{
    // The worker may outlive us; let the thread pool drain quickly.
    m_stop.request_stop();
}

void TraceSession::setStore(StorePtr store, TraceViewsPtr views)
{
    m_store = std::move(store);
    m_views = m_store && m_store->trace ? std::move(views) : nullptr;
    m_conditions.clear();
    m_result.reset();
    m_selected = kNoRow;
    m_selectedSpan.reset();
    m_selectedFunction.clear();
    m_followedChains.clear();
    m_contributors.reset();
    emit storeChanged();
    emit conditionsChanged();
    emit resultChanged();
    emit selectedGoroutineChanged(kNoRow);
    emit selectedSpanChanged();
    emit selectedFunctionChanged({});
    emit contributorsChanged();
    refilter();
}

void TraceSession::addCondition(ConditionKind kind, const std::string& text)
{
    if (validateCondition(kind, text))
        return;
    const auto before = m_conditions;
    gs::ui::addCondition(m_conditions, kind, text);
    if (m_conditions == before)
        return;
    emit conditionsChanged();
    refilter();
}

void TraceSession::removeCondition(int index)
{
    if (index < 0 || size_t(index) >= m_conditions.size())
        return;
    m_conditions.erase(m_conditions.begin() + index);
    emit conditionsChanged();
    refilter();
}

void TraceSession::clearConditions()
{
    if (m_conditions.empty())
        return;
    m_conditions.clear();
    emit conditionsChanged();
    refilter();
}

void TraceSession::setConditions(std::vector<GoroutineCondition> conditions)
{
    if (conditions == m_conditions)
        return;
    m_conditions = std::move(conditions);
    emit conditionsChanged();
    refilter();
}

std::shared_ptr<const std::vector<uint8_t>> TraceSession::keepMask() const
{
    return keepMaskOf(m_result, goroutineCount());
}

size_t TraceSession::goroutineCount() const
{
    return m_store && m_store->trace ? m_store->trace->goroutines.size() : 0;
}

void TraceSession::setSelectedGoroutine(GoroutineRow row)
{
    if (row >= goroutineCount())
        row = kNoRow;
    if (m_selectedSpan && m_selectedSpan->row != row) {
        m_selectedSpan.reset();
        emit selectedSpanChanged();
    }
    if (row == m_selected)
        return;
    m_selected = row;
    emit selectedGoroutineChanged(row);
}

void TraceSession::recordFollowedChain(SpanRef wait)
{
    if (std::ranges::find(m_followedChains, wait) == m_followedChains.end())
        m_followedChains.push_back(wait);
}

void TraceSession::setSelectedSpan(std::optional<SpanRef> span)
{
    if (span && (span->row >= goroutineCount() || !m_store || span->span >= m_store->trace->spans.size()))
        span.reset();
    if (span == m_selectedSpan)
        return;
    if (span)
        setSelectedGoroutine(span->row); // before storing the span: a new row clears the old span
    m_selectedSpan = span;
    emit selectedSpanChanged();
}

void TraceSession::setSelectedFunction(const std::string& name)
{
    if (name == m_selectedFunction)
        return;
    m_selectedFunction = name;
    emit selectedFunctionChanged(name);
}

void TraceSession::setContributors(ContributorsPtr contributors)
{
    if (contributors == m_contributors)
        return;
    m_contributors = std::move(contributors);
    emit contributorsChanged();
}

void TraceSession::refilter()
{
    m_stop.request_stop();
    m_stop = std::stop_source();
    if (!m_store || !m_store->trace) {
        m_jobs.cancel();
        setFiltering(false);
        return;
    }
    setFiltering(true);
    // Snapshot on the GUI thread: the worker owns the store reference and a copy of the filter.
    m_jobs.start(
        [store = m_store, filter = toGoroutineFilter(m_conditions, m_store->trace->startNs), stop = m_stop.get_token()] {
            FilterOutcome outcome;
            LoadContext context(stop, {});
            try {
                auto result = filterGoroutines(*store, filter, &context);
                if (result)
                    outcome.result = std::make_shared<const GoroutineFilterResult>(std::move(*result));
                else
                    outcome.error = QString::fromStdString(result.error().message);
            } catch (const Cancelled&) {
                outcome.cancelled = true;
            }
            return outcome;
        },
        [this](FilterOutcome outcome) {
            setFiltering(false);
            if (outcome.cancelled)
                return;
            if (!outcome.result) {
                emit filterFailed(outcome.error);
                return;
            }
            m_result = std::move(outcome.result);
            emit resultChanged();
            // What the filter hides cannot stay selected: no view shows it any more.
            if (m_selected != kNoRow && (m_selected >= m_result->keep.size() || !m_result->keep[m_selected]))
                setSelectedGoroutine(kNoRow);
        });
}

void TraceSession::setFiltering(bool filtering)
{
    if (filtering == m_filtering)
        return;
    m_filtering = filtering;
    emit filteringChanged(filtering);
}

} // namespace gs::ui
