// SPDX-License-Identifier: MIT
#include "widgets/goroutines/goroutine_table.h"

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
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setSortIndicator(GoroutineTableModel::Execution, Qt::DescendingOrder);
    horizontalHeader()->setHighlightSections(false);
    setSortingEnabled(true);

    connect(m_session, &TraceSession::storeChanged, this, [this] {
        m_model->setStore(m_session->store());
        resetColumnWidths();
    });
    connect(m_session, &TraceSession::resultChanged, this, [this] {
        m_model->setFilterResult(m_session->result());
        showSessionSelection();
    });
    connect(m_session, &TraceSession::selectedGoroutineChanged, this, &GoroutineTable::showSessionSelection);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (!m_syncing && current.isValid())
            m_session->setSelectedGoroutine(m_model->goroutineAt(current.row()));
    });
}

void GoroutineTable::showSessionSelection()
{
    const int row = m_model->rowOfGoroutine(m_session->selectedGoroutine());
    m_syncing = true;
    if (row < 0) {
        clearSelection();
        selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
    } else {
        const QModelIndex index = m_model->index(row, currentIndex().isValid() ? currentIndex().column() : 0);
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        scrollTo(index);
    }
    m_syncing = false;
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
