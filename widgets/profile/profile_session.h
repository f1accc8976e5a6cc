// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"
#include "widgets/common/job_runner.h"
#include "widgets/filters/filter_item.h"
#include "widgets/profile/profile_compute.h"

#include <QObject>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gs::ui {

// The shared state of the profile views: the store (and diff base), the sample type, the filter
// chips, the view mode and the selected function. Views observe it and never talk to each other.
// Every change that affects the analysis recomputes it off the GUI thread; results from an older
// query are dropped (JobRunner's generation), so the last change always wins. GUI thread only.
class ProfileSession : public QObject
{
    Q_OBJECT
public:
    explicit ProfileSession(QObject* parent = nullptr);

    // A new profile: resets filters, base, sandwich pivot and selection, and picks the profile's
    // default sample type.
    void setStore(StorePtr store);
    const StorePtr& store() const { return m_store; }

    // Merges `other` into the profile off the GUI thread, as pprof merges several sources; the
    // filters and the view stay. On success emits profilesMerged, else mergeFailed with one line,
    // and what is open stays as it was.
    void addProfile(StorePtr other);
    // How many profiles the shown one merges (1 for a profile as loaded).
    int profileCount() const { return int(m_parts.size()); }

    void setBase(StorePtr base);
    // A base with how it is used: compared (pprof's -diff_base) or subtracted (-base).
    void setBase(StorePtr base, BaseMode mode);
    void clearBase() { setBase(nullptr); }
    const StorePtr& base() const { return m_base; }
    BaseMode baseMode() const { return m_query.baseMode; }

    // pprof's -mean, -unit ("auto" for the best fit) and -divide_by for the values shown.
    void setMean(bool mean);
    bool mean() const { return m_query.mean; }
    void setOutputUnit(const std::string& unit);
    const std::string& outputUnit() const { return m_query.unit; }
    void setDivideBy(double divisor);
    double divideBy() const { return m_query.divideBy; }

    void setSampleType(size_t index);
    size_t sampleType() const { return m_query.sampleType; }

    // pprof's granularity; a new profile starts at functions.
    void setGranularity(NodeGranularity granularity);
    NodeGranularity granularity() const { return m_query.granularity; }

    void setMode(ViewMode mode);
    ViewMode mode() const { return m_query.mode; }
    // Switches to the sandwich view around `function` (by name).
    void showSandwich(const std::string& function);
    const std::string& pivot() const { return m_query.pivot; }

    void addFilter(const FilterItem& item);
    void removeFilter(int index);
    void clearFilters();
    const std::vector<FilterItem>& filters() const { return m_filters; }

    // The selected function, by name so it survives recomputes that renumber symbols (diffs).
    void setSelectedFunction(const std::string& name);
    const std::string& selectedFunction() const { return m_selected; }
    // The selected function's id in the current result's symbols.
    std::optional<FunctionId> selectedFunctionId() const { return m_selectedId; }

    // The latest finished result, or null before the first one.
    const std::shared_ptr<const ProfileResult>& result() const { return m_result; }
    bool isComputing() const { return m_computing; }

signals:
    void storeChanged();
    void baseChanged();
    void queryChanged();
    void resultChanged();
    void selectionChanged();
    void computingChanged(bool computing);
    void computeFailed(const QString& message);
    void profilesMerged(int count);
    void mergeFailed(const QString& message);

private:
    void recompute();
    void setComputing(bool computing);
    void resolveSelection();

    StorePtr m_store;
    // The profiles as loaded that m_store merges, and those a running merge adds to them.
    std::vector<StorePtr> m_parts;
    std::vector<StorePtr> m_pendingParts;
    StorePtr m_base;
    ProfileQuery m_query;
    std::vector<FilterItem> m_filters;
    std::string m_selected;
    std::optional<FunctionId> m_selectedId;
    std::shared_ptr<const ProfileResult> m_result;
    bool m_computing = false;
    JobRunner m_jobs;
    JobRunner m_mergeJobs;
};

} // namespace gs::ui
