// SPDX-License-Identifier: MIT
#include "widgets/profile/profile_session.h"

#include "widgets/common/go_names.h"

namespace gs::ui {

namespace {

// What a worker hands back: QFuture wants a default-constructible value.
struct ComputeOutcome
{
    std::shared_ptr<const ProfileResult> result;
    StorePtr store; // a merge's
    QString error;
};

} // namespace

ProfileSession::ProfileSession(QObject* parent)
    : QObject(parent)
    , m_jobs(this)
    , m_mergeJobs(this)
{
}

void ProfileSession::setStore(StorePtr store)
{
    m_mergeJobs.cancel();
    m_store = std::move(store);
    m_parts.clear();
    m_pendingParts.clear();
    if (m_store)
        m_parts.push_back(m_store);
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

void ProfileSession::addProfile(StorePtr other)
{
    if (!m_store || !other)
        return;
    // Every addition merges all the parts again, so that a newer one includes those still running.
    if (m_pendingParts.empty())
        m_pendingParts = m_parts;
    m_pendingParts.push_back(std::move(other));
    m_mergeJobs.start(
        [parts = m_pendingParts] {
            ComputeOutcome outcome;
            auto merged = mergeProfiles(parts);
            if (merged)
                outcome.store = std::move(*merged);
            else
                outcome.error = QString::fromStdString(merged.error().message);
            return outcome;
        },
        [this](ComputeOutcome outcome) {
            std::vector<StorePtr> parts = std::move(m_pendingParts);
            m_pendingParts.clear();
            if (!outcome.store) {
                emit mergeFailed(outcome.error);
                return;
            }
            m_parts = std::move(parts);
            m_store = std::move(outcome.store);
            emit profilesMerged(profileCount());
            recompute();
        });
}

void ProfileSession::setBase(StorePtr base)
{
    setBase(std::move(base), m_query.baseMode);
}

void ProfileSession::setBase(StorePtr base, BaseMode mode)
{
    if (base == m_base && mode == m_query.baseMode)
        return;
    m_base = std::move(base);
    m_query.baseMode = mode;
    emit baseChanged();
    recompute();
}

void ProfileSession::setMean(bool mean)
{
    if (mean == m_query.mean)
        return;
    m_query.mean = mean;
    emit queryChanged();
    recompute();
}

void ProfileSession::setOutputUnit(const std::string& unit)
{
    if (unit == m_query.unit)
        return;
    m_query.unit = unit;
    emit queryChanged();
    recompute();
}

void ProfileSession::setDivideBy(double divisor)
{
    if (divisor == m_query.divideBy || divisor == 0)
        return;
    m_query.divideBy = divisor;
    emit queryChanged();
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
