// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/profile/profile_compute.h"

#include <QWidget>

#include <cstdint>
#include <vector>

class QAction;
class QActionGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace gs::ui {

class CallGraphView;
class FilterBar;
class FlamePane;
class PeekPanel;
class ProfileSession;
class SourcePanel;
class TopTableModel;
class ValueOptionsButton;

// The profile workspace: sample-type selector, view mode, orientation, search, filter chips, the
// flame graph (or the sandwich pair), and beside it the top table and the selected function's source. It wires the views to the session — table
// and flame graph only meet through the session's selection — and owns the QActions the main
// window puts in its menus.
class ProfilePage : public QWidget
{
    Q_OBJECT
public:
    explicit ProfilePage(ProfileSession* session, QWidget* parent = nullptr);

    FlameGraphView* flameView() const;
    FlameGraphView* callersView() const;
    FlameGraphView* calleesView() const;
    // The flame graph the search, zoom actions and export apply to (the callees in sandwich mode).
    FlameGraphView* currentFlameView() const;
    // pprof's call graph (View mode Graph, Ctrl+4).
    CallGraphView* graphView() const { return m_graphView; }
    bool showsGraph() const;
    QTableView* topView() const { return m_table; }
    // Beside the flame graph: the Top table, the Peek and the Source tab.
    QTabWidget* sideTabs() const { return m_sideTabs; }
    SourcePanel* sourcePanel() const { return m_source; }
    TopTableModel* topModel() const { return m_model; }
    QLineEdit* searchField() const { return m_search; }
    // Whether the search also narrows the top table to the matching functions (on by default).
    QCheckBox* narrowTableBox() const { return m_narrowTable; }
    // "matched 23.4% of 1.2 s", or empty without a search.
    QString searchSummary() const;
    // The Values menu: mean, unit, divide by.
    ValueOptionsButton* valueOptions() const { return m_values; }
    // The badge naming the base ("diff vs base.pb.gz", "minus base.pb.gz"), hidden without one.
    QLabel* baseBadge() const { return m_diffBadge; }

    // Actions for the main window's View menu (they also work while the page has focus).
    QList<QAction*> viewActions() const;

private:
    void createActions();
    void buildUi();
    void connectSession();
    void onStoreChanged();
    void onQueryChanged();
    void onResultChanged();
    void onSelectionChanged();
    void onFrameAction(FrameAction action, FunctionId function);
    void applySearch();
    // The functions the top table lists (gs::matchFunctions' mask): the search's matches when it
    // narrows the table, else empty for all.
    std::vector<uint8_t> tableFunctions() const;
    // Lists tableFunctions() in the table, keeping the selected function selected if listed.
    void showTopRows();
    void updateSearchSummary();
    void setFlipped(bool flame);
    void applyGranularity();
    void showGranularity();
    std::string functionName(FunctionId function) const;

    ProfileSession* m_session = nullptr;
    TopTableModel* m_model = nullptr;
    QComboBox* m_sampleType = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_searchSummary = nullptr;
    QCheckBox* m_narrowTable = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_diffBadge = nullptr;
    QToolButton* m_clearBase = nullptr;
    ValueOptionsButton* m_values = nullptr;
    FilterBar* m_filterBar = nullptr;
    QStackedWidget* m_flameStack = nullptr;
    FlamePane* m_mainPane = nullptr;
    QWidget* m_sandwich = nullptr;
    FlamePane* m_callersPane = nullptr;
    FlamePane* m_calleesPane = nullptr;
    QLabel* m_sandwichHint = nullptr;
    CallGraphView* m_graphView = nullptr;
    QTableView* m_table = nullptr;
    PeekPanel* m_peek = nullptr;
    QToolButton* m_granularity = nullptr;      // its menu: the four granularities, then No inlines
    QActionGroup* m_granularities = nullptr; // in the order of gs::Granularity
    QAction* m_noInlines = nullptr;
    QTabWidget* m_sideTabs = nullptr;
    SourcePanel* m_source = nullptr;
    QTimer* m_searchDebounce = nullptr;

    QActionGroup* m_modeGroup = nullptr;
    QAction* m_topDown = nullptr;
    QAction* m_bottomUp = nullptr;
    QAction* m_sandwichMode = nullptr;
    QAction* m_graphMode = nullptr;
    QAction* m_flip = nullptr;
    QAction* m_find = nullptr;
    QAction* m_filter = nullptr;
    QAction* m_back = nullptr;
    QAction* m_resetZoom = nullptr;
    bool m_syncingSelection = false;
};

} // namespace gs::ui
