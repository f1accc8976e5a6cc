// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/trace_diff.h"
#include "core/model/event_store.h"
#include "widgets/common/job_runner.h"

#include <QWidget>

#include <memory>
#include <string>

class QAbstractButton;
class QLabel;
class QStackedWidget;
class QTableView;

namespace gs::ui {

class ComparedTableModel;

// The "Compare" tab of the trace page: the open trace against a base trace of the same program
// (File > Compare with Base), taken before a change. A header names both files; a switch shows
// one of two tables, per start function (goroutine-analysis times) or per region type
// (latencies), each with before, after and change columns in diffTraces' order, largest change
// first. Activating a start function's row asks for the goroutines of that function (the page
// filters its goroutine table); the cross asks to stop comparing.
// diffTraces runs off the GUI thread; a newer compare() drops an older one's result. GUI thread
// only.
class TraceCompareTab : public QWidget
{
    Q_OBJECT
public:
    explicit TraceCompareTab(QWidget* parent = nullptr);

    // Compares `current` (the open trace) with `base`; both must be trace stores.
    void compare(StorePtr base, StorePtr current);
    const StorePtr& base() const { return m_base; }
    // The latest finished comparison, or null while it runs.
    const std::shared_ptr<const TraceDiff>& diff() const { return m_diff; }

    // Shows the start-function table (or the region-type table).
    void showStartFunctions(bool show);
    // Asks for the goroutines of the start function at `row` of its table; false (and a note)
    // when the open trace has none.
    bool activateStartFunction(int row);

    QLabel* header() const { return m_header; }
    QLabel* note() const { return m_note; }
    QTableView* startFunctionTable() const { return m_functionTable; }
    QTableView* regionTypeTable() const { return m_regionTable; }
    ComparedTableModel* startFunctionModel() const { return m_functions; }
    ComparedTableModel* regionTypeModel() const { return m_regions; }

signals:
    // A comparison finished.
    void diffChanged();
    // The goroutines started by `function` are wanted.
    void startFunctionActivated(const std::string& function);
    void closeRequested();

private:
    QTableView* newTable(ComparedTableModel* model);
    void fitColumns(QTableView* table);
    void updateHeader();

    StorePtr m_base;
    StorePtr m_current;
    std::shared_ptr<const TraceDiff> m_diff;
    ComparedTableModel* m_functions = nullptr;
    ComparedTableModel* m_regions = nullptr;
    QLabel* m_header = nullptr;
    QLabel* m_note = nullptr;
    QAbstractButton* m_functionButton = nullptr;
    QAbstractButton* m_regionButton = nullptr;
    QStackedWidget* m_tables = nullptr;
    QTableView* m_functionTable = nullptr;
    QTableView* m_regionTable = nullptr;
    JobRunner m_jobs;
};

} // namespace gs::ui
