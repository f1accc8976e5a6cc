// SPDX-License-Identifier: MIT
#include "widgets/goroutines/goroutine_table.h"

#include "widgets/common/table_sort.h"
#include "widgets/goroutines/goroutine_selection_sync.h"
#include "widgets/goroutines/goroutine_table_model.h"
#include "widgets/trace/trace_session.h"

#include <QHeaderView>

#include <algorithm>

namespace gs::ui {

GoroutineTable::GoroutineTable(TraceSession* session, QWidget* parent)
    : QTableView(parent)
    , m_session(session)
    , m_model(new GoroutineTableModel(this))
{
    setModel(m_model);
    m_selection = new GoroutineSelectionSync(
        this, m_session,
        [this](GoroutineRow g) {
            // Keep the column the user is on, so following the session does not jump sideways.
            return m_model->indexOfGoroutine(g, currentIndex().isValid() ? currentIndex().column() : 0);
        },
        [this](const QModelIndex& index) { return m_model->goroutineAt(index.row()); });
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setHighlightSections(false);
    makeSortable(this, GoroutineTableModel::Execution, Qt::DescendingOrder);

    connect(m_session, &TraceSession::storeChanged, this, [this] {
        // Before the new store arrives, so the model sorts it once, in the order the views
        // computed ahead for the default sort.
        restoreDefaultSort(this);
        const TraceViewsPtr& views = m_session->views();
        m_model->setStore(m_session->store(), views ? views->waitReasons : std::vector<StringId>(),
                          views ? views->tableOrder : nullptr);
        resetColumnWidths();
    });
    connect(m_session, &TraceSession::resultChanged, this, [this] {
        m_model->setFilterResult(m_session->result());
        m_selection->showSessionSelection();
    });
}

void GoroutineTable::resetColumnWidths()
{
    // Measuring 100k rows would stall: names get room, numbers fit "123.45 ms" and their title.
    const int number = fontMetrics().horizontalAdvance(QStringLiteral("000.00 ms")) + 16;
    const QFontMetrics header = horizontalHeader()->fontMetrics();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const QString title = m_model->headerData(c, Qt::Horizontal).toString();
        setColumnWidth(c, std::max(number, header.horizontalAdvance(title) + 24));
    }
    setColumnWidth(GoroutineTableModel::Id, fontMetrics().horizontalAdvance(QStringLiteral("G0000000")) + 16);
    setColumnWidth(GoroutineTableModel::StartFunction, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 48);
    setColumnWidth(GoroutineTableModel::CreatedBy, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 28);
}

} // namespace gs::ui
