// SPDX-License-Identifier: MIT
#include "widgets/top/peek_panel.h"

#include "core/analysis/peek.h"
#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cstdlib>

namespace gs::ui {

namespace {

enum Column
{
    Weight,
    Share,
    Function,
};

constexpr int kFunctionRole = Qt::UserRole + 1;

} // namespace

PeekPanel::PeekPanel(QWidget* parent)
    : QWidget(parent)
    , m_hint(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Weight"), tr("Share"), tr("Function")});
    m_tree->headerItem()->setToolTip(Weight, tr("The weight of the stacks with this call (each stack counted once)"));
    m_tree->headerItem()->setToolTip(Share, tr("Share of the selected function's cumulative weight"));
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(Weight, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(Share, QHeaderView::ResizeToContents);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_hint);
    layout->addWidget(m_tree, 1);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QVariant f = item->data(Function, kFunctionRole);
        if (f.isValid())
            emit functionActivated(FunctionId(f.toUInt()));
    });
    rebuild();
}

void PeekPanel::peekAt(std::shared_ptr<const ProfileResult> result, std::optional<FunctionId> function)
{
    if (result == m_result && function == m_function)
        return;
    m_result = std::move(result);
    m_function = function;
    rebuild();
}

QTreeWidgetItem* PeekPanel::addRow(QTreeWidgetItem* parent, int64_t weight, int64_t of, FunctionId function,
                                   bool inlined)
{
    const Symbols& symbols = *m_result->symbols;
    const std::string& unit = m_result->sampleType.unit;
    auto* item = new QTreeWidgetItem(parent);
    item->setText(Weight, m_result->isDiff ? formatDelta(weight, unit) : formatValue(weight, unit));
    item->setText(Share, of == 0 ? QString() : formatPercent(double(weight) / double(std::llabs(of))));
    QString name = captureText(printableFunctionName(symbols, function));
    if (inlined)
        name += tr(" (inline)");
    item->setText(Function, name);
    item->setToolTip(Function, plainToolTip(name));
    item->setData(Function, kFunctionRole, uint(function));
    item->setTextAlignment(Weight, Qt::AlignRight | Qt::AlignVCenter);
    item->setTextAlignment(Share, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void PeekPanel::rebuild()
{
    m_tree->clear();
    m_hint->setText(tr("Select a function to see its callers and callees, as pprof's peek."));
    const bool shown = m_result && m_function && *m_function < m_result->symbols->functions.size();
    m_hint->setVisible(!shown);
    m_tree->setVisible(shown);
    if (!shown)
        return;
    std::vector<uint8_t> matched(m_result->symbols->functions.size(), 0);
    matched[*m_function] = 1;
    const std::vector<PeekEntry> entries = computePeek(*m_result->symbols, m_result->top, m_result->edges, matched);
    if (entries.empty()) {
        m_hint->setText(tr("The selected function has no weight under the current filters."));
        m_hint->setVisible(true);
        m_tree->setVisible(false);
        return;
    }
    const PeekEntry& entry = entries.front();
    auto section = [this](const QString& title, size_t count) {
        auto* item = new QTreeWidgetItem(m_tree);
        item->setFirstColumnSpanned(true);
        item->setText(Weight, count == 0 ? tr("%1: none").arg(title) : tr("%1 (%2)").arg(title).arg(count));
        QFont bold = item->font(Weight);
        bold.setBold(true);
        item->setFont(Weight, bold);
        item->setFlags(Qt::ItemIsEnabled);
        item->setExpanded(true);
        return item;
    };
    QTreeWidgetItem* callers = section(tr("Callers"), entry.callers.size());
    for (const CallEdge& e : entry.callers)
        addRow(callers, e.weight, entry.row.cum, e.caller, e.inlined);
    QTreeWidgetItem* self = addRow(m_tree->invisibleRootItem(), entry.row.cum, entry.row.cum, entry.row.function, false);
    self->setToolTip(Weight, tr("Cumulative weight; flat %1").arg(m_result->isDiff ? formatDelta(entry.row.flat, m_result->sampleType.unit)
                                                                                   : formatValue(entry.row.flat, m_result->sampleType.unit)));
    QFont bold = self->font(Function);
    bold.setBold(true);
    for (int c = Weight; c <= Function; ++c)
        self->setFont(c, bold);
    QTreeWidgetItem* callees = section(tr("Callees"), entry.callees.size());
    for (const CallEdge& e : entry.callees)
        addRow(callees, e.weight, entry.row.cum, e.callee, e.inlined);
    m_tree->expandAll();
}

} // namespace gs::ui
