// SPDX-License-Identifier: MIT
#include "widgets/trace/trace_compare_tab.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/compared_table_model.h"
#include "widgets/common/pane_setup.h"
#include "widgets/common/value_format.h"
#include "widgets/trace/trace_diff_tables.h"

#include <QButtonGroup>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace gs::ui {

namespace {

// What a worker hands back: QFuture wants a default-constructible value.
struct CompareOutcome
{
    std::shared_ptr<const TraceDiff> diff;
    std::shared_ptr<const ComparedTable> functions;
    std::shared_ptr<const ComparedTable> regions;
};

QString fileName(const StorePtr& store)
{
    return QFileInfo(QString::fromStdString(store->sourcePath)).fileName();
}

// "start functions: 12 of 14 changed (1 new, 2 gone)"
template<typename Entry>
QString changeSummary(const QString& what, const std::vector<Entry>& entries)
{
    int changed = 0, fresh = 0, gone = 0;
    for (const Entry& e : entries) {
        changed += !e.unchanged();
        fresh += e.isNew();
        gone += e.isGone();
    }
    if (entries.empty())
        return QObject::tr("no %1").arg(what);
    QString s = QObject::tr("%1: %2 of %3 changed").arg(what).arg(changed).arg(entries.size());
    if (fresh || gone)
        s += QObject::tr(" (%1 new, %2 gone)").arg(fresh).arg(gone);
    return s;
}

QToolButton* sectionButton(const QString& text, const QString& tip, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    return button;
}

} // namespace

TraceCompareTab::TraceCompareTab(QWidget* parent)
    : QWidget(parent)
    , m_functions(new ComparedTableModel(this))
    , m_regions(new ComparedTableModel(this))
    , m_header(new QLabel(this))
    , m_note(new QLabel(this))
    , m_tables(new QStackedWidget(this))
    , m_jobs(this)
{
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The header takes the room the row has, never more: a long one would squeeze the section
    // buttons or widen the window. Its tooltip names both files in full.
    m_header->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_note->setEnabled(false);
    m_functionButton = sectionButton(tr("Start functions"),
                                     tr("Goroutine times per start function, by the change of their total time; "
                                        "double-click a row to filter the goroutines to that function"),
                                     this);
    m_regionButton = sectionButton(tr("Region types"), tr("Region latencies per type, by the change of their p90"), this);
    auto* sections = new QButtonGroup(this);
    sections->addButton(m_functionButton);
    sections->addButton(m_regionButton);
    m_functionButton->setChecked(true);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("\u2715"));
    close->setToolTip(tr("Stop comparing with the base trace"));
    close->setAutoRaise(true);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(4, 2, 4, 2);
    top->addWidget(m_functionButton);
    top->addWidget(m_regionButton);
    top->addSpacing(12);
    top->addWidget(m_header, 1);
    top->addWidget(m_note);
    top->addWidget(close);

    m_functionTable = newTable(m_functions);
    m_functionTable->setObjectName(QStringLiteral("compareStartFunctions"));
    m_regionTable = newTable(m_regions);
    m_regionTable->setObjectName(QStringLiteral("compareRegionTypes"));
    m_tables->addWidget(m_functionTable);
    m_tables->addWidget(m_regionTable);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_tables, 1);

    connect(m_functionButton, &QAbstractButton::toggled, this, &TraceCompareTab::showStartFunctions);
    connect(m_functionTable, &QTableView::activated, this,
            [this](const QModelIndex& index) { activateStartFunction(index.row()); });
    connect(close, &QToolButton::clicked, this, &TraceCompareTab::closeRequested);
}

QTableView* TraceCompareTab::newTable(ComparedTableModel* model)
{
    auto* table = new QTableView(this);
    table->setModel(model);
    setUpRowTable(table);
    // Many narrow number columns: the name keeps the width it was given, the rest scroll.
    table->horizontalHeader()->setStretchLastSection(false);
    table->setTextElideMode(Qt::ElideLeft); // a Go function's last element names it
    return table;
}

void TraceCompareTab::fitColumns(QTableView* table)
{
    table->resizeColumnsToContents();
    const int widest = table->fontMetrics().horizontalAdvance(QStringLiteral("main.(*server).handleRequest.func1")) + 40;
    table->setColumnWidth(ComparedTableModel::kNameColumn,
                          std::min(table->columnWidth(ComparedTableModel::kNameColumn), widest));
}

void TraceCompareTab::showStartFunctions(bool show)
{
    m_functionButton->setChecked(show);
    m_regionButton->setChecked(!show);
    m_tables->setCurrentWidget(show ? m_functionTable : m_regionTable);
    m_note->clear();
}

void TraceCompareTab::compare(StorePtr base, StorePtr current)
{
    m_base = std::move(base);
    m_current = std::move(current);
    m_diff.reset();
    m_functions->setTable(nullptr);
    m_regions->setTable(nullptr);
    m_note->clear();
    updateHeader();
    m_jobs.start(
        [base = m_base, current = m_current] {
            CompareOutcome outcome;
            auto diff = std::make_shared<const TraceDiff>(diffTraces(*base, *current));
            outcome.functions = std::make_shared<const ComparedTable>(startFunctionComparison(*diff));
            outcome.regions = std::make_shared<const ComparedTable>(regionTypeComparison(*diff));
            outcome.diff = std::move(diff);
            return outcome;
        },
        [this](CompareOutcome outcome) {
            m_diff = std::move(outcome.diff);
            m_functions->setTable(std::move(outcome.functions));
            m_regions->setTable(std::move(outcome.regions));
            fitColumns(m_functionTable);
            fitColumns(m_regionTable);
            updateHeader();
            emit diffChanged();
        });
}

void TraceCompareTab::updateHeader()
{
    const QString files = tr("<b>%1</b> compared with base <b>%2</b>")
                              .arg(captureHtml(fileName(m_current)), captureHtml(fileName(m_base)));
    if (!m_diff) {
        m_header->setText(files + tr(" \u00b7 comparing\u2026"));
        return;
    }
    m_header->setText(files + QStringLiteral(" \u00b7 ") + changeSummary(tr("start functions"), m_diff->startFunctions)
                      + QStringLiteral(" \u00b7 ") + changeSummary(tr("region types"), m_diff->regionTypes));
    m_header->setToolTip(plainToolTip(tr("This trace: %1\nBase: %2")
                                          .arg(captureText(m_current->sourcePath), captureText(m_base->sourcePath))));
    m_functionButton->setText(tr("Start functions (%1)").arg(m_diff->startFunctions.size()));
    m_regionButton->setText(tr("Region types (%1)").arg(m_diff->regionTypes.size()));
}

bool TraceCompareTab::activateStartFunction(int row)
{
    const ComparedRow* entry = m_functions->rowAt(row);
    if (!entry)
        return false;
    if (entry->isGone || entry->name.empty()) {
        m_note->setText(entry->isGone ? tr("gone: no goroutine of this trace starts there")
                                      : tr("the trace does not tell these goroutines' start function"));
        return false;
    }
    m_note->clear();
    emit startFunctionActivated(entry->name);
    return true;
}

} // namespace gs::ui
