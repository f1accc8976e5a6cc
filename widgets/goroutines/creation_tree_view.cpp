// SPDX-License-Identifier: MIT
#include "widgets/goroutines/creation_tree_view.h"

#include "widgets/goroutines/goroutine_selection_sync.h"
#include "widgets/goroutines/trace_creation_model.h"
#include "widgets/trace/trace_session.h"

#include <QHeaderView>

namespace gs::ui {

CreationTreeView::CreationTreeView(TraceSession* session, QWidget* parent)
    : QTreeView(parent)
    , m_session(session)
    , m_model(new TraceCreationModel(this))
{
    setModel(m_model);
    m_selection = new GoroutineSelectionSync(
        this, m_session, [this](GoroutineRow g) { return m_model->indexOf(g); },
        [this](const QModelIndex& index) { return m_model->goroutineAt(index); });
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    // A creator of 100k goroutines scrolls without measuring each row.
    setUniformRowHeights(true);
    header()->setStretchLastSection(false);

    connect(m_session, &TraceSession::storeChanged, this, [this] {
        m_model->setStore(m_session->store(), m_session->views() ? m_session->views()->creation : nullptr);
        m_layoutPending = true;
        if (isVisible())
            resetLayout();
    });
    connect(m_session, &TraceSession::resultChanged, this, [this] { m_model->setKeepMask(m_session->keepMask()); });
}

void CreationTreeView::showEvent(QShowEvent* event)
{
    QTreeView::showEvent(event);
    if (m_layoutPending)
        resetLayout();
}

void CreationTreeView::resetLayout()
{
    m_layoutPending = false;
    // The first levels are what a user looks at first (main and what it started); deeper levels
    // open on demand. Function names get a fixed room (generic names can be very long); the
    // other columns fit their contents, which Qt measures on at most its resizeContentsPrecision
    // rows, so a creator of 100k goroutines costs no more than one of a thousand.
    expandToDepth(0);
    setColumnWidth(TraceCreationModel::Function, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 56);
    for (int c : {int(TraceCreationModel::Goroutine), int(TraceCreationModel::Created), int(TraceCreationModel::Lifetime),
                  int(TraceCreationModel::Descendants)})
        resizeColumnToContents(c);
}

} // namespace gs::ui
