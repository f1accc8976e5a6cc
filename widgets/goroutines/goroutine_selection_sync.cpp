// SPDX-License-Identifier: MIT
#include "widgets/goroutines/goroutine_selection_sync.h"

#include "widgets/trace/trace_session.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>

namespace gs::ui {

GoroutineSelectionSync::GoroutineSelectionSync(QAbstractItemView* view, TraceSession* session, IndexOf indexOf,
                                               GoroutineAt goroutineAt)
    : QObject(view)
    , m_view(view)
    , m_session(session)
    , m_indexOf(std::move(indexOf))
    , m_goroutineAt(std::move(goroutineAt))
{
    connect(m_session, &TraceSession::selectedGoroutineChanged, this, &GoroutineSelectionSync::showSessionSelection);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (!m_syncing && current.isValid())
            m_session->setSelectedGoroutine(m_goroutineAt(current));
    });
}

void GoroutineSelectionSync::showSessionSelection()
{
    const QModelIndex index = m_indexOf(m_session->selectedGoroutine());
    QItemSelectionModel* selection = m_view->selectionModel();
    m_syncing = true;
    if (!index.isValid()) {
        m_view->clearSelection();
        selection->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
    } else {
        // scrollTo expands a tree's ancestors, so the goroutine is visible however deep it is.
        selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index);
    }
    m_syncing = false;
}

} // namespace gs::ui
