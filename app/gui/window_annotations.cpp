// SPDX-License-Identifier: MIT
#include "app/gui/window_annotations.h"

#include "app/gui/main_window.h"
#include "widgets/annotations/annotation_overlay.h"
#include "widgets/annotations/annotation_set.h"
#include "widgets/annotations/view_mappers.h"
#include "widgets/dump/dump_page.h"
#include "widgets/dump/dump_panel.h"
#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/graph/call_graph_view.h"
#include "widgets/goroutines/goroutine_table.h"
#include "widgets/plots/gc_plot.h"
#include "widgets/plots/span_duration_histogram.h"
#include "widgets/plots/trace_plots.h"
#include "widgets/profile/profile_page.h"
#include "widgets/timeline/timeline_pane.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_flame_tab.h"
#include "widgets/trace/trace_page.h"

#include <QAction>
#include <QMenu>
#include <QTableView>
#include <QUndoStack>

#include <qcustomplot.h>

namespace gs::app {

WindowAnnotations::WindowAnnotations(MainWindow* window)
    : QObject(window)
    , m_tools(new ui::AnnotationTools(window->annotations(), this))
    , m_edit(new QMenu(tr("&Edit"), window))
{
    QUndoStack* undo = window->annotations()->undoStack();
    QAction* undoAction = undo->createUndoAction(this, tr("&Undo"));
    undoAction->setShortcut(QKeySequence::Undo);
    QAction* redoAction = undo->createRedoAction(this, tr("&Redo"));
    redoAction->setShortcuts(QKeySequence::Redo); // Ctrl+Shift+Z everywhere, Ctrl+Y too on some platforms
    m_edit->addAction(undoAction);
    m_edit->addAction(redoAction);
    m_edit->addSeparator();
    QMenu* annotate = m_edit->addMenu(tr("&Annotate"));
    annotate->addActions(m_tools->actions());
    attachOverlays(window);
}

void WindowAnnotations::attachOverlays(MainWindow* window)
{
    ui::TracePage* trace = window->tracePage();
    ui::TimelineView* timeline = trace->timeline();
    new ui::AnnotationOverlay(timeline, timeline->viewport(), ui::timelineMapper(*timeline), m_tools);
    ui::GoroutineTable* table = trace->goroutineTable();
    new ui::AnnotationOverlay(table, table->viewport(), ui::goroutineTableMapper(*table), m_tools);
    for (QCustomPlot* plot : {trace->pane()->plots()->plot(), trace->histogram()->plot(), window->gcPage()->plot()})
        new ui::AnnotationOverlay(plot, plot, ui::plotMapper(*plot), m_tools);
    for (ui::ProfilePage* page : {window->profilePage(), trace->flameTab()->profilePage()}) {
        for (ui::FlameGraphView* flame : {page->flameView(), page->callersView(), page->calleesView()})
            new ui::AnnotationOverlay(flame, flame, ui::flameMapper(*flame), m_tools);
        ui::CallGraphView* graph = page->graphView();
        new ui::AnnotationOverlay(graph, graph, ui::callGraphMapper(*graph), m_tools);
        QTableView* top = page->topView();
        new ui::AnnotationOverlay(top, top->viewport(), ui::topTableMapper(*top), m_tools);
    }
    QTableView* groups = window->dumpPage()->panel()->groupTable();
    new ui::AnnotationOverlay(groups, groups->viewport(), ui::dumpGroupsMapper(*groups), m_tools);
}

} // namespace gs::app
