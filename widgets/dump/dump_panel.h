// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/common/job_runner.h"
#include "widgets/dump/dump_view.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableView;
class QTabWidget;
class QTimer;
class QTreeView;

namespace gs::ui {

class CreationTreeModel;
class DumpGroupModel;
class ProfileSession;

// The "Goroutines" panel of a dump: filter controls (state, wait reason, function regex, minimum
// wait), a grouping selector, the group table with the selected group's stack beside it, and the
// creation tree. A filter change hands the session the filtered subset as a profile store, so the
// flame graph and top table narrow with the table (the session then starts afresh: its own
// filters and zoom are reset). The group of the goroutine a crash happened on is selected first,
// when the filter keeps it; otherwise the largest group. Filtering and grouping run off the GUI
// thread; a newer query drops an older one's result. GUI thread only.
class DumpPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DumpPanel(ProfileSession* session, QWidget* parent = nullptr);

    // A dump store (the one the session was just given), or null to clear.
    void setStore(StorePtr store);
    const StorePtr& store() const { return m_store; }
    // The latest finished view, or null before the first one.
    const std::shared_ptr<const DumpView>& view() const;

    QComboBox* groupingBox() const { return m_grouping; }
    QComboBox* stateBox() const { return m_state; }
    QComboBox* reasonBox() const { return m_reason; }
    QLineEdit* functionField() const { return m_function; }
    QSpinBox* minWaitBox() const { return m_minWait; }
    QTableView* groupTable() const { return m_table; }
    DumpGroupModel* groupModel() const { return m_groups; }
    QPlainTextEdit* detailsPane() const { return m_details; }
    QTabWidget* tabs() const { return m_tabs; }
    QTreeView* creationView() const { return m_creationView; }
    CreationTreeModel* creationModel() const { return m_creation; }

signals:
    void viewChanged();

private:
    void buildUi();
    void fillReasons();
    DumpQuery currentQuery() const;
    void recompute(bool filterChanged);
    void showDetails();
    // The table row of the group holding the crashed goroutine, or -1.
    int crashedGroupRow() const;

    ProfileSession* m_session = nullptr;
    StorePtr m_store;
    DumpGroupModel* m_groups = nullptr;
    CreationTreeModel* m_creation = nullptr;
    QComboBox* m_grouping = nullptr;
    QComboBox* m_state = nullptr;
    QComboBox* m_reason = nullptr;
    QLineEdit* m_function = nullptr;
    QSpinBox* m_minWait = nullptr;
    QLabel* m_status = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_table = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QTreeView* m_creationView = nullptr;
    QTimer* m_functionDebounce = nullptr;
    // Whether the session holds a filtered subset (not the dump store itself).
    bool m_sessionFiltered = false;
    // A filter change whose profile store has not reached the session yet: a grouping change
    // started meanwhile must still build it, since it drops the older job's result.
    bool m_profilePending = false;
    JobRunner m_jobs;
};

} // namespace gs::ui
