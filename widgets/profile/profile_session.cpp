// SPDX-License-Identifier: MIT
#include "widgets/profile/profile_session.h"

#include "widgets/common/go_names.h"

namespace gs::ui {

namespace {

// What a worker hands back: QFuture wants a default-constructible value.
struct ComputeOutcome
{
    std::shared_ptr<const ProfileResult> result;
    QString error;
};

} // namespace

ProfileSession::ProfileSession(QObject* parent)
    : QObject(parent)
    , m_jobs(this)
{
}

void ProfileSession::setStore(StorePtr store)
{
    m_store = std::move(store);
    m_base.reset();
    m_filters.clear();
    m_selected.clear();
    m_selectedId.reset();
    m_result.reset();
    m_query = ProfileQuery {};
    if (m_store && m_store->profile)
        m_query.sampleType = m_store->profile->defaultSampleType;
    emit storeChanged();
    emit baseChanged();
    emit queryChanged();
    emit selectionChanged();
    recompute();
}

void ProfileSession::setBase(StorePtr base)
{
    if (base == m_base)
        return;
    m_base = std::move(base);
    emit baseChanged();
    recompute();
}

void ProfileSession::setSampleType(size_t index)
{
    if (index == m_query.sampleType)
        return;
    m_query.sampleType = index;
    emit queryChanged();
    recompute();
}

void ProfileSession::setGranularity(NodeGranularity granularity)
{
    if (granularity == m_query.granularity)
        return;
    m_query.granularity = granularity;
    emit queryChanged();
    recompute();
}

void ProfileSession::setMode(ViewMode mode)
{
    if (mode == m_query.mode)
        return;
    m_query.mode = mode;
    if (mode == ViewMode::Sandwich && m_query.pivot.empty())
        m_query.pivot = m_selected;
    emit queryChanged();
    recompute();
}

void ProfileSession::showSandwich(const std::string& function)
{
    if (m_query.mode == ViewMode::Sandwich && m_query.pivot == function)
        return;
    m_query.mode = ViewMode::Sandwich;
    m_query.pivot = function;
    emit queryChanged();
    recompute();
}

void ProfileSession::addFilter(const FilterItem& item)
{
    if (validateFilter(item))
        return;
    m_filters.push_back(item);
    emit queryChanged();
    recompute();
}

void ProfileSession::removeFilter(int index)
{
    if (index < 0 || size_t(index) >= m_filters.size())
        return;
    m_filters.erase(m_filters.begin() + index);
    emit queryChanged();
    recompute();
}

void ProfileSession::clearFilters()
{
    if (m_filters.empty())
        return;
    m_filters.clear();
    emit queryChanged();
    recompute();
}

void ProfileSession::setSelectedFunction(const std::string& name)
{
    if (name == m_selected)
        return;
    m_selected = name;
    resolveSelection();
    emit selectionChanged();
}

void ProfileSession::resolveSelection()
{
    m_selectedId.reset();
    if (m_result && !m_selected.empty())
        m_selectedId = findFunction(*m_result->symbols, m_selected);
}

void ProfileSession::recompute()
{
    if (!m_store) {
        m_jobs.cancel();
        setComputing(false);
        return;
    }
    // Snapshot on the GUI thread: the worker owns copies and shared_ptrs, nothing else.
    ProfileQuery query = m_query;
    query.filter = toStackFilter(m_filters);
    setComputing(true);
    m_jobs.start(
        [store = m_store, base = m_base, query = std::move(query)] {
            ComputeOutcome outcome;
            auto result = computeProfile(store, base, query);
            if (result)
                outcome.result = std::move(*result);
            else
                outcome.error = QString::fromStdString(result.error().message);
            return outcome;
        },
        [this](ComputeOutcome outcome) {
            setComputing(false);
            if (!outcome.result) {
                emit computeFailed(outcome.error);
                return;
            }
            m_result = std::move(outcome.result);
            resolveSelection();
            emit resultChanged();
            emit selectionChanged();
        });
}

void ProfileSession::setComputing(bool computing)
{
    if (computing == m_computing)
        return;
    m_computing = computing;
    emit computingChanged(computing);
}

} // namespace gs::ui
