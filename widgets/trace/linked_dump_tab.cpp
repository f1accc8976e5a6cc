// SPDX-License-Identifier: MIT
#include "widgets/trace/linked_dump_tab.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/pane_setup.h"
#include "widgets/common/value_format.h"
#include "widgets/dump/dump_group_details.h"
#include "widgets/trace/linked_dump_model.h"
#include "widgets/trace/trace_session.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace gs::ui {

LinkedDumpTab::LinkedDumpTab(TraceSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new LinkedDumpModel(this))
    , m_header(new QLabel(this))
    , m_note(new QLabel(this))
    , m_table(new QTableView(this))
    , m_stack(newStackPane(tr("Select a goroutine to see its traceback"), this))
{
    m_header->setTextFormat(Qt::RichText);
    m_note->setEnabled(false);
    auto* top = new QHBoxLayout;
    top->setContentsMargins(4, 4, 4, 2);
    top->addWidget(m_header, 1);
    top->addWidget(m_note);

    m_table->setModel(m_model);
    setUpRowTable(m_table);
    m_table->setTextElideMode(Qt::ElideRight);
    const QFontMetrics fm = m_table->fontMetrics();
    m_table->setColumnWidth(LinkedDumpModel::Id, fm.horizontalAdvance(QStringLiteral("Goroutine 0000")) + 16);
    m_table->setColumnWidth(LinkedDumpModel::State, fm.horizontalAdvance(QStringLiteral("chan receive, 10 minutes")) + 16);
    m_table->setColumnWidth(LinkedDumpModel::Function, fm.horizontalAdvance(QStringLiteral("main.(*service).handleQuery.func1")) + 16);
    QSplitter* split = newSplitter(Qt::Horizontal, m_table, m_stack, 3, 2, this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    // The ID column reads as a link, so a single click on it follows it; Enter or a double click
    // follows any row.
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (index.column() == LinkedDumpModel::Id)
            activateRow(index.row());
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) { activateRow(index.row()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LinkedDumpTab::showGoroutine);
    connect(m_session, &TraceSession::selectedGoroutineChanged, this, &LinkedDumpTab::followSelection);
}

const StorePtr& LinkedDumpTab::dump() const
{
    return m_model->dump();
}

void LinkedDumpTab::setDump(StorePtr dump, const QString& path)
{
    m_model->setStores(m_session->store(), std::move(dump));
    m_stack->clear();
    m_note->clear();
    const QString name = captureHtml(QFileInfo(path).fileName());
    const StorePtr& store = m_model->dump();
    if (!store || !store->dump || store->dump->kind != GoroutineDumpData::Kind::Traceback) {
        m_header->setText(tr("<b>%1</b> \u00b7 a debug=1 count profile has no goroutine IDs to link to the trace").arg(name));
        return;
    }
    m_header->setText(tr("<b>%1</b> \u00b7 %2, %3 in the trace \u00b7 click an ID to show that goroutine in the timeline")
                          .arg(name, formatCount(m_model->rowCount(), tr("goroutine"), tr("goroutines")),
                               QString::number(m_model->linkedCount())));
    followSelection(m_session->selectedGoroutine());
}

bool LinkedDumpTab::activateRow(int row)
{
    const DumpGoroutine* g = m_model->goroutineAt(row);
    if (!g)
        return false;
    const GoroutineRow traceRow = m_model->traceRowAt(row);
    if (traceRow == kNoRow) {
        m_note->setText(tr("goroutine %1 is not in the trace").arg(g->id));
        return false;
    }
    const auto keep = m_session->keepMask();
    const bool hidden = keep && traceRow < keep->size() && !(*keep)[traceRow];
    m_note->setText(hidden ? tr("goroutine %1 is hidden by the goroutine filter").arg(g->id) : QString());
    m_session->setSelectedGoroutine(traceRow);
    return true;
}

void LinkedDumpTab::showGoroutine()
{
    const DumpGoroutine* g = m_model->goroutineAt(m_table->currentIndex().row());
    m_stack->setPlainText(g ? goroutineText(m_model->dump()->symbols, *m_model->dump()->dump, *g) : QString());
}

void LinkedDumpTab::followSelection(GoroutineRow row)
{
    const StorePtr& trace = m_session->store();
    if (row == kNoRow || !trace || !trace->trace || row >= trace->trace->goroutines.size())
        return;
    const int dumpRow = m_model->rowOfId(trace->trace->goroutines[row].id);
    if (dumpRow >= 0 && dumpRow != m_table->currentIndex().row())
        m_table->selectRow(dumpRow);
}

} // namespace gs::ui
