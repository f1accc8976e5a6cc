// SPDX-License-Identifier: MIT
#include "widgets/trace/user_log_table.h"

#include "widgets/trace/trace_session.h"
#include "widgets/trace/user_log_model.h"

#include <QHeaderView>

namespace gs::ui {

UserLogTable::UserLogTable(TraceSession* session, QWidget* parent)
    : QTableView(parent)
    , m_session(session)
    , m_model(new UserLogModel(this))
{
    setModel(m_model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    connect(m_session, &TraceSession::storeChanged, this, [this] {
        m_model->setStore(m_session->store());
        resizeColumnsToContents();
    });
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this, &UserLogTable::selectLogOf);
}

void UserLogTable::selectLogOf(const QModelIndex& index)
{
    const StorePtr& store = m_session->store();
    if (!index.isValid() || !store || !store->trace)
        return;
    const UserLog& log = m_model->logAt(index.row());
    const TraceData& t = *store->trace;
    const GoroutineRow row = t.rowOf(log.goroutine);
    if (row == kNoRow)
        return;
    if (const auto span = t.spans.spanAt(row, log.time))
        m_session->setSelectedSpan(SpanRef {row, *span});
    else
        m_session->setSelectedGoroutine(row);
}

} // namespace gs::ui
